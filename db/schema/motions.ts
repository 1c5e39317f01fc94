import { sql } from "drizzle-orm";
import { sqliteTable, text, integer, index, primaryKey, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { DATE_PRECISIONS, precisionRank, recordColumns, yearSpan } from "./columns";
import { cases, parties } from "./cases";
import { docketEntries } from "./docket";
import { judges, organizations } from "./reference";
import { accounts, subpoenas } from "./subpoenas";

export const MOTION_KINDS = [
  "motion_to_quash",
  "motion_to_proceed_pseudonymously",
  "motion_to_seal",
  "motion_to_unseal",
  "motion_for_stay",
  "administrative_motion",
  "other",
] as const;

export const MOTION_STATUSES = ["pending", "granted", "granted_in_part", "denied", "withdrawn", "moot", "unknown"] as const;

/** A request for relief. */
export const motions = sqliteTable(
  "motions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    entryId: integer("entry_id").references(() => docketEntries.id, { onDelete: "set null" }),
    kind: text("kind", { enum: MOTION_KINDS }).notNull(),
    title: text("title").notNull(),
    reliefSought: text("relief_sought"),
    dateFiled: text("date_filed"),
    dateFiledLatest: text("date_filed_latest"),
    dateFiledPrecision: text("date_filed_precision", { enum: DATE_PRECISIONS }),
    dateFiledLabel: text("date_filed_label"),
    // noticed (L.R. 7-2) or administrative (L.R. 7-11): decides which deadlines apply.
    track: text("track", { enum: ["noticed", "administrative", "other"] })
      .notNull()
      .default("noticed"),
    status: text("status", { enum: MOTION_STATUSES }).notNull().default("pending"),
    // Why the status is what it is when no order decided it ("subpoena withdrawn").
    statusNote: text("status_note"),
    decidedByOrderId: integer("decided_by_order_id").references((): AnySQLiteColumn => orders.id, {
      onDelete: "set null",
    }),
    ...recordColumns(),
  },
  // decided_by: an order's card lists the motions it decided.
  (t) => [index("motions_case_idx").on(t.caseId), index("motions_decided_by_order_idx").on(t.decidedByOrderId)],
);

/** Who brought a motion. */
export const motionMovants = sqliteTable(
  "motion_movants",
  {
    motionId: integer("motion_id")
      .notNull()
      .references(() => motions.id, { onDelete: "cascade" }),
    partyId: integer("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.motionId, t.partyId] })],
);

export const ORDER_KINDS = ["non_production", "stay", "ruling", "scheduling", "dismissal", "sealing", "other"] as const;

/** A court order. */
export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    entryId: integer("entry_id").references(() => docketEntries.id, { onDelete: "set null" }),
    judgeId: integer("judge_id").references(() => judges.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    kind: text("kind", { enum: ORDER_KINDS }).notNull(),
    dateSigned: text("date_signed"),
    dateSignedLatest: text("date_signed_latest"),
    dateSignedPrecision: text("date_signed_precision", { enum: DATE_PRECISIONS }),
    dateSignedLabel: text("date_signed_label"),
    summary: text("summary"),
    // Words of the order as quoted by a source.
    quotedText: text("quoted_text"),
    ...recordColumns(),
  },
  (t) => [
    uniqueIndex("orders_slug_unique").on(t.slug),
    // With deleted_at, a count of a case's live orders reads the index alone.
    index("orders_case_idx").on(t.caseId, t.deletedAt),
    // A case's latest write to its orders, one step down the index: the docket page's "Last changed".
    // Partial on a condition only that read states, so the planner never takes it for another read of a case's orders.
    index("orders_case_updated_idx")
      .on(t.caseId, t.updatedAt)
      .where(sql`updated_at is not null`),
    // The orders list's order (shared/date-ordering), read in order from the index: day signed, then precision; the rowid (id) ends it.
    index("orders_list_idx").on(t.dateSigned, precisionRank(t.dateSignedPrecision, t.dateSigned)),
    // The same order within one kind: the API's list filtered or ordered by kind walks it.
    index("orders_kind_list_idx").on(t.kind, t.dateSigned, precisionRank(t.dateSignedPrecision, t.dateSigned)),
    // The years an order's date touches, for the timeline's filter form.
    index("orders_years_idx").on(yearSpan(t.dateSigned, t.dateSignedLatest).first, yearSpan(t.dateSigned, t.dateSignedLatest).last),
    // A judge's orders (the judge's page, the judges list's counts, whether the public may see a judge).
    index("orders_judge_idx")
      .on(t.judgeId)
      .where(sql`${t.judgeId} is not null`),
  ],
);

/** How an order disposed of a motion. */
export const orderDispositions = sqliteTable(
  "order_dispositions",
  {
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    motionId: integer("motion_id")
      .notNull()
      .references(() => motions.id, { onDelete: "cascade" }),
    disposition: text("disposition", { enum: MOTION_STATUSES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.motionId] })],
);

