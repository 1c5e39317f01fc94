import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { bindList, placeholderList, preparedQuery } from "../records/prepared";
import { MARK_END, MARK_START } from "./query";

export type HitKind = "entry" | "document";
export type RankedHit = { kind: HitKind; id: number; score: number };
type PassRow = { id: number; score: number; live: 0 | 1 };

// What a result shows of its entry, case and document: reading whole rows (docket text,
// documents' extracted text) and mapping them was most of a rare word's search.
const ENTRY_COLUMNS = {
  id: s.docketEntries.id,
  number: s.docketEntries.number,
  dateFiled: s.docketEntries.dateFiled,
  sealed: s.docketEntries.sealed,
  stricken: s.docketEntries.stricken,
};
const CASE_COLUMNS = { slug: s.cases.slug, caption: s.cases.caption, label: s.cases.label };
const DOCUMENT_COLUMNS = {
  id: s.documents.id,
  attachmentNumber: s.documents.attachmentNumber,
  description: s.documents.description,
  fileSha256: s.documents.fileSha256,
  sealed: s.documents.sealed,
};

/** Words of context around the best match in a snippet. */
const SNIPPET_TOKENS = 24;

/** Matches are counted up to this many; past it the page says "1,000+". */
export const COUNT_CAP = 1000;

/** The most raw hits of one index a search joins to their rows, whatever its words. */
export const WINDOW_BUDGET = 50_000;

/**
 * Full-text search over the FTS5 index of docket entry text and documents' extracted text
 * (migration 0001). SQLite-only by design, like the index. The index holds sealed text, so
 * this repository serves the staff search page only. Deleted documents and the records of
 * deleted cases are left out. `match` is an FTS5 query: an invalid one throws SQLite's error.
 *
 * The MATCH always runs first and its hits are joined to their rows (CROSS JOIN keeps SQLite
 * from turning the join round): pushing the list of live rows into FTS5 as a rowid constraint
 * made one common word at a million entries take minutes, with every other request waiting.
 */
