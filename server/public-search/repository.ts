import { sql, type SQL } from "drizzle-orm";
import type Database from "better-sqlite3";
import { prepareStatement, type Db } from "../../db/client";
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
  /** The text around the best match, matches wrapped in MARK_START/MARK_END. */
  snippet: string;
  score: number;
};

/** Words of context around the best match in a snippet. */
const SNIPPET_TOKENS = 24;

/**
 * Ranking: bm25 with the title ten times the body (a caption, an order's title, "ECF No. 12 Motion
 * to Quash"), times the weight of the record's kind, read from its rowid's code
 * (server/records/public-search-index.ts): a court's order counts double, a case or a subpoena
 * half again, routine papers (a notice, a certificate of service) half. bm25 is negative and
 * better when lower, so a weight above 1 lifts a hit. Exported so the benchmark's raw reference
 * ranks by the very same expression (bench/public-search.ts).
 */
export const SCORE_SQL = `bm25(public_search_fts, 10.0, 1.0, 0.0) * (CASE rowid % ${ROWID_CODES} ${Object.entries(CODE_WEIGHTS)
  .map(([code, weight]) => `WHEN ${code} THEN ${weight.toFixed(1)}`)
  .join(" ")} ELSE 1.0 END)`;

/** The snippet of a hit, as the results show it; with the ranking in one pass (see ranked). */
export const SNIPPET_SQL = `snippet(public_search_fts, -1, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS})`;

/**
 * The MATCH for what a person typed (an FTS5 query from ./query.ts), read in the text columns
 * only, and within one case through the indexed scope column when a filter names one.
 */
function fullMatch(match: string, caseId?: number): string {
  const words = `{title body} : (${match})`;
  return caseId === undefined ? words : `scope : "${caseScope(caseId)}" AND ${words}`;
}

/** The filters' SQL, with named parameters; its text depends only on which filters are set. */
function conditions(filters: SearchFilters): string[] {
  const out: string[] = [];
  if (filters.kind) out.push(`rowid % ${ROWID_CODES} IN (${codesOfKind(filters.kind).join(", ")})`);
  if (filters.entryKind) out.push("entry_kind = @entryKind");
  if (filters.dateFrom) out.push("date >= @dateFrom");
  if (filters.dateTo) out.push("date <= @dateTo");
  if (filters.courtId) out.push("case_id IN (SELECT id FROM cases WHERE court_id = @courtId)");
  if (filters.judgeId !== undefined)
    out.push("case_id IN (SELECT id FROM cases WHERE assigned_judge_id = @judgeId OR referred_judge_id = @judgeId)");
  return out;
}

/** The values of the named parameters `conditions(filters)` uses, and the MATCH. */
function parameters(match: string, filters: SearchFilters): Record<string, unknown> {
  const out: Record<string, unknown> = { match: fullMatch(match, filters.caseId) };
  if (filters.entryKind) out.entryKind = filters.entryKind;
  if (filters.dateFrom) out.dateFrom = filters.dateFrom;
  if (filters.dateTo) out.dateTo = filters.dateTo;
  if (filters.courtId) out.courtId = filters.courtId;
  if (filters.judgeId !== undefined) out.judgeId = filters.judgeId;
  return out;
}

/**
 * Ids of a case's docket entries whose public text matches `match` (an FTS5 query), as a
 * subquery for the docket page's `q` filter: the public index holds entries' redacted text and
 * never a sealed entry's, so the filter can find neither what redaction removed nor sealed text.
 * With `first`, only the first that many by rowid (so by entry id): every match up to the last of them.
 */
export function entriesMatching(match: string, caseId: number, first?: number): SQL {
  const limit = first === undefined ? sql`` : sql` ORDER BY rowid LIMIT ${sql.raw(String(first))}`;
  return sql`(SELECT rowid / ${sql.raw(String(ROWID_CODES))} FROM public_search_fts WHERE public_search_fts MATCH ${fullMatch(match, caseId)} AND rowid % ${ROWID_CODES} IN (${sql.raw(
    codesOfKind("entry").join(", "),
  )})${limit})`;
}

/** The rowids a docket entry's one row in the public index can have: its id times ROWID_CODES plus one of these codes. */
const ENTRY_CODE_RANGE = [Math.min(...codesOfKind("entry")), Math.max(...codesOfKind("entry"))] as const;

/**
 * Whether the entry whose id is `id` (a column of the outer statement) matches `match`, as a
 * correlated test: FTS5 seeks the words' postings to that entry's rowids, so a walk of the docket
 * in its order tests only the entries it passes (server/cases/docket-search.ts).
 */
