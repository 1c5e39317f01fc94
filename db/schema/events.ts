import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { DATE_PRECISIONS, precisionRank, RECORD_TYPES, recordColumns } from "./columns";
import { cases } from "./cases";
import { subpoenas } from "./subpoenas";

export const EVENT_KINDS = [
  "issuance",
  "post",
  "notice",
  "filing",
  "order",
  "hearing",
  "withdrawal",
  "dismissal",
  "takedown",
  "letter",
  "statement",
  "report",
  "lawsuit",
  "visit",
  "other",
] as const;

/**
 * A dated fact, inside or outside a docket. Statuses are derived from events: a subpoena is
 * "withdrawn" because a withdrawal event names it.
 */
export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    title: text("title").notNull(),
    description: text("description"),
    date: text("date"),
    dateLatest: text("date_latest"),
    datePrecision: text("date_precision", { enum: DATE_PRECISIONS }).notNull().default("day"),
    dateLabel: text("date_label"),
    caseId: integer("case_id").references(() => cases.id, { onDelete: "set null" }),
    subpoenaId: integer("subpoena_id").references(() => subpoenas.id, { onDelete: "set null" }),
    ...recordColumns(),
  },
  (t) => [
    index("events_subpoena_idx").on(t.subpoenaId),
    // The timeline's order (shared/date-ordering), read in order from the index: day, then precision; the rowid (id) ends it.
    // It also finds the events of a day (it replaced events_date_idx, its first column).
    index("events_list_idx").on(t.date, precisionRank(t.datePrecision, t.date)),
  ],
);

/** Who acted in an event, or what else it concerns (any record). */
export const eventLinks = sqliteTable(
  "event_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    recordType: text("record_type", { enum: RECORD_TYPES }).notNull(),
    recordId: text("record_id").notNull(),
    role: text("role", { enum: ["actor", "subject"] })
      .notNull()
      .default("actor"),
  },
  // record: whether an event tells of a record (an order's signing is then not shown twice on the timeline).
  (t) => [index("event_links_event_idx").on(t.eventId), index("event_links_record_idx").on(t.recordType, t.recordId)],
);
