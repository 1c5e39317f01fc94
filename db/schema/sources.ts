import { sqliteTable, text, integer, uniqueIndex, index } from "drizzle-orm/sqlite-core";
import { DATE_PRECISIONS, RECORD_TYPES, recordColumns } from "./columns";

/** How far a source can be trusted, best first. */
export const RELIABILITY_LEVELS = ["court_record", "counsel", "reliable_press", "secondary", "unreliable"] as const;
export type Reliability = (typeof RELIABILITY_LEVELS)[number];

/** Where a fact comes from: a page, a filing, an import. */
export const sources = sqliteTable(
  "sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Register tag from the research record ("S01"), or a generated one for imports.
    tag: text("tag").notNull(),
    url: text("url"),
    publisher: text("publisher"),
    title: text("title").notNull(),
    // What the page is: original article, mirror, aggregator rewrite, PACER docket report…
    description: text("description"),
    datePublished: text("date_published"),
    datePublishedPrecision: text("date_published_precision", { enum: DATE_PRECISIONS }),
    reliability: text("reliability", { enum: RELIABILITY_LEVELS }).notNull(),
    // The register's own caveat ("Mirror; quotes the Kang order").
    reliabilityNote: text("reliability_note"),
    ...recordColumns(),
  },
  (t) => [uniqueIndex("sources_tag_unique").on(t.tag)],
);

/** Which source backs which record, or one field of it. */
export const factSources = sqliteTable(
  "fact_sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordType: text("record_type", { enum: RECORD_TYPES }).notNull(),
    recordId: text("record_id").notNull(),
    // Null means the record as a whole; otherwise the field (camelCase) the source backs.
    field: text("field"),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "restrict" }),
    // The words in the source that support the fact.
    quote: text("quote"),
    verifiedAgainstDocket: integer("verified_against_docket", { mode: "boolean" }).notNull().default(false),
    inferred: integer("inferred", { mode: "boolean" }).notNull().default(false),
    inferredReason: text("inferred_reason"),
    ...recordColumns(),
  },
  (t) => [index("fact_sources_record_idx").on(t.recordType, t.recordId)],
);

/** A disagreement between sources, shown on the records it affects rather than resolved. */
export const conflicts = sqliteTable(
  "conflicts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Code in the research record ("Q2").
    code: text("code").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull(),
    status: text("status", { enum: ["open", "resolved"] })
      .notNull()
      .default("open"),
    resolution: text("resolution"),
    ...recordColumns(),
  },
  (t) => [uniqueIndex("conflicts_code_unique").on(t.code)],
);

export const conflictRecords = sqliteTable(
  "conflict_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    conflictId: integer("conflict_id")
      .notNull()
      .references(() => conflicts.id, { onDelete: "cascade" }),
    recordType: text("record_type", { enum: RECORD_TYPES }).notNull(),
    recordId: text("record_id").notNull(),
    field: text("field"),
  },
  (t) => [index("conflict_records_record_idx").on(t.recordType, t.recordId)],
);
