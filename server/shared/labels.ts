/** Words for enum values, in one place so pages, feeds and the API agree. */
export const MOTION_STATUS_LABELS: Record<string, string> = {
  pending: "Pending",
  granted: "Granted",
  granted_in_part: "Granted in part",
  denied: "Denied",
  withdrawn: "Withdrawn",
  moot: "Moot",
  unknown: "Unknown",
};

export const MOTION_KIND_LABELS: Record<string, string> = {
  motion_to_quash: "Motion to quash",
  motion_to_proceed_pseudonymously: "Motion to proceed pseudonymously",
  motion_to_seal: "Motion to seal",
  motion_to_unseal: "Motion to unseal",
  motion_for_stay: "Motion for stay",
  administrative_motion: "Administrative motion",
  other: "Other motion",
};

export const COVERAGE_STATUS_LABELS: Record<string, string> = {
  in_force: "In force",
  dissolved: "Dissolved",
  superseded: "Superseded",
  moot: "Moot",
};

export const ORDER_KIND_LABELS: Record<string, string> = {
  non_production: "Non-production order",
  stay: "Stay",
  ruling: "Ruling",
  scheduling: "Scheduling order",
  dismissal: "Dismissal",
  sealing: "Sealing order",
  other: "Order",
};

export const SUBPOENA_KIND_LABELS: Record<string, string> = {
  administrative_subpoena: "Administrative subpoena",
  immigration_subpoena: "Immigration enforcement subpoena",
  customs_summons: "Customs summons",
  grand_jury_subpoena: "Grand-jury subpoena",
};

export const ENTRY_KIND_LABELS: Record<string, string> = {
  complaint: "Complaint / petition",
  motion: "Motion",
  opposition: "Opposition",
  reply: "Reply",
  declaration: "Declaration / affidavit",
  order: "Order",
  notice: "Notice",
  minute: "Minute entry",
  hearing: "Hearing",
  stipulation: "Stipulation",
  dismissal: "Dismissal",
  other: "Other",
};

export const ENTRY_SOURCE_LABELS: Record<string, string> = {
  manual: "entered by staff",
  pacer_docket: "PACER docket report",
  nef: "PACER notice of electronic filing",
  rss: "PACER RSS feed",
  press: "press report (not from the docket)",
};

/** How a docket entry is known, in the one word exports and the API give it: the court's docket, a press report, or staff. */
export const ENTRY_SOURCE_KINDS = ["docket", "press report", "staff"] as const;
export function entrySourceKind(source: string): (typeof ENTRY_SOURCE_KINDS)[number] {
  if (source === "press") return "press report";
  if (source === "manual") return "staff";
  return "docket";
}

/**
 * Where a docket entry's text came from, as a public page, feed or export says it after the
 * entry's kind: a phrase that reads whole ("logged by staff", never "from entered by staff").
 */
export const ENTRY_SOURCE_PHRASES: Record<string, string> = {
  manual: "logged by staff",
  pacer_docket: "from the PACER docket report",
  nef: "from a PACER notice of electronic filing",
  rss: "from the PACER RSS feed",
  press: "reconstructed from a press report, not from the court's docket",
};

export const STANDING_LABELS: Record<string, string> = {
  of_record: "counsel of record",
  reported: "reported as counsel; not confirmed on the docket",
  quoted_only: "quoted in the press; role in the case not stated",
};

export const HEARING_STATUS_LABELS: Record<string, string> = {
  scheduled: "Scheduled",
  held: "Held",
  vacated: "Vacated",
  continued: "Continued",
  unknown: "Unknown whether held",
};

export const DEADLINE_STATUS_LABELS: Record<string, string> = {
  open: "Open",
  met: "Met",
  vacated: "Vacated",
  superseded: "Superseded",
};

export const GROUP_LABELS: Record<string, string> = {
  meta: "Demands to Meta",
  other_platform: "Demands to other platforms",
  related: "Related suits",
  out_of_scope: "Noted, out of scope",
  unsorted: "Unsorted (staff only until placed)",
};

export const EVENT_KIND_LABELS: Record<string, string> = {
  issuance: "Demand issued",
  post: "Post",
  notice: "Notice",
  filing: "Filing",
  order: "Order",
  hearing: "Hearing",
  withdrawal: "Withdrawal",
  dismissal: "Dismissal",
  takedown: "Takedown",
  letter: "Letter",
  statement: "Statement",
  report: "Report",
  lawsuit: "Lawsuit",
  visit: "Visit",
  other: "Other",
};

export const AUTHORITY_KIND_LABELS: Record<string, string> = {
  case: "Case",
  statute: "Statute",
  rule: "Rule",
  constitution: "Constitution",
  regulation: "Regulation",
  journal: "Law-review article",
  other: "Other",
};

export function label(map: Record<string, string>, value: string | null | undefined): string {
  if (!value) return "";
  return map[value] ?? value.replace(/_/g, " ");
}
