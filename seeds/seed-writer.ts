import { and, eq, getTableColumns, getTableName, isNull, like, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/client";
import { revisions } from "../db/schema";
import { createRecordStore, type Actor } from "../server/records/store";
import { RECORD_TABLES, type EditableType, type RecordInsert } from "../server/records/tables";
import type { Clock } from "../server/shared/clock";
import type { Cite } from "./types";

/**
 * The creation revision of every seeded record carries this prefix and the record's natural
 * key as its reason. That is how a later load recognises the record even after staff have
 * renamed, re-slugged or deleted it: the revision log is the one thing edits never rewrite.
 */
export const SEED_REASON_PREFIX = "seed:";

type RecordId = number | string;

export type SeedResult = { created: Record<string, number>; unchanged: number };

/**
 * Writes seed data through the record store, creating only what is missing. Records are
 * looked up by natural key; link rows by their key columns. Nothing that exists is changed.
 */
export function createSeedWriter(db: Db, clock: Clock, actor: Actor) {
  const store = createRecordStore(db, clock);
  const seededBefore = readSeedKeys(db);
  const ids = new Map<string, RecordId>();
  // Records this seed created (now or on an earlier load); only these get the seed's fact sources.
  const owned = new Set<string>();
  // Records created by this load ("type:id"); only these get the seed's link rows.
  const createdNow = new Set<string>();
  const created: Record<string, number> = {};
  let unchanged = 0;

  const tally = (table: string) => {
    created[table] = (created[table] ?? 0) + 1;
  };

  function existingSeeded(type: EditableType, seedKey: string): RecordId | undefined {
    const recordId = seededBefore.get(seedKey);
    if (recordId === undefined) return undefined;
    const id = type === "court" ? recordId : Number(recordId);
    return store.find(type, id) ? id : undefined;
  }

  /**
   * Ensures one record exists. `naturalMatch` finds a record staff created with the same
   * unique slug, tag or code before the seed ran: it is used as is, and left without the
   * seed's sources because they describe the seed's values, not the staff's.
   */
  function record<T extends EditableType>(
    type: T,
    key: string,
    values: RecordInsert<T>,
    options: { cites: readonly Cite[]; naturalMatch?: () => RecordId | undefined },
  ): RecordId {
    const seedKey = `${type}:${key}`;
    if (ids.has(seedKey)) throw new Error(`seed data defines ${seedKey} twice`);
    let id = existingSeeded(type, seedKey);
    if (id !== undefined) {
      owned.add(seedKey);
      unchanged += 1;
    } else if ((id = options.naturalMatch?.()) !== undefined) {
      unchanged += 1;
    } else {
      const row = store.insert(type, values, { actor, reason: `${SEED_REASON_PREFIX}${seedKey}` });
      id = (row as { id: RecordId }).id;
      owned.add(seedKey);
      createdNow.add(`${type}:${String(id)}`);
      tally(getTableName(RECORD_TABLES[type]));
    }
    ids.set(seedKey, id);
    if (owned.has(seedKey)) attachCites(type, key, id, options.cites);
    return id;
  }

  /** Field names in fact sources and conflict records are camelCase columns; a typo is a data error. */
  function assertField(type: EditableType, field: string): void {
    if (!Object.hasOwn(getTableColumns(RECORD_TABLES[type]), field)) {
      throw new Error(`seed data names unknown field "${field}" of ${type}`);
    }
  }

  function attachCites(type: EditableType, key: string, id: RecordId, cites: readonly Cite[]) {
    const repeats = new Map<string, number>();
    for (const cite of cites) {
      if (cite.field !== undefined) assertField(type, cite.field);
      const base = `${type}:${key}|${cite.field ?? "*"}|${cite.tag}`;
      const n = (repeats.get(base) ?? 0) + 1;
      repeats.set(base, n);
      record(
        "fact_source",
        n === 1 ? base : `${base}|${n}`,
        {
          recordType: type,
          recordId: String(id),
          field: cite.field ?? null,
          sourceId: num("source", cite.tag),
          quote: cite.quote ?? null,
          // No docket was read for the bundled record.
          verifiedAgainstDocket: false,
          inferred: cite.inferred !== undefined,
          inferredReason: cite.inferred ?? null,
        },
        { cites: [] },
      );
    }
  }

  /** The id of a record seeded earlier in this load; unknown keys are data errors. */
  function ref(type: EditableType, key: string): RecordId {
    const id = ids.get(`${type}:${key}`);
    if (id === undefined) throw new Error(`seed data refers to unknown ${type} "${key}"`);
    return id;
  }

  function num(type: EditableType, key: string): number {
    const id = ref(type, key);
    if (typeof id !== "number") throw new Error(`${type} "${key}" has a text id`);
    return id;
  }

  const optionalNum = (type: EditableType, key: string | null | undefined) => (key == null ? null : num(type, key));

  /**
   * Inserts a row of a link table that belongs to `owner` (a motion's movants, a subpoena's
   * accounts…), only when this load created the owner. Link rows are part of their record:
   * once it exists, staff own its links as they own its fields, so a link staff removed is a
   * decision a later load must not undo, whatever the bundled data says. Within one load a
   * row with the same key columns is written once.
   */
  function link<T extends SQLiteTable>(
    owner: readonly [EditableType, RecordId],
    table: T,
    values: T["$inferInsert"],
    keyColumns: readonly string[],
  ): void {
    if (!createdNow.has(`${owner[0]}:${String(owner[1])}`)) {
      unchanged += 1;
      return;
    }
    const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
    const conditions: SQL[] = keyColumns.map((name) => {
      const column = columns[name];
      if (!column) throw new Error(`${getTableName(table)} has no column ${name}`);
      const value = (values as Record<string, unknown>)[name];
      return value === null || value === undefined ? isNull(column) : eq(column, value);
    });
    const existing = db
      .select()
      .from(table as SQLiteTable)
      .where(and(...conditions))
      .get();
    if (existing) {
      unchanged += 1;
      return;
    }
    db.insert(table).values(values).run();
    tally(getTableName(table));
  }

  return {
    record,
    assertField,
    ref,
    num,
    optionalNum,
    link,
    now: () => clock.now(),
    result: (): SeedResult => ({ created: { ...created }, unchanged }),
  };
}

export type SeedWriter = ReturnType<typeof createSeedWriter>;

/** Natural key → record id of everything an earlier load created. */
function readSeedKeys(db: Db): Map<string, string> {
  const rows = db
    .select({ recordId: revisions.recordId, reason: revisions.reason })
    .from(revisions)
    .where(and(eq(revisions.action, "create"), like(revisions.reason, `${SEED_REASON_PREFIX}%`)))
    .all();
  const keys = new Map<string, string>();
  for (const row of rows) keys.set(row.reason!.slice(SEED_REASON_PREFIX.length), row.recordId);
  return keys;
}
