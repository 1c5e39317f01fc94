import { sql, type SQL } from "drizzle-orm";
import { integer, text, type SQLiteColumn } from "drizzle-orm/sqlite-core";

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

/** Exact dates first, then the narrower windows before the wider ones (server/shared/date-ordering sorts by it). */
export const PRECISION_RANK: Record<DatePrecision, number> = { day: 0, weekday: 1, range: 2, month: 3, year: 4, unknown: 5 };

/**
 * The year a fuzzy date starts in and the year its window ends in (its latest day's, or its
 * own), as SQL: the columns of the year indexes of orders and events, from which the
 * timeline's filter form reads the years it offers a distinct pair at a time.
 */
export function yearSpan(date: SQLiteColumn, latest: SQLiteColumn): { first: SQL<string | null>; last: SQL<string | null> } {
  return { first: sql<string | null>`substr(${date}, 1, 4)`, last: sql<string | null>`substr(coalesce(${latest}, ${date}), 1, 4)` };
}

/**
 * A fuzzy date's PRECISION_RANK as SQL (a day when only the date is set, unknown when neither):
 * the second column of the list indexes on (date, rank) of orders and events, so a list in
 * date order reads its page from the index instead of sorting every row. Its constants are
 * written into the SQL, not bound: SQLite uses an index on an expression only for the very same
 * expression, and a bound value is not one.
 */
export function precisionRank(precision: SQLiteColumn, date: SQLiteColumn): SQL<number> {
  const when = Object.entries(PRECISION_RANK).map(([p, n]) => sql`when ${precision} = ${sql.raw(`'${p}'`)} then ${sql.raw(String(n))}`);
  return sql<number>`(case when ${precision} is null then (case when ${date} is null then ${sql.raw(String(PRECISION_RANK.unknown))} else ${sql.raw(
    String(PRECISION_RANK.day),
  )} end) ${sql.join(when, sql` `)} end)`;
}

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
