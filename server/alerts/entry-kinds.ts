import { ENTRY_KINDS } from "../../db/schema";

/*
 * The kinds of docket entry a subscriber can filter out. The record's own kinds (motion, order,
 * minute…) come from the entry; the routine filings reporters ask to mute most (CourtListener's
 * users: appearances, pro hac vice applications, certificates of service) are not kinds of
 * their own in the record, so they are recognised from the entry's public text.
 */

export const ROUTINE_ENTRY_KINDS = ["appearance", "pro_hac_vice", "certificate_of_service"] as const;
export const ALERT_ENTRY_KINDS = [...ROUTINE_ENTRY_KINDS, ...ENTRY_KINDS] as const;
export type AlertEntryKind = (typeof ALERT_ENTRY_KINDS)[number];

export const ALERT_ENTRY_KIND_LABELS: Record<AlertEntryKind, string> = {
  appearance: "Notices of appearance",
  pro_hac_vice: "Pro hac vice applications and orders",
  certificate_of_service: "Certificates and proofs of service",
  complaint: "Complaints and petitions",
  motion: "Motions",
  opposition: "Oppositions",
  reply: "Replies",
  declaration: "Declarations",
  order: "Orders",
  notice: "Other notices",
  minute: "Minute entries",
  hearing: "Hearing entries",
  stipulation: "Stipulations",
  dismissal: "Dismissals",
  other: "Other entries",
};

const ROUTINE_PATTERNS: [AlertEntryKind, RegExp][] = [
  ["pro_hac_vice", /\bpro\s+hac\s+vice\b/i],
  ["certificate_of_service", /\b(certificate|proof)\s+of\s+service\b/i],
  ["appearance", /\bnotice\s+of\s+(\w+\s+)?appearance\b|\bappearance\s+of\s+counsel\b/i],
];

/**
 * Every kind an entry counts as for a subscriber's filter: its recorded kind, and the routine
 * kind its text shows, if any ("NOTICE of Appearance by …" is a notice and an appearance).
 */
export function alertKindsOfEntry(entry: { kind: string; description: string; shortDescription?: string | null }): AlertEntryKind[] {
  const text = `${entry.shortDescription ?? ""} ${entry.description}`;
  const kinds: AlertEntryKind[] = [];
  for (const [kind, pattern] of ROUTINE_PATTERNS) if (pattern.test(text)) kinds.push(kind);
  if ((ENTRY_KINDS as readonly string[]).includes(entry.kind)) kinds.push(entry.kind as AlertEntryKind);
  return kinds;
}

export function isAlertEntryKind(value: string): value is AlertEntryKind {
  return (ALERT_ENTRY_KINDS as readonly string[]).includes(value);
}
