import { TYPE_LABELS } from "../editing/definition";
import type { EditableType } from "../records/tables";

/**
 * Names for records and their fields on the staff history and deleted-records pages. These
 * pages are staff-only, so a label may quote a sealed entry's text; public pages never use them.
 */

type Row = Record<string, unknown>;

/** Columns that name another record, by their name (the schema uses the same names everywhere). */
export const REF_FIELDS: Record<string, EditableType> = {
  caseId: "case",
  relatedCaseId: "case",
  entryId: "entry",
  courtId: "court",
  judgeId: "judge",
  assignedJudgeId: "judge",
  referredJudgeId: "judge",
  motionId: "motion",
  orderId: "order",
  decidedByOrderId: "order",
  subpoenaId: "subpoena",
  accountId: "account",
  partyId: "party",
  attorneyId: "attorney",
  organizationId: "organization",
  issuerId: "organization",
  recipientId: "organization",
  platformId: "organization",
  addresseeId: "organization",
  parentId: "organization",
  sourceId: "source",
  authorityId: "authority",
  argumentId: "argument",
  eventId: "event",
  conflictId: "conflict",
  supersededById: "deadline",
};

/** Link-set fields kept under `$links` whose items are plain ids of one record type. */
export const LINK_ID_SETS: Record<string, EditableType> = {
  subpoenaIds: "subpoena",
  accountIds: "account",
  movantPartyIds: "party",
  authorityIds: "authority",
};

/** Field names whose words the camelCase split gets wrong. */
const FIELD_WORDS: Record<string, string> = {
  dnOffice: "Docket number: office",
  dnYear: "Docket number: year",
  dnType: "Docket number: case type",
  dnSerial: "Docket number: serial",
  dnJudgeInitials: "Docket number: judge's initials",
  docketNumberCore: "Docket number without judge's initials",
  pacerDocId: "PACER document id",
  pacerSeqNo: "PACER sequence number",
  pacerCaseId: "PACER case id",
  pacerUrl: "PACER document link",
  url: "URL",
  fileSha256: "File (sha256)",
  extractedText: "Extracted text",
  subpoenaIds: "Subpoenas challenged",
  accountIds: "Accounts",
  movantPartyIds: "Movants",
  authorityIds: "Authorities cited",
  demands: "Data demanded",
  dispositions: "Motions decided",
  coverage: "Stay coverage",
  related: "Related records",
};

/** "dateFiledLatest" → "Date filed latest"; "caseId" → "Case". */
export function fieldLabel(field: string): string {
  const fixed = FIELD_WORDS[field];
  if (fixed) return fixed;
  const base = field.endsWith("Id") && field.length > 2 ? field.slice(0, -2) : field;
  const words = base.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function typeLabel(type: EditableType): string {
  return TYPE_LABELS[type];
}

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

export function shorten(value: string, max = 90): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** What a record is called in a list: its caption, title, name… or its type and id. */
export function recordName(type: EditableType, row: Row): string {
  const id = String(row.id);
  switch (type) {
    case "entry": {
      const number = row.number === null || row.number === undefined ? "Unnumbered entry" : `ECF No. ${String(row.number)}`;
      const description = text(row.description);
      return description ? `${number}: ${shorten(description, 70)}` : number;
    }
    case "document": {
      const which = row.attachmentNumber === 0 ? "Main document" : `Attachment ${String(row.attachmentNumber)}`;
      const description = text(row.description);
      return description ? `${which}: ${shorten(description, 70)}` : which;
    }
    case "fact_source":
      return `Citation of source #${String(row.sourceId)} for ${String(row.recordType)} #${String(row.recordId)}${row.field ? ` (${String(row.field)})` : ""}`;
    case "coverage":
      return `Coverage of subpoena #${String(row.subpoenaId)}${row.accountId ? `, account #${String(row.accountId)}` : ", all accounts"}`;
    case "notice":
      return `Notice of subpoena #${String(row.subpoenaId)} to account #${String(row.accountId)}`;
    case "representation":
      return `Counsel for party #${String(row.partyId)}`;
    default: {
      const name =
        text(row.caption) ??
        text(row.label) ??
        text(row.name) ??
        text(row.title) ??
        text(row.handle) ??
        text(row.citation) ??
        text(row.tag) ??
        text(row.description) ??
        text(row.text);
      return name ? shorten(name) : `${typeLabel(type)} #${id}`;
    }
  }
}
