import { integer, text } from "drizzle-orm/sqlite-core";

/**
 * Columns every editable record carries. `version` is the optimistic-lock counter an edit
 * must present (no lost updates); `deleted_at` hides a record without erasing it.
 */
export const recordColumns = () => ({
  createdAt: text("created_at").notNull(),
  updatedAt: text("updated_at").notNull(),
  version: integer("version").notNull().default(1),
  // Set when the record is deleted; the row stays so the deletion can be undone.
  deletedAt: text("deleted_at"),
});

/**
 * Why a record was sealed after the fact, and the court's order that sealed it: staff-only,
 * kept while the seal lasts (the revisions keep every seal and unseal with its reason).
 */
export const sealColumns = () => ({
  // Why, in staff's words ("order granting the motion to seal of 2026-02-03").
  sealReason: text("seal_reason"),
  // The order behind the seal, as the docket cites it ("ECF No. 45").
  sealOrder: text("seal_order"),
});

/**
 * How exactly a date is known. "weekday" is e.g. "a Tuesday in September 2025"; "range"
 * means somewhere between the date and its `_latest` twin. Dates with a precision column
 * store the earliest possible calendar day, so they still sort.
 */
export const DATE_PRECISIONS = ["day", "month", "year", "weekday", "range", "unknown"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const RECORD_TYPES = [
  "court",
  "judge",
  "organization",
  "person",
  "attorney",
  "subpoena",
  "account",
  "notice",
  "case",
  "party",
  "representation",
  "entry",
  "document",
  "motion",
  "order",
  "coverage",
  "hearing",
  "deadline",
  "event",
  "authority",
  "argument",
  "doctrine",
  "cite",
  "source",
  "fact_source",
  "conflict",
  "user",
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
