import type { EditableType, RecordRow } from "../records/tables";
import { redactText } from "./redact";

/**
 * The public projection: for each record type, the only fields any public surface (pages,
 * API, feeds, calendar, search, exports) may show. A field not listed here is private, so a
 * new column stays private until someone adds it on purpose. Every text value it lets through
 * passes through the FRCP 5.2 redactor (see PUBLIC_ADDRESS_FIELDS for the two exceptions), so a
 * text field added here later is redacted without anyone having to ask for it.
 */
export const PUBLIC_FIELDS = {
  court: ["id", "name", "shortName", "timeZone"],
  // updatedAt on the records with a page of their own: its "Cite this page" box says when it last changed.
  judge: ["id", "slug", "name", "title", "courtId", "initials", "updatedAt"],
  organization: ["id", "slug", "name", "shortName", "kind", "parentId", "url"],
  person: ["id", "slug", "name", "position", "organizationId"],
  // No contact lines: counsel's address block stays staff-only.
  attorney: ["id", "slug", "name", "organizationId", "position"],
  subpoena: [
    "id",
    "slug",
    "title",
    "kind",
    "issuerId",
    "issuingComponent",
    "recipientId",
    "authorityCited",
    "dateIssued",
    "dateIssuedLatest",
    "dateIssuedPrecision",
    "dateIssuedLabel",
    "dateReturn",
    "statedPurpose",
    "howKnown",
    "accountsCovered",
    "summary",
    "updatedAt",
  ],
  account: ["id", "slug", "platformId", "handle", "displayName", "description"],
  // Only dates and the window: notice contents carry account identifiers (legal-rules 2.3(5)).
  notice: [
    "id",
    "accountId",
    "subpoenaId",
    "platformId",
    "dateNotified",
    "dateNotifiedPrecision",
    "responseWindowStated",
    "responseWindowDays",
    "responseDateStated",
  ],
  case: [
    "id",
    "slug",
    "courtId",
    "docketNumber",
    "dnOffice",
    "dnYear",
    "dnType",
    "dnSerial",
    "dnJudgeInitials",
    "docketNumberCore",
    "caption",
    "label",
    "group",
    "position",
    "dateFiled",
    "dateFiledLatest",
    "dateFiledPrecision",
    "dateFiledLabel",
    "dateTerminated",
    "assignedJudgeId",
    "referredJudgeId",
    "nature",
    "cause",
    "jurisdiction",
    "summary",
    "statusNote",
    "updatedAt",
  ],
  // No extraInfo: PACER prints addresses under party names.
  party: ["id", "caseId", "name", "role", "pseudonymous", "description", "organizationId", "dateTerminated", "position", "nameSealed"],
  representation: ["id", "partyId", "attorneyId", "organizationId", "roles", "standing"],
  entry: [
    "id",
    "caseId",
    "number",
    "sequence",
    "dateFiled",
    "dateEntered",
    "description",
    "shortDescription",
    "kind",
    "filedBy",
    "sealed",
    "stricken",
    "source",
  ],
  // No pacerUrl (one-time magic number) and no extracted text on public pages.
  document: ["id", "entryId", "attachmentNumber", "description", "pageCount", "fileSizeText", "sealed"],
  motion: [
    "id",
    "caseId",
    "entryId",
    "kind",
    "title",
    "reliefSought",
    "dateFiled",
    "dateFiledLatest",
    "dateFiledPrecision",
    "dateFiledLabel",
    "track",
    "status",
    "statusNote",
    "decidedByOrderId",
    "updatedAt",
  ],
  order: [
    "id",
    "slug",
    "caseId",
    "entryId",
    "judgeId",
    "title",
    "kind",
    "dateSigned",
    "dateSignedLatest",
    "dateSignedPrecision",
    "dateSignedLabel",
    "summary",
    "quotedText",
    "updatedAt",
  ],
  coverage: ["id", "orderId", "subpoenaId", "accountId", "addresseeId", "endCondition", "status", "statusReason", "dateEnded"],
  // updatedAt and version: calendar feeds send them as LAST-MODIFIED and SEQUENCE so subscribed calendars pick up changes.
  hearing: [
    "id",
    "caseId",
    "motionId",
    "judgeId",
    "title",
    "date",
    "dateLatest",
    "datePrecision",
    "dateLabel",
    "time",
    "place",
    "status",
    "updatedAt",
    "version",
  ],
  // computation: the calculator's steps and warnings (JSON of rules and dates, no free text).
  deadline: [
    "id",
    "caseId",
    "motionId",
    "orderId",
    "label",
    "dateDue",
    "ruleCode",
    "ruleCitation",
    "origin",
    "triggerDate",
    "computation",
    "status",
    "supersededById",
    "updatedAt",
    "version",
  ],
  // updatedAt: the "Last changed" of the event's own page (Cite this page).
  event: [
    "id",
    "slug",
    "kind",
    "title",
    "description",
    "date",
    "dateLatest",
    "datePrecision",
    "dateLabel",
    "caseId",
    "subpoenaId",
    "updatedAt",
  ],
  authority: ["id", "slug", "kind", "citation", "shortName", "court", "year", "doctrineTags", "holding", "url", "updatedAt"],
  argument: ["id", "motionId", "entryId", "partyId", "doctrineTag", "text", "reached", "treatment"],
  doctrine: ["id", "slug", "title", "summary", "tags", "position", "updatedAt"],
  // Only confirmed links reach the public (server/cites), and the sentence is the filing's own
  // words: it passes the redactor like any free text. No proposed-authority fields, no staff note.
  cite: ["id", "documentId", "kind", "citedText", "pinCite", "sentence", "authorityId", "status"],
  source: [
    "id",
    "tag",
    "url",
    "publisher",
    "title",
    "description",
    "datePublished",
    "datePublishedPrecision",
    "reliability",
    "reliabilityNote",
  ],
  fact_source: ["id", "recordType", "recordId", "field", "sourceId", "quote", "verifiedAgainstDocket", "inferred", "inferredReason"],
  conflict: ["id", "code", "title", "description", "status", "resolution"],
} as const satisfies { [K in EditableType]: readonly (keyof RecordRow<K>)[] };

