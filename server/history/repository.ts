import { and, asc, count, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { RECORD_TABLES, isEditableType, type EditableType } from "../records/tables";
import { recordName } from "./labels";
import { parseRecordId } from "../shared/record-id";

type Row = Record<string, unknown>;
const column = (table: SQLiteTable, name: string) => (table as unknown as Record<string, SQLiteColumn | undefined>)[name];

export type RevisionRow = typeof s.revisions.$inferSelect;

/**
 * Reads for the history and deleted-records pages: any record by type and id (deleted ones
 * too), the names of the records its revisions point to, and what is deleted or stricken.
 */
export function createHistoryRepository(db: Db) {
  const idColumn = (type: EditableType) => column(RECORD_TABLES[type], "id")!;

  function rowsOf(type: EditableType, ids: string[]): Row[] {
    if (ids.length === 0) return [];
    const table = RECORD_TABLES[type];
    // Integer ids are compared as numbers; courts have text ids ("cand").
    const keys = type === "court" ? ids : ids.map(parseRecordId).filter((id) => id !== undefined);
    if (keys.length === 0) return [];
    return db
      .select()
      .from(table)
      .where(inArray(idColumn(type), keys))
      .all() as Row[];
  }

  return {
    /** Any row of a record type by id, deleted or not; undefined when there is none. */
    record(type: EditableType, id: string): Row | undefined {
      return rowsOf(type, [id])[0];
    },

    /** "type:id" → the record's name, for every reference that names a record that exists. */
    names(refs: { type: string; id: string }[]): Map<string, string> {
      const byType = new Map<EditableType, string[]>();
      for (const ref of refs) {
        if (!isEditableType(ref.type)) continue;
        byType.set(ref.type, [...(byType.get(ref.type) ?? []), ref.id]);
      }
      const names = new Map<string, string>();
      for (const [type, ids] of byType) {
        for (const row of rowsOf(type, [...new Set(ids)])) names.set(`${type}:${String(row.id)}`, recordName(type, row));
      }
      return names;
    },

    /**
     * The most recently hidden records of every type, at most `limit` of each (newest first),
     * and how many there are in all: a record of years holds more than a page can list.
     */
    deletedRecords(limit: number): { items: { type: EditableType; row: Row }[]; total: number } {
      let total = 0;
      const items = (Object.keys(RECORD_TABLES) as EditableType[]).flatMap((type) => {
        const table = RECORD_TABLES[type];
        const hidden = isNotNull(column(table, "deletedAt")!);
        total += db.select({ n: count() }).from(table).where(hidden).get()?.n ?? 0;
        const rows = db
          .select()
          .from(table)
          .where(hidden)
          .orderBy(desc(column(table, "deletedAt")!))
          .limit(limit)
          .all() as Row[];
        return rows.map((row) => ({ type, row }));
      });
      return { items, total };
    },

    /** The most recently changed stricken entries, at most `limit`, and how many there are. */
    strickenEntries(limit: number): { rows: Row[]; total: number } {
      const stricken = eq(s.docketEntries.stricken, true);
      const total = db.select({ n: count() }).from(s.docketEntries).where(stricken).get()?.n ?? 0;
      const rows = db
        .select()
        .from(s.docketEntries)
        .where(stricken)
        .orderBy(desc(s.docketEntries.updatedAt), desc(s.docketEntries.id))
        .limit(limit)
        .all();
      return { rows, total };
    },

    /** The revisions of these records of one type, oldest first. */
    revisionsOf(type: EditableType, ids: string[]): RevisionRow[] {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(s.revisions)
        .where(and(eq(s.revisions.recordType, type), inArray(s.revisions.recordId, ids)))
        .orderBy(asc(s.revisions.id))
        .all();
    },

    caseOf(caseId: unknown) {
      if (typeof caseId !== "number") return undefined;
      return db.select().from(s.cases).where(eq(s.cases.id, caseId)).get();
    },

    entryOf(entryId: unknown) {
      if (typeof entryId !== "number") return undefined;
      return db.select().from(s.docketEntries).where(eq(s.docketEntries.id, entryId)).get();
    },
  };
}

export type HistoryRepository = ReturnType<typeof createHistoryRepository>;
