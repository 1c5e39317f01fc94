import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, real, uniqueIndex, index, primaryKey } from "drizzle-orm/sqlite-core";
import { recordColumns, sealColumns } from "./columns";
import { cases } from "./cases";

export const ENTRY_KINDS = [
  "complaint",
  "motion",
  "opposition",
  "reply",
  "declaration",
  "order",
  "notice",
  "minute",
  "hearing",
  "stipulation",
  "dismissal",
  "other",
] as const;

/** Where an entry's text came from; a fuller source may replace a shorter one. */
export const ENTRY_SOURCES = ["manual", "pacer_docket", "nef", "rss", "press"] as const;

/** One line of a docket. */
export const docketEntries = sqliteTable(
  "docket_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    // ECF number; null for unnumbered entries (minute entries, some notices).
    number: integer("number"),
    // Orders entries on the page, including unnumbered ones between numbered ones.
    sequence: real("sequence").notNull(),
    // The date the paper was filed and the date the clerk entered it are different facts.
    dateFiled: text("date_filed").notNull(),
    dateEntered: text("date_entered"),
    description: text("description").notNull(),
    // RSS/NEF short text ("Motion to Quash"), kept beside the full text.
    shortDescription: text("short_description"),
    kind: text("kind", { enum: ENTRY_KINDS }).notNull().default("other"),
    filedBy: text("filed_by"),
    sealed: integer("sealed", { mode: "boolean" }).notNull().default(false),
    // Courts strike entries rather than delete them; so do we.
    stricken: integer("stricken", { mode: "boolean" }).notNull().default(false),
    source: text("source", { enum: ENTRY_SOURCES }).notNull().default("manual"),
    // The text exactly as the source gave it, before any clean-up.
    originalText: text("original_text"),
    pacerDocId: text("pacer_doc_id"),
    pacerSeqNo: text("pacer_seq_no"),
    ...sealColumns(),
    ...recordColumns(),
  },
  (t) => [
    index("docket_entries_case_seq_idx").on(t.caseId, t.sequence),
    index("docket_entries_case_number_idx").on(t.caseId, t.number),
    index("docket_entries_doc_id_idx").on(t.pacerDocId),
    // Live entries (deleted_at IS NULL is the second column) in docket order, for the public
    // reads that page through a docket or across all of them: a page is found in the index
    // without reading the rows it skips, a count or a date or kind filter reads index entries
    // only, and a sparse kind has its own (docs/scaling.md).
    index("docket_entries_live_seq_idx").on(t.caseId, t.deletedAt, t.sequence, t.id, t.dateFiled, t.kind),
    index("docket_entries_live_kind_idx").on(t.caseId, t.deletedAt, t.kind, t.sequence, t.id),
    index("docket_entries_live_date_idx").on(t.deletedAt, t.dateFiled, t.sequence),
    // A case's newest entries by filing date (its Atom feed).
    index("docket_entries_live_case_date_idx").on(t.caseId, t.deletedAt, t.dateFiled, t.sequence),
    // A case's latest write to its entries, one step down the index: the docket page's "Last changed".
    // Partial on a condition only that read states, so the planner never takes it for another read of a case's entries.
    index("docket_entries_case_updated_idx")
      .on(t.caseId, t.updatedAt)
      .where(sql`updated_at is not null`),
    // A case's sealed entries by number: a docket search with a digit in it finds a sealed entry
    // by its number only, and read every number of the case for it (7 ms in 100,000 entries).
    index("docket_entries_sealed_number_idx")
      .on(t.caseId, t.number)
      .where(sql`sealed = 1`),
  ],
);

/**
 * How many live entries (deleted_at null) a case has of each kind, kept by SQLite's triggers on
 * docket_entries (migration 0019) in the same transaction as every write, whoever makes it: a
 * docket page's count is then a lookup, not a walk through the case's index entries (100,000 on
 * the longest generated docket, on every render). The public count is this less the entries
 * the publication guard holds, which are few and counted when read.
 */
export const docketEntryCounts = sqliteTable(
  "docket_entry_counts",
  {
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ENTRY_KINDS }).notNull(),
    live: integer("live").notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.kind] })],
);

/** A stored file, kept once by content hash under DATA_DIR. */
export const files = sqliteTable("files", {
  sha256: text("sha256").primaryKey(),
  sizeBytes: integer("size_bytes").notNull(),
  mediaType: text("media_type").notNull(),
  // Path relative to DATA_DIR.
  storagePath: text("storage_path").notNull(),
  originalName: text("original_name"),
  // JSON of what the PDF says about itself (title, author, creator, producer, XMP…), read on
  // upload for staff and for the publication guard; never public.
  pdfMetadata: text("pdf_metadata"),
  // The copy the public downloads: the same PDF written without its metadata (server/documents/metadata.ts).
  publicSha256: text("public_sha256"),
  createdAt: text("created_at").notNull(),
});

/** A filed document or one of its attachments. */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    entryId: integer("entry_id")
      .notNull()
      .references(() => docketEntries.id, { onDelete: "cascade" }),
    // 0 is the main document; attachments count from 1.
    attachmentNumber: integer("attachment_number").notNull().default(0),
    description: text("description"),
    pageCount: integer("page_count"),
    fileSha256: text("file_sha256").references(() => files.sha256, { onDelete: "restrict" }),
    // Size PACER reports when we have no file ("1.0 MB").
    fileSizeText: text("file_size_text"),
    // Text extracted from the PDF, for search.
    extractedText: text("extracted_text"),
    sealed: integer("sealed", { mode: "boolean" }).notNull().default(false),
    pacerDocId: text("pacer_doc_id"),
    // A document link as PACER sent it (NEF); staff-only because it carries a one-time magic number.
    pacerUrl: text("pacer_url"),
    ...sealColumns(),
    ...recordColumns(),
  },
  (t) => [index("documents_entry_idx").on(t.entryId), uniqueIndex("documents_entry_attachment_unique").on(t.entryId, t.attachmentNumber)],
);
