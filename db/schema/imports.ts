import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { RECORD_TYPES } from "./columns";
import { files } from "./docket";
import { cases } from "./cases";
import { sources } from "./sources";
import { users } from "./staff";

export const IMPORT_KINDS = ["docket", "rss", "nef"] as const;

/** One imported PACER file and what it did. */
export const imports = sqliteTable(
  "imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: IMPORT_KINDS }).notNull(),
    fileSha256: text("file_sha256")
      .notNull()
      .references(() => files.sha256, { onDelete: "restrict" }),
    courtId: text("court_id"),
    caseId: integer("case_id").references(() => cases.id, { onDelete: "set null" }),
    // The source record every imported fact cites ("PACER docket report of 2026-01-20").
    sourceId: integer("source_id").references(() => sources.id, { onDelete: "set null" }),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    actor: text("actor").notNull(),
    createdAt: text("created_at").notNull(),
    // Counts of created / updated / unchanged records, as JSON.
    summary: text("summary").notNull(),
  },
  // By source too: whether a source is public asks whether an import made it, once per source
  // cited (server/records/public-scope.ts), which without this index read every import each time.
  (t) => [index("imports_file_idx").on(t.fileSha256), index("imports_source_idx").on(t.sourceId)],
);

/** Which records an import touched. */
export const importRecords = sqliteTable(
  "import_records",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    importId: integer("import_id")
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    recordType: text("record_type", { enum: RECORD_TYPES }).notNull(),
    recordId: text("record_id").notNull(),
    action: text("action", { enum: ["created", "updated", "unchanged"] }).notNull(),
  },
  (t) => [index("import_records_import_idx").on(t.importId)],
);
