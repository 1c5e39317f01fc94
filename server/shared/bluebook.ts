import type { DatePrecision } from "../../db/schema";

/*
 * Court documents cited the Bluebook way (Rules 10.8.3 and B17, months as in table T12):
 * "Doe v. DHS, No. 3:25-mc-80200-TSH, ECF No. 12 (N.D. Cal. Sept. 18, 2025)" — the case name,
 * the docket number, the document, then the court and the date in one parenthetical. A case
 * itself (no document) is cited with its filing date: "(N.D. Cal. filed Oct. 13, 2025)".
 * What the record does not know is left out, never guessed: no "No." without a number, and a
 * date known only to the month is given as the month ("Nov. 2025").
 */

const MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

export type CitedDate = { date: string | null; latest?: string | null; precision?: DatePrecision | null };

/** "Sept. 18, 2025", "Nov. 2025", "2025", or null when the day, month and year are not known. */
export function bluebookDate(value: CitedDate): string | null {
  if (!value.date) return null;
  const [year, month, day] = value.date.split("-").map(Number) as [number, number, number];
  switch (value.precision ?? "day") {
    case "day":
      return `${MONTHS[month - 1]} ${day}, ${year}`;
    case "month":
      return `${MONTHS[month - 1]} ${year}`;
    case "year":
      return String(year);
    case "range":
    case "weekday":
      // A window of days: its month when it stays inside one, else nothing the citation could say for certain.
      return value.latest && value.latest.slice(0, 7) === value.date.slice(0, 7) ? `${MONTHS[month - 1]} ${year}` : null;
    default:
      return null;
  }
}

export type BluebookParts = {
  /** The caption ("Doe v. DHS"), or the tracker's label while it is unknown. */
  caseName: string;
  docketNumber: string | null;
  /** The court's Bluebook abbreviation ("N.D. Cal."), null when unknown. */
  court: string | null;
  /** The ECF number of the document cited; null for the case itself or an unnumbered entry. */
  ecfNumber?: number | null;
  /** The document's date, or the case's filing date when no document is cited. */
  date: CitedDate;
};

export type BluebookCitation = {
  text: string;
  /** The same in runs, the case name italic, for a page to set in type. */
  runs: { text: string; italic: boolean }[];
};

export function bluebookCitation(parts: BluebookParts): BluebookCitation {
  const document = parts.ecfNumber !== undefined;
  const when = bluebookDate(parts.date);
  const dated = when ? (document ? when : `filed ${when}`) : null;
  const parenthetical = [parts.court, dated].filter(Boolean).join(" ");
  const rest = [
    parts.docketNumber ? `No. ${parts.docketNumber}` : null,
    document && parts.ecfNumber !== null ? `ECF No. ${parts.ecfNumber}` : null,
  ].filter(Boolean);
  const tail = `${rest.length ? `, ${rest.join(", ")}` : ""}${parenthetical ? ` (${parenthetical})` : ""}`;
  const runs = [
    { text: parts.caseName, italic: true },
    { text: tail, italic: false },
  ].filter((r) => r.text);
  return { text: runs.map((r) => r.text).join(""), runs };
}

/** A docket entry in Bluebook form, the same on its page and in the API. */
export function entryCitation(
  c: { caption: string | null; label: string; docketNumber: string | null },
  court: { shortName: string } | null,
  entry: { number: number | null; dateFiled: string },
) {
  return bluebookCitation({
    caseName: c.caption ?? c.label,
    docketNumber: c.docketNumber,
    court: court?.shortName ?? null,
    ecfNumber: entry.number,
    date: { date: entry.dateFiled },
  });
}

/** A case in Bluebook form, cited by its filing date. */
export function caseCitation(
  c: {
    caption: string | null;
    label: string;
    docketNumber: string | null;
    dateFiled: string | null;
    dateFiledLatest: string | null;
    dateFiledPrecision: DatePrecision | null;
  },
  court: { shortName: string } | null,
) {
  return bluebookCitation({
    caseName: c.caption ?? c.label,
    docketNumber: c.docketNumber,
    court: court?.shortName ?? null,
    date: { date: c.dateFiled, latest: c.dateFiledLatest, precision: c.dateFiledPrecision },
  });
}
