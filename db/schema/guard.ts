import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { RECORD_TYPES } from "./columns";
import { cases } from "./cases";
import { users } from "./staff";

/*
 * The publication guard (server/guard): what it holds back for staff review, and each case's
 * "never publish" list. Neither table is a record type: no public surface reads them, and
 * their rows are decisions about records, kept with who made them.
 */

export const HOLD_STATUSES = ["held", "released", "redacted"] as const;

/**
 * A record the guard held back from publication because its text carries what FRCP 5.2
 * protects or a term of a never-publish list. While a hold is `held` the record is not public
 * (server/privacy/visibility.ts), exactly as a sealed or unpublished one is not. It ends when a
 * person releases the record or redacts it; a later write that brings in something new holds it
 * again. `findings` is JSON of { field, kind, start, end, fingerprint }: offsets into the
 * record's own text and a salted hash, never the matched text itself.
 */
export const publicationHolds = sqliteTable(
  "publication_holds",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordType: text("record_type", { enum: RECORD_TYPES }).notNull(),
    recordId: text("record_id").notNull(),
    // The case the record belongs to, for the case's review list; null for records of no case.
    caseId: integer("case_id").references(() => cases.id, { onDelete: "set null" }),
    status: text("status", { enum: HOLD_STATUSES }).notNull(),
    findings: text("findings").notNull(),
    heldAt: text("held_at").notNull(),
    // Who wrote what was held ("import #4", a user's name) and, when a person, who.
    heldBy: text("held_by").notNull(),
    heldByUserId: integer("held_by_user_id").references(() => users.id, { onDelete: "set null" }),
    resolvedAt: text("resolved_at"),
    resolvedBy: text("resolved_by"),
    resolvedByUserId: integer("resolved_by_user_id").references(() => users.id, { onDelete: "set null" }),
    // Why it was released or how it was redacted, in the reviewer's words.
    resolution: text("resolution"),
  },
  (t) => [index("publication_holds_record_idx").on(t.recordType, t.recordId, t.status), index("publication_holds_status_idx").on(t.status)],
);

/**
 * One term of a case's never-publish list (a movant's real name that staff know and that must
 * never appear). Only a salted hash of the term's normalised words is kept (server/privacy/
 * never-publish.ts), so the list itself unmasks no one: not a reader of the database, not an
 * export, not a staff page (the form never shows a term back).
 */
export const neverPublishTerms = sqliteTable(
  "never_publish_terms",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    digest: text("digest").notNull(),
    // How many words the term has, so text is scanned in windows of that size.
    wordCount: integer("word_count").notNull(),
    // What staff call the term without naming it ("movant's legal name").
    note: text("note"),
    createdAt: text("created_at").notNull(),
    createdBy: text("created_by").notNull(),
    createdByUserId: integer("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    // Removed terms stay, so a removal can be undone and is on the record.
    removedAt: text("removed_at"),
    removedBy: text("removed_by"),
  },
  (t) => [index("never_publish_terms_case_idx").on(t.caseId)],
);

/** The installation's salt for never-publish digests: one row, made on first use, never shown anywhere. */
export const guardSalt = sqliteTable("guard_salt", {
  id: integer("id").primaryKey(),
  salt: text("salt").notNull(),
  createdAt: text("created_at").notNull(),
});
