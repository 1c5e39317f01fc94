/**
 * Federal district-court docket numbers: `5:26-mc-80026-TSH` is office 5, year 26, type
 * `mc`, serial 80026, assigned judge TSH. The judge initials change when a case is
 * reassigned, so cases are matched on the *core* number (`5:26-mc-80026`).
 */
export type DocketNumber = {
  /** As written, whitespace trimmed. */
  full: string;
  office: string | null;
  /** Two-digit year as printed ("26"). */
  year: string;
  type: string;
  /** Serial without leading zeros stripped ("00159" stays "00159"). */
  serial: string;
  /** Judge initials after the serial, joined by "-" when there are two ("WHA-DMS"). */
  judgeInitials: string | null;
  /** Criminal defendant number (`…-KMW-1` → "1"). */
  defendantNumber: string | null;
  core: string;
};

// office:yy-type-serial, then any -INITIALS or -defendant suffixes. "1:08-cv-00901", "08-cv-901".
const PATTERN = /^(?:(\d{1,2}):)?(\d{2})-([a-z]{1,4})-(\d{1,6})((?:-[A-Za-z]{1,5})*)(?:-(\d{1,3}))?$/i;

export function parseDocketNumber(input: string): DocketNumber | null {
  const full = input.trim().replace(/\s+/g, "");
  const match = PATTERN.exec(full);
  if (!match) return null;
  const [, office, year, type, serial, initialsPart, defendant] = match;
  const initials = (initialsPart ?? "")
    .split("-")
    .filter(Boolean)
    .map((part) => part.toUpperCase());
  const lowerType = type!.toLowerCase();
  return {
    full,
    office: office ?? null,
    year: year!,
    type: lowerType,
    serial: serial!,
    judgeInitials: initials.length ? initials.join("-") : null,
    defendantNumber: defendant ?? null,
    core: `${office ? `${office}:` : ""}${year}-${lowerType}-${serial}`,
  };
}