export const COVERAGE_STATUSES = ["in_force", "dissolved", "superseded", "moot"] as const;

/** What a stay or non-production order protects: order × subpoena × account. */
export const stayCoverages = sqliteTable(
  "stay_coverages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    subpoenaId: integer("subpoena_id")
      .notNull()
      .references(() => subpoenas.id, { onDelete: "cascade" }),
    // Null when the order covers every account of the movant rather than named ones.
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    // Who is told not to produce (Meta).
    addresseeId: integer("addressee_id").references(() => organizations.id, { onDelete: "set null" }),
    // "until further order of the Court"
    endCondition: text("end_condition"),
    status: text("status", { enum: COVERAGE_STATUSES }).notNull().default("in_force"),
    // Why the status changed ("subpoena withdrawn by DHS").
    statusReason: text("status_reason"),
    // The day protection ended, when known.
    dateEnded: text("date_ended"),
    ...recordColumns(),
  },
  (t) => [index("stay_coverages_subpoena_idx").on(t.subpoenaId), index("stay_coverages_order_idx").on(t.orderId)],
);

export const HEARING_STATUSES = ["scheduled", "held", "vacated", "continued", "unknown"] as const;

/** A scheduled hearing. */
export const hearings = sqliteTable(
  "hearings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    motionId: integer("motion_id").references(() => motions.id, { onDelete: "set null" }),
    judgeId: integer("judge_id").references(() => judges.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    date: text("date"),
    dateLatest: text("date_latest"),
    datePrecision: text("date_precision", { enum: DATE_PRECISIONS }),
    dateLabel: text("date_label"),
    // Local time at the court, "HH:MM", when known.
    time: text("time"),
    place: text("place"),
    status: text("status", { enum: HEARING_STATUSES }).notNull().default("scheduled"),
    notes: text("notes"),
    ...recordColumns(),
  },
  (t) => [index("hearings_case_idx").on(t.caseId), index("hearings_date_idx").on(t.date)],
);

export const DEADLINE_ORIGINS = ["computed", "court_ordered", "stated"] as const;
export const DEADLINE_STATUSES = ["open", "met", "vacated", "superseded"] as const;

/** A due date: computed from a rule, set by an order (which wins), or stated by a platform. */
export const deadlines = sqliteTable(
  "deadlines",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: integer("case_id").references(() => cases.id, { onDelete: "cascade" }),
    motionId: integer("motion_id").references(() => motions.id, { onDelete: "set null" }),
    orderId: integer("order_id").references(() => orders.id, { onDelete: "set null" }),
    label: text("label").notNull(),
    dateDue: text("date_due").notNull(),
    // Catalogue code of the rule ("ndcal-7-3a") and its citation as shown.
    ruleCode: text("rule_code"),
    ruleCitation: text("rule_citation"),
    origin: text("origin", { enum: DEADLINE_ORIGINS }).notNull(),
    triggerDate: text("trigger_date"),
    // The calculator's steps and warnings, as JSON, so the page can explain the date.
    computation: text("computation"),
    status: text("status", { enum: DEADLINE_STATUSES }).notNull().default("open"),
    supersededById: integer("superseded_by_id").references((): AnySQLiteColumn => deadlines.id, {
      onDelete: "set null",
    }),
    notes: text("notes"),
    ...recordColumns(),
  },
  (t) => [index("deadlines_case_idx").on(t.caseId), index("deadlines_due_idx").on(t.dateDue)],
);
