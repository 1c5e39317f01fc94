import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { conflictRecords, conflicts, factSources, sources } from "../../db/schema";
import { toPublic } from "../privacy/projection";
import { publicSource, publicRow } from "../records/public-scope";
import { bindList, placeholderNames, preparedQuery } from "../records/prepared";
import { refKey, type Citation, type ConflictRef, type RecordRef } from "./markers";

/**
 * Ids looked up per statement: a case's orders or a long page can name hundreds of records, and
 * SQLite refuses a statement past ~32,766 values, so the ids go in slices of a fixed size.
 */
const IDS_PER_QUERY = 250;

function slices<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += IDS_PER_QUERY) out.push(values.slice(i, i + IDS_PER_QUERY));
  return out;
}

/**
 * Loads the sources and open conflicts behind any set of records in two queries a slice of ids, so a page
 * can put a source marker beside every fact without a query per fact.
 */
export function createSourcesRepository(db: Db) {
  function citationsFor(refs: RecordRef[]): Map<string, Citation[]> {
    const byKey = new Map<string, Citation[]>();
    if (refs.length === 0) return byKey;
    const wanted = new Set(refs.map((r) => refKey(r.type, r.id)));
    const types = [...new Set(refs.map((r) => r.type))];
    const rows = slices([...new Set(refs.map((r) => String(r.id)))]).flatMap((ids) =>
      preparedQuery(db, `citations:${types.length}:${ids.length}`, () =>
        db
          .select({ fact: factSources, source: sources })
          .from(factSources)
          .innerJoin(sources, eq(sources.id, factSources.sourceId))
          .where(
            and(
              inArray(
                factSources.recordType,
                placeholderNames("t", types.length).map((name) => sql.placeholder(name)),
              ),
              inArray(
                factSources.recordId,
                placeholderNames("i", ids.length).map((name) => sql.placeholder(name)),
              ),
              publicRow(factSources),
              publicRow(sources),
              // A shared record (a court, a judge) an unpublished case's import matched cites that
              // import too; the citation waits with its source until the case is published.
              publicSource(db),
            ),
          )
          .orderBy(asc(factSources.id))
          .prepare(),
      ).all({ ...bindList("t", types), ...bindList("i", ids) }),
    );
    for (const { fact, source } of rows) {
      const key = refKey(fact.recordType, fact.recordId);
      if (!wanted.has(key)) continue;
      const list = byKey.get(key) ?? [];
      list.push({ ...toPublic("fact_source", fact), source: toPublic("source", source) });
      byKey.set(key, list);
    }
    return byKey;
  }

  function conflictsFor(refs: RecordRef[]): Map<string, ConflictRef[]> {
    const byKey = new Map<string, ConflictRef[]>();
    if (refs.length === 0) return byKey;
    const wanted = new Set(refs.map((r) => refKey(r.type, r.id)));
    const types = [...new Set(refs.map((r) => r.type))];
    const rows = slices([...new Set(refs.map((r) => String(r.id)))]).flatMap((ids) =>
      preparedQuery(db, `conflicts:${types.length}:${ids.length}`, () =>
        db
          .select({ link: conflictRecords, conflict: conflicts })
          .from(conflictRecords)
          .innerJoin(conflicts, eq(conflicts.id, conflictRecords.conflictId))
          .where(
            and(
              inArray(
                conflictRecords.recordType,
                placeholderNames("t", types.length).map((name) => sql.placeholder(name)),
              ),
              inArray(
                conflictRecords.recordId,
                placeholderNames("i", ids.length).map((name) => sql.placeholder(name)),
              ),
              publicRow(conflicts),
              // A resolved conflict no longer makes a record doubtful; the sources page still lists it.
              eq(conflicts.status, "open"),
            ),
          )
          .orderBy(asc(conflicts.code))
          .prepare(),
      ).all({ ...bindList("t", types), ...bindList("i", ids) }),
    );
    for (const { link, conflict } of rows) {
      const key = refKey(link.recordType, link.recordId);
      if (!wanted.has(key)) continue;
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
