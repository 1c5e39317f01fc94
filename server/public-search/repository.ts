import { sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseScope, CODE_WEIGHTS, codesOfKind, ROWID_CODES, type SearchKind } from "../records/public-search-index";
import { MARK_END, MARK_START } from "../search/query";

/** What narrows a public search, each optional: checked by ./schemas.ts before it gets here. */
export type SearchFilters = {
  kind?: SearchKind;
  caseId?: number;
  courtId?: string;
  judgeId?: number;
  entryKind?: string;
  dateFrom?: string;
  dateTo?: string;
};

export type PublicHit = {
  rowid: number;
  kind: SearchKind;
  recordId: number;
  caseId: number | null;
  date: string | null;
  entryKind: string | null;
  title: string;
  score: number;
};

/** Words of context around the best match in a snippet. */
const SNIPPET_TOKENS = 24;

/*
 * Ranking: bm25 with the title ten times the body (a caption, an order's title, "ECF No. 12 Motion
 * to Quash"), times the weight of the record's kind, read from its rowid's code
 * (server/records/public-search-index.ts): a court's order counts double, a case or a subpoena
 * half again, routine papers (a notice, a certificate of service) half. bm25 is negative and
 * better when lower, so a weight above 1 lifts a hit.
 */
const SCORE = sql.raw(
  `bm25(public_search_fts, 10.0, 1.0, 0.0) * (CASE rowid % ${ROWID_CODES} ${Object.entries(CODE_WEIGHTS)
    .map(([code, weight]) => `WHEN ${code} THEN ${weight.toFixed(1)}`)
    .join(" ")} ELSE 1.0 END)`,
);

/**
 * The MATCH for what a person typed (an FTS5 query from ./query.ts), read in the text columns
 * only, and within one case through the indexed scope column when a filter names one.
 */
function fullMatch(match: string, caseId?: number): string {
  const words = `{title body} : (${match})`;
  return caseId === undefined ? words : `scope : "${caseScope(caseId)}" AND ${words}`;
}

function conditions(filters: SearchFilters): SQL[] {
  const out: SQL[] = [];
  if (filters.kind) out.push(sql.raw(`rowid % ${ROWID_CODES} IN (${codesOfKind(filters.kind).join(", ")})`));
  if (filters.entryKind) out.push(sql`entry_kind = ${filters.entryKind}`);
  if (filters.dateFrom) out.push(sql`date >= ${filters.dateFrom}`);
  if (filters.dateTo) out.push(sql`date <= ${filters.dateTo}`);
  if (filters.courtId) out.push(sql`case_id IN (SELECT id FROM cases WHERE court_id = ${filters.courtId})`);
  if (filters.judgeId !== undefined) {
    out.push(sql`case_id IN (SELECT id FROM cases WHERE assigned_judge_id = ${filters.judgeId} OR referred_judge_id = ${filters.judgeId})`);
  }
  return out;
}

/**
 * Ids of a case's docket entries whose public text matches `match` (an FTS5 query), as a
 * subquery for the docket page's `q` filter: the public index holds entries' redacted text and
 * never a sealed entry's, so the filter can find neither what redaction removed nor sealed text.
 */
export function entriesMatching(match: string, caseId: number): SQL {
  return sql`(SELECT record_id FROM public_search_fts WHERE public_search_fts MATCH ${fullMatch(match, caseId)} AND rowid % ${ROWID_CODES} IN (${sql.raw(
    codesOfKind("entry").join(", "),
  )}))`;
}

/** Whether a docket entry's row in the public index matches `match`: a saved search's alert (server/alerts/recipients.ts). */
export function entryMatches(db: Db, entryId: number, match: string): boolean {
  const rowids = codesOfKind("entry").map((code) => entryId * ROWID_CODES + code);
  return (
    db.get(
      sql`SELECT 1 AS one FROM public_search_fts WHERE public_search_fts MATCH ${fullMatch(match)} AND rowid IN (${sql.join(rowids, sql`, `)})`,
    ) !== undefined
  );
}

/**
 * The public search index (migration 0012), which holds only what the public projection shows:
 * nothing here needs to filter out sealed or private records, because they have no row. FTS5
 * runs the MATCH first; the filters read the hits' own columns. SQLite-only, like the index.
 */
export function createPublicSearchRepository(db: Db) {
  const where = (match: string, filters: SearchFilters) =>
    sql.join([sql`public_search_fts MATCH ${fullMatch(match, filters.caseId)}`, ...conditions(filters)], sql` AND `);
  return {
    /**
     * The best `limit` hits, best first; an invalid FTS5 query throws SQLite's error. The
     * ranking reads rowids and bm25 only; the hits' columns are read for the page alone.
     */
    ranked(match: string, filters: SearchFilters, limit: number): PublicHit[] {
      const best = db.all<{ rowid: number; score: number }>(sql`
        SELECT rowid, ${SCORE} AS score FROM public_search_fts WHERE ${where(match, filters)}
        ORDER BY score, rowid LIMIT ${limit}`);
      if (best.length === 0) return [];
      const columns = db.all<Omit<PublicHit, "score">>(sql`
        SELECT rowid, kind, record_id AS recordId, case_id AS caseId, date, entry_kind AS entryKind, title
        FROM public_search_fts WHERE rowid IN (${sql.join(
          best.map((hit) => hit.rowid),
          sql`, `,
        )})`);
      const byRowid = new Map(columns.map((row) => [row.rowid, row]));
      return best.map((hit) => ({ ...byRowid.get(hit.rowid)!, score: hit.score }));
    },

    /** How many hits there are, counting at most `cap` (so a common word costs a bounded count). */
    count(match: string, filters: SearchFilters, cap: number): number {
      return db.get<{ n: number }>(
        sql`SELECT count(*) AS n FROM (SELECT 1 FROM public_search_fts WHERE ${where(match, filters)} LIMIT ${cap})`,
      )!.n;
    },

    /** Snippets of the given hits only (snippet() is costly): matches wrapped in MARK_START/MARK_END. */
    snippets(match: string, rowids: number[]): Map<number, string> {
      if (rowids.length === 0) return new Map();
      const rows = db.all<{ rowid: number; snippet: string }>(sql`
        SELECT rowid, snippet(public_search_fts, -1, ${MARK_START}, ${MARK_END}, '…', ${SNIPPET_TOKENS}) AS snippet
        FROM public_search_fts WHERE public_search_fts MATCH ${fullMatch(match)} AND rowid IN (${sql.join(rowids, sql`, `)})`);
      return new Map(rows.map((row) => [row.rowid, row.snippet]));
    },
  };
}