export function createSearchRepository(db: Db) {
  // One pass over one index: its best `window + 1` raw hits by bm25 (one more than the window, so
  // the pass also tells whether the window held them all), each marked live or not. The LEFT
  // JOINs keep the FTS5 hits as the outer loop, as CROSS JOIN does below.
  const pass: Record<HitKind, (match: string, window: number) => PassRow[]> = {
    entry: (match, window) =>
      db.all<PassRow>(sql`SELECT h.id AS id, h.score AS score, (c.id IS NOT NULL) AS live
        FROM (SELECT rowid AS id, bm25(docket_entries_fts) AS score FROM docket_entries_fts
                WHERE docket_entries_fts MATCH ${match} ORDER BY score, rowid LIMIT ${window + 1}) AS h
        LEFT JOIN docket_entries e ON e.id = h.id LEFT JOIN cases c ON c.id = e.case_id AND c.deleted_at IS NULL
        ORDER BY h.score, h.id`),
    document: (match, window) =>
      db.all<PassRow>(sql`SELECT h.id AS id, h.score AS score, (c.id IS NOT NULL AND d.deleted_at IS NULL) AS live
        FROM (SELECT rowid AS id, bm25(documents_fts) AS score FROM documents_fts
                WHERE documents_fts MATCH ${match} ORDER BY score, rowid LIMIT ${window + 1}) AS h
        LEFT JOIN documents d ON d.id = h.id LEFT JOIN docket_entries e ON e.id = d.entry_id
        LEFT JOIN cases c ON c.id = e.case_id AND c.deleted_at IS NULL
        ORDER BY h.score, h.id`),
  };

  /**
   * The best `limit` live hits of one index, and whether they are all of its live hits. A live
   * hit outside the window ranks below every hit in it, so the window's live hits are the answer
   * once they number `limit` or the window holds every raw hit; only deleted records leaving it
   * short make it look further.
   */
  function bestLive(kind: HitKind, match: string, limit: number): { hits: RankedHit[]; all: boolean } {
    for (let window = limit * 2; ; window *= 8) {
      const rows = pass[kind](match, window);
      const complete = rows.length <= window;
      const hits = rows
        .slice(0, window)
        .filter((row) => row.live)
        .map((row): RankedHit => ({ kind, id: row.id, score: row.score }));
      // The budget: past WINDOW_BUDGET raw hits a page of mostly deleted records is shown short rather than read on.
      if (hits.length >= limit || complete || window >= WINDOW_BUDGET) return { hits, all: complete };
    }
  }

  // Live hits, counted up to COUNT_CAP + 1 in each index (so "more than the cap" is known).
  const liveCount = (match: string) =>
    db.get<{ n: number }>(sql`SELECT
      (SELECT count(*) FROM (SELECT 1 FROM docket_entries_fts f CROSS JOIN docket_entries e ON e.id = f.rowid CROSS JOIN cases c ON c.id = e.case_id
         WHERE docket_entries_fts MATCH ${match} AND c.deleted_at IS NULL LIMIT ${COUNT_CAP + 1})) +
      (SELECT count(*) FROM (SELECT 1 FROM documents_fts f CROSS JOIN documents d ON d.id = f.rowid CROSS JOIN docket_entries e ON e.id = d.entry_id
         CROSS JOIN cases c ON c.id = e.case_id
         WHERE documents_fts MATCH ${match} AND d.deleted_at IS NULL AND c.deleted_at IS NULL LIMIT ${COUNT_CAP + 1})) AS n`)!.n;

  const byRank = (a: RankedHit, b: RankedHit) => a.score - b.score || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || a.id - b.id;

  return {
    /**
     * The best matches by bm25 (lower is better), and how many there are, counted up to
     * COUNT_CAP (`capped` when there are more).
     */
    ranked(match: string, limit: number): { hits: RankedHit[]; total: number; capped: boolean } {
      const entries = bestLive("entry", match, limit);
      const documents = bestLive("document", match, limit);
      const hits = [...entries.hits, ...documents.hits].sort(byRank).slice(0, limit);
      // When both passes saw every raw hit, their live hits are all there are: no count to run.
      const n = entries.all && documents.all ? entries.hits.length + documents.hits.length : liveCount(match);
      return { hits, total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
    },

    /**
     * Snippets of the given hits only: snippet() is costly, so it runs on the ranked page,
     * outside the ranking query. Matches are wrapped in MARK_START/MARK_END.
     */
    snippets(match: string, hits: RankedHit[]): Map<string, string> {
      const out = new Map<string, string>();
      const ids = (kind: HitKind) => hits.filter((h) => h.kind === kind).map((h) => h.id);
      const entryIds = ids("entry");
      const documentIds = ids("document");
      if (entryIds.length > 0) {
        const rows = db.all<{ id: number; snippet: string }>(sql`
          SELECT rowid AS id, snippet(docket_entries_fts, -1, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS snippet
          FROM docket_entries_fts WHERE docket_entries_fts MATCH ${match} AND rowid IN (${sql.join(entryIds, sql`, `)})`);
        for (const row of rows) out.set(`entry:${row.id}`, row.snippet);
      }
      if (documentIds.length > 0) {
        const rows = db.all<{ id: number; snippet: string }>(sql`
          SELECT rowid AS id, snippet(documents_fts, -1, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS snippet
          FROM documents_fts WHERE documents_fts MATCH ${match} AND rowid IN (${sql.join(documentIds, sql`, `)})`);
        for (const row of rows) out.set(`document:${row.id}`, row.snippet);
      }
      return out;
    },

    /** The entries hit, with their cases: the columns the results page shows. */
    entries(ids: number[]) {
      if (ids.length === 0) return [];
      return preparedQuery(db, `search.entries:${ids.length}`, () =>
        db
          .select({ entry: ENTRY_COLUMNS, kase: CASE_COLUMNS })
          .from(s.docketEntries)
          .innerJoin(s.cases, eq(s.cases.id, s.docketEntries.caseId))
          .where(inArray(s.docketEntries.id, placeholderList("id", ids.length)))
          .prepare(),
      ).all(bindList("id", ids));
    },

    /** The documents hit, with their entries and cases: the columns the results page shows. */
    documents(ids: number[]) {
      if (ids.length === 0) return [];
      return preparedQuery(db, `search.documents:${ids.length}`, () =>
        db
          .select({ document: DOCUMENT_COLUMNS, entry: ENTRY_COLUMNS, kase: CASE_COLUMNS })
          .from(s.documents)
          .innerJoin(s.docketEntries, eq(s.docketEntries.id, s.documents.entryId))
          .innerJoin(s.cases, eq(s.cases.id, s.docketEntries.caseId))
          .where(inArray(s.documents.id, placeholderList("id", ids.length)))
          .prepare(),
      ).all(bindList("id", ids));
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
/** A document hit as the results page reads it, with its entry and case. */
export type DocumentHitRow = ReturnType<SearchRepository["documents"]>[number];