/**
 * Public text that is an address rather than prose: redacting part of a slug or a URL would
 * break the link, so these are shown as stored. The publication guard scans them like any
 * other text and holds a record whose slug or URL carries a protected number.
 */
export const PUBLIC_ADDRESS_FIELDS: ReadonlySet<string> = new Set(["slug", "url"]);

/** A public field's value as the public may see it. */
export function publicValue(field: string, value: unknown): unknown {
  if (typeof value === "string") return PUBLIC_ADDRESS_FIELDS.has(field) ? value : redactText(value);
  return value ?? null;
}

/**
 * Text of a link row that a public surface prints (a subpoena's demand, the note on a named
 * account, how two cases relate): link rows have no allow-list of their own, so their text
 * passes through here.
 */
export function toPublicText(text: string): string;
export function toPublicText(text: string | null | undefined): string | null;
export function toPublicText(text: string | null | undefined): string | null {
  return text == null ? null : redactText(text);
}

export type PublicRecord<T extends EditableType> = Pick<RecordRow<T>, Extract<(typeof PUBLIC_FIELDS)[T][number], keyof RecordRow<T>>>;

/**
 * The public view of a row: its allow-listed fields, free text redacted, and a sealed record
 * (an entry, a document, a party's name) as its placeholder, whichever of the functions below
 * a caller reaches for.
 */
export function toPublic<T extends EditableType>(type: T, row: PublicRecord<T>): PublicRecord<T> {
  const sealedPlaceholder = SEALED_PLACEHOLDERS[type] as ((row: PublicRecord<T>) => PublicRecord<T> | null) | undefined;
  return sealedPlaceholder?.(row) ?? allowedFields(type, row);
}

/**
 * Copies only the allow-listed fields of a row, redacting text on the way. The row needs no
 * more than those fields (a query may select publicColumns only, server/records/public-scope.ts):
 * nothing here, nor in the sealed placeholders, reads any other.
 */
function allowedFields<T extends EditableType>(type: T, row: PublicRecord<T>): PublicRecord<T> {
  const out: Record<string, unknown> = {};
  const source = row as Record<string, unknown>;
  for (const field of PUBLIC_FIELDS[type]) out[field] = publicValue(field, source[field]);
  return out as PublicRecord<T>;
}

export const SEALED_TEXT = "SEALED";

/**
 * A sealed docket entry shows only its number and dates: its text, filer and documents never
 * leave the server, whoever asks.
 */
export function toPublicEntry(row: PublicRecord<"entry">): PublicRecord<"entry"> {
  return sealedEntry(row) ?? allowedFields("entry", row);
}

function sealedEntry(row: PublicRecord<"entry">): PublicRecord<"entry"> | null {
  if (!row.sealed) return null;
  return {
    id: row.id,
    caseId: row.caseId,
    number: row.number,
    sequence: row.sequence,
    dateFiled: row.dateFiled,
    dateEntered: row.dateEntered,
    description: SEALED_TEXT,
    shortDescription: null,
    kind: "other",
    filedBy: null,
    sealed: true,
    stricken: row.stricken,
    source: row.source,
  };
}

/** A public document with whether its filed PDF can be downloaded (never a sealed one). */
export function toPublicDocumentWithFile(row: RecordRow<"document">): PublicRecord<"document"> & { hasFile: boolean } {
  return { ...toPublicDocument(row), hasFile: !row.sealed && row.fileSha256 !== null };
}

export function toPublicDocument(row: PublicRecord<"document">): PublicRecord<"document"> {
  return sealedDocument(row) ?? allowedFields("document", row);
}

function sealedDocument(row: PublicRecord<"document">): PublicRecord<"document"> | null {
  if (!row.sealed) return null;
  return {
    id: row.id,
    entryId: row.entryId,
    attachmentNumber: row.attachmentNumber,
    description: SEALED_TEXT,
    pageCount: null,
    fileSizeText: null,
    sealed: true,
  };
}

export const SEALED_PARTY_NAME = "Sealed party";

/**
 * A party whose name the court sealed keeps its place on the docket and its role, so the
 * docket still reads ("Sealed party, Movant"), but nothing that could name them: not the name,
 * not staff's description of who they are, not their organisation. Their accounts stay linked
 * by handle, as for any pseudonymous party.
 */
export function toPublicParty(row: PublicRecord<"party">): PublicRecord<"party"> {
  return sealedParty(row) ?? allowedFields("party", row);
}

function sealedParty(row: PublicRecord<"party">): PublicRecord<"party"> | null {
  if (!row.nameSealed) return null;
  return {
    id: row.id,
    caseId: row.caseId,
    name: SEALED_PARTY_NAME,
    role: row.role,
    pseudonymous: true,
    description: null,
    organizationId: null,
    dateTerminated: row.dateTerminated,
    position: row.position,
    nameSealed: true,
  };
}

/** The record types with a sealed placeholder, so `toPublic` itself never lets sealed text through. */
const SEALED_PLACEHOLDERS: { [K in EditableType]?: (row: PublicRecord<K>) => PublicRecord<K> | null } = {
  entry: sealedEntry,
  document: sealedDocument,
  party: sealedParty,
};