export function entryMatchesAt(match: string, id: SQL): SQL {
  const [low, high] = ENTRY_CODE_RANGE;
  return sql`exists (SELECT 1 FROM public_search_fts WHERE public_search_fts MATCH ${fullMatch(match)} AND rowid BETWEEN ${id} * ${sql.raw(String(ROWID_CODES))} + ${sql.raw(String(low))} AND ${id} * ${sql.raw(String(ROWID_CODES))} + ${sql.raw(String(high))})`;
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

/** Statements kept per database, by their SQL (one per shape of filters). */
const kept = new WeakMap<Db, Map<string, Database.Statement>>();
function statement(db: Db, text: string): Database.Statement {
  let statements = kept.get(db);
  if (!statements) kept.set(db, (statements = new Map()));
  let found = statements.get(text);
  if (!found) statements.set(text, (found = prepareStatement(db, text)));
  return found;
}

/**
 * The public search index (migration 0012), which holds only what the public projection shows:
 * nothing here needs to filter out sealed or private records, because they have no row. FTS5
 * runs the MATCH first; the filters read the hits' own columns. SQLite-only, like the index.
 */
export function createPublicSearchRepository(db: Db) {
  const where = (filters: SearchFilters) => ["public_search_fts MATCH @match", ...conditions(filters)].join(" AND ");
  return {
    /**
     * The best `limit` hits, best first, each with its columns and snippet; an invalid FTS5 query
     * throws SQLite's error. One pass: SQLite keeps the best `limit` rows as it ranks and reads a
     * row's columns and snippet only when it enters them, so a page's rows are found once. A
     * second MATCH for the snippets (rowid IN the page) ran the whole query again for each row,
     * which for a prefix that stands for many words (declar*) was most of the search's time.
     * Under a case filter the MATCH also names the scope token, which never makes the snippet:
     * snippet() takes another column only on a strictly better score, and the scope's single
     * token scores no more than any phrase of the words does in the title or the body before it.
     */
    ranked(match: string, filters: SearchFilters, limit: number): PublicHit[] {
      return statement(
        db,
        `SELECT rowid, kind, record_id AS recordId, case_id AS caseId, date, entry_kind AS entryKind, title,
          ${SNIPPET_SQL} AS snippet, ${SCORE_SQL} AS score
        FROM public_search_fts WHERE ${where(filters)} ORDER BY score, rowid LIMIT @limit`,
      ).all({ ...parameters(match, filters), limit }) as PublicHit[];
    },

    /**
     * How many of a case's docket entries match, counting at most `cap` (all of them without),
     * and the rowids of the first and the last counted (hits come in rowid order): from the
     * postings alone, for a search inside a docket to choose its plan and count by
     * (server/cases/docket-search.ts). A filter on the index's date or kind columns here would
     * read each hit's stored row: 42 ms for "quash" and a kind in 100,000 entries.
     */
    docketHits(match: string, caseId: number, cap?: number) {
      const f: SearchFilters = { kind: "entry", caseId };
      const text = `SELECT count(*) AS n, min(rowid) AS first, max(rowid) AS last FROM (SELECT rowid FROM public_search_fts WHERE ${where(f)}${cap === undefined ? "" : " ORDER BY rowid LIMIT @cap"})`;
      const values = { ...parameters(match, f), ...(cap === undefined ? {} : { cap }) };
      return statement(db, text).get(values) as { n: number; first: number | null; last: number | null };
    },

    /** The rowids of a case's first and last docket entries in the index: two seeks into one word's postings. */
    docketSpan(caseId: number): { first: number; last: number } | null {
      const end = (order: "ASC" | "DESC") =>
        statement(
          db,
          `SELECT rowid FROM public_search_fts WHERE public_search_fts MATCH @scope AND rowid % ${ROWID_CODES} IN (${codesOfKind("entry").join(", ")}) ORDER BY rowid ${order} LIMIT 1`,
        ).get({ scope: `scope : "${caseScope(caseId)}"` }) as { rowid: number } | undefined;
      const first = end("ASC");
      const last = end("DESC");
      return first && last ? { first: first.rowid, last: last.rowid } : null;
    },

    /** How many hits there are, counting at most `cap` (so a common word costs a bounded count). */
    count(match: string, filters: SearchFilters, cap: number): number {
      const text = `SELECT count(*) AS n FROM (SELECT 1 FROM public_search_fts WHERE ${where(filters)} LIMIT @cap)`;
      return (statement(db, text).get({ ...parameters(match, filters), cap }) as { n: number }).n;
    },
  };
}
