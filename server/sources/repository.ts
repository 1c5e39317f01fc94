import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import { conflictRecords, conflicts, factSources, sources } from "../../db/schema";
import { toPublic } from "../privacy/projection";
import { publicColumns, publicSource, publicRow } from "../records/public-scope";
import { placeholderList, placeholderNames, preparedQuery } from "../records/prepared";
import { refKey, type Citation, type ConflictRef, type RecordRef } from "./markers";

/**
 * Ids looked up per statement: a case's orders or a long page can name hundreds of records, and
 * SQLite refuses a statement past ~32,766 values, so the ids go in slices of a fixed size.
 */
const IDS_PER_QUERY = 250;

function slices<T>(values: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

/** Records asked for per statement as (type, id) pairs: two values each, so as many values as IDS_PER_QUERY. */
const PAIRS_PER_QUERY = IDS_PER_QUERY / 2;

/** Lists are padded to one of these lengths (repeating their last member), so few statements are ever prepared. */
const BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, IDS_PER_QUERY];

function padded<T>(slice: T[], max: number): T[] {
  const size = BUCKETS.find((b) => b >= slice.length) ?? max;
  while (slice.length < size) slice.push(slice.at(-1)!);
  return slice;
}

/** One statement's share of the records asked for: its name, its condition on (type, id) columns, and the values to bind. */
type Lookup = { name: string; where: (type: SQLiteColumn, id: SQLiteColumn) => SQL; values: Record<string, string> };

/**
 * The records of `refs`, without repeats, as statements that ask for exactly them: records of
 * one type by their ids (`type = ? and id in (…)`), of several types as (type, id) pairs
 * (`(type, id) in (values (?, ?), …)`), so no citation of a record nobody named is read.
 */
function lookups(refs: RecordRef[]): Lookup[] {
  const pairs = new Map<string, [string, string]>();
  for (const r of refs) pairs.set(refKey(r.type, r.id), [r.type, String(r.id)]);
  const types = new Set([...pairs.values()].map(([type]) => type));
  if (types.size === 1) {
    const [type] = types;
    return slices(
      [...pairs.values()].map(([, id]) => id),
      IDS_PER_QUERY,
    ).map((slice) => {
      const ids = padded(slice, IDS_PER_QUERY);
      return {
        name: `one:${ids.length}`,
        where: (typeColumn, idColumn) => and(eq(typeColumn, sql.placeholder("t")), inArray(idColumn, placeholderList("i", ids.length)))!,
        values: { t: type!, ...Object.fromEntries(ids.map((id, n) => [`i${n}`, id])) },
      };
    });
  }
  return slices([...pairs.values()], PAIRS_PER_QUERY).map((slice) => {
    const list = padded(slice, PAIRS_PER_QUERY);
    const rows = placeholderNames("p", list.length).map((name) => sql`(${sql.placeholder(`${name}t`)}, ${sql.placeholder(`${name}i`)})`);
    return {
      name: `pairs:${list.length}`,
      where: (typeColumn, idColumn) => sql`(${typeColumn}, ${idColumn}) in (values ${sql.join(rows, sql`, `)})`,
      values: Object.fromEntries(
        list.flatMap(([type, id], n) => [
          [`p${n}t`, type],
          [`p${n}i`, id],
        ]),
      ),
    };
  });
}

/**
 * Loads the sources and open conflicts behind any set of records in one query a slice of
 * records, each asked for as its (type, id) pair, so a page can put a source marker beside
 * every fact without a query per fact, and reads no citation of a record it did not name.
 */
export function createSourcesRepository(db: Db) {
  function citationsFor(refs: RecordRef[]): Map<string, Citation[]> {
    const byKey = new Map<string, Citation[]>();
    if (refs.length === 0) return byKey;
    const rows = lookups(refs).flatMap((lookup) =>
      preparedQuery(db, `citations:${lookup.name}`, () =>
        db
          .select({ fact: publicColumns("fact_source"), source: publicColumns("source") })
          .from(factSources)
          .innerJoin(sources, eq(sources.id, factSources.sourceId))
          .where(
            and(
              lookup.where(factSources.recordType, factSources.recordId),
              publicRow(factSources),
              publicRow(sources),
              // A shared record (a court, a judge) an unpublished case's import matched cites that
              // import too; the citation waits with its source until the case is published.
              publicSource(db),
            ),
          )
          .orderBy(asc(factSources.id))
          .prepare(),
      ).all(lookup.values),
    );
    // A source cited by many facts is projected once.
    const projected = new Map<number, Citation["source"]>();
    for (const { fact, source } of rows) {
      const key = refKey(fact.recordType, fact.recordId);
      let publicSourceRow = projected.get(source.id);
      if (!publicSourceRow) projected.set(source.id, (publicSourceRow = toPublic("source", source)));
      const list = byKey.get(key) ?? [];
      list.push({ ...toPublic("fact_source", fact), source: publicSourceRow });
      byKey.set(key, list);
    }
    return byKey;
  }

  function conflictsFor(refs: RecordRef[]): Map<string, ConflictRef[]> {
    const byKey = new Map<string, ConflictRef[]>();
    if (refs.length === 0) return byKey;
    const rows = lookups(refs).flatMap((lookup) =>
      preparedQuery(db, `conflicts:${lookup.name}`, () =>
        db
          .select({
            link: { recordType: conflictRecords.recordType, recordId: conflictRecords.recordId, field: conflictRecords.field },
            conflict: publicColumns("conflict"),
          })
          .from(conflictRecords)
          .innerJoin(conflicts, eq(conflicts.id, conflictRecords.conflictId))
          .where(
            and(
              lookup.where(conflictRecords.recordType, conflictRecords.recordId),
              publicRow(conflicts),
              // A resolved conflict no longer makes a record doubtful; the sources page still lists it.
              eq(conflicts.status, "open"),
            ),
          )
          .orderBy(asc(conflicts.code))
          .prepare(),
      ).all(lookup.values),
    );
    for (const { link, conflict } of rows) {
      const key = refKey(link.recordType, link.recordId);
      const list = byKey.get(key) ?? [];
      if (!list.some((c) => c.id === conflict.id && c.field === link.field)) {
        list.push({ ...toPublic("conflict", conflict), field: link.field });
      }
      byKey.set(key, list);
    }
    return byKey;
  }

  return {
    citationsFor,
    conflictsFor,

    /** The register: live sources the public may see (an import's source only once one of its cases is public). */
    listSources() {
      return db
        .select()
        .from(sources)
        .where(and(publicRow(sources), publicSource(db)))
        .orderBy(asc(sources.id))
        .all()
        .map((s) => toPublic("source", s));
    },

    listConflicts() {
      const all = db.select().from(conflicts).where(publicRow(conflicts)).orderBy(asc(conflicts.id)).all();
      const links = db.select().from(conflictRecords).all();
      return all.map((c) => ({
        ...toPublic("conflict", c),
        records: links.filter((l) => l.conflictId === c.id).map((l) => ({ type: l.recordType, id: l.recordId, field: l.field })),
      }));
    },

    /** How many facts each source backs, for the sources page. */
    usageCounts(): Map<number, number> {
      const counts = new Map<number, number>();
      for (const row of db.select({ sourceId: factSources.sourceId }).from(factSources).where(publicRow(factSources)).all()) {
        counts.set(row.sourceId, (counts.get(row.sourceId) ?? 0) + 1);
      }
      return counts;
    },
  };
}

export type SourcesRepository = ReturnType<typeof createSourcesRepository>;
