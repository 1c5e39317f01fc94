import type Database from "better-sqlite3";
import { eq, inArray } from "drizzle-orm";
import { prepareStatement, type Db } from "../../db/client";
import * as s from "../../db/schema";
import { bindList, placeholderList, preparedQuery } from "../records/prepared";
import { MARK_END, MARK_START } from "./query";

export type HitKind = "entry" | "document";
/** A ranked hit; an entry's carries its snippet, made in the ranking's own pass. */
export type RankedHit = { kind: HitKind; id: number; score: number; snippet?: string };
type PassRow = { id: number; score: number; live: 0 | 1; snippet?: string };

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
 * Statements kept per database under a short name that says everything their SQL depends on
 * (a pass's window, the length of a page's id list): the SQL is built only the first time.
 * The passes' windows are few (limit × 2, × 8 …, up to WINDOW_BUDGET) and the documents'
 * snippet lists at most a page long, so the names are bounded.
 */
const kept = new WeakMap<Db, Map<string, Database.Statement>>();
function statement(db: Db, name: string, text: () => string): Database.Statement {
  let statements = kept.get(db);
  if (!statements) kept.set(db, (statements = new Map()));
  let found = statements.get(name);
  if (!found) statements.set(name, (found = prepareStatement(db, text())));
  return found;
}

/** Whether an FTS5 query has a prefix term (`quash*`, `"quash"*`): a `*` outside its quoted strings. */
const hasPrefix = (match: string) => match.replace(/"(?:[^"]|"")*"/g, "").includes("*");

/** The snippet of a hit of one index, as the results show it. */
const SNIPPET_OF = (table: "docket_entries_fts" | "documents_fts") =>
  `snippet(${table}, -1, '${MARK_START}', '${MARK_END}', '…', ${SNIPPET_TOKENS})`;

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
  // JOINs keep the FTS5 hits as the outer loop, as CROSS JOIN does below. The entries' pass also
  // makes their snippets: SQLite makes one for each row that enters the best window + 1 as it
  // ranks, which for docket text (a line or two) costs less than a second MATCH for the page's
  // rows (see snippets); a document's text is pages long, so its snippets are made apart. The
  // window is written into the SQL: a bound LIMIT made the pass 17 µs slower on a one-hit phrase.
  const pass: Record<HitKind, (match: string, window: number) => PassRow[]> = {
    entry: (match, window) =>
      statement(
        db,
        `entry-pass:${window}`,
        () => `SELECT h.id AS id, h.score AS score, h.snippet AS snippet, (c.id IS NOT NULL) AS live
        FROM (SELECT rowid AS id, bm25(docket_entries_fts) AS score, ${SNIPPET_OF("docket_entries_fts")} AS snippet FROM docket_entries_fts
                WHERE docket_entries_fts MATCH ? ORDER BY score, rowid LIMIT ${window + 1}) AS h
        LEFT JOIN docket_entries e ON e.id = h.id LEFT JOIN cases c ON c.id = e.case_id AND c.deleted_at IS NULL
        ORDER BY h.score, h.id`,
      ).all(match) as PassRow[],
    document: (match, window) =>
      statement(
        db,
        `document-pass:${window}`,
        () => `SELECT h.id AS id, h.score AS score, (c.id IS NOT NULL AND d.deleted_at IS NULL) AS live
        FROM (SELECT rowid AS id, bm25(documents_fts) AS score FROM documents_fts
                WHERE documents_fts MATCH ? ORDER BY score, rowid LIMIT ${window + 1}) AS h
        LEFT JOIN documents d ON d.id = h.id LEFT JOIN docket_entries e ON e.id = d.entry_id
        LEFT JOIN cases c ON c.id = e.case_id AND c.deleted_at IS NULL
        ORDER BY h.score, h.id`,
      ).all(match) as PassRow[],
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
        .map((row): RankedHit =>
          row.snippet === undefined ? { kind, id: row.id, score: row.score } : { kind, id: row.id, score: row.score, snippet: row.snippet },
        );
      // The budget: past WINDOW_BUDGET raw hits a page of mostly deleted records is shown short rather than read on.
      if (hits.length >= limit || complete || window >= WINDOW_BUDGET) return { hits, all: complete };
    }
  }

  // Live hits, counted up to COUNT_CAP + 1 in all (so "more than the cap" is known): the
  // documents only when the entries leave room, and only as far as the room they leave.
  const countIn = (kind: HitKind, match: string, cap: number) =>
    (
      statement(db, `live-count:${kind}`, () =>
        kind === "entry"
          ? `SELECT count(*) AS n FROM (SELECT 1 FROM docket_entries_fts f CROSS JOIN docket_entries e ON e.id = f.rowid
               CROSS JOIN cases c ON c.id = e.case_id WHERE docket_entries_fts MATCH ? AND c.deleted_at IS NULL LIMIT ?)`
          : `SELECT count(*) AS n FROM (SELECT 1 FROM documents_fts f CROSS JOIN documents d ON d.id = f.rowid
               CROSS JOIN docket_entries e ON e.id = d.entry_id CROSS JOIN cases c ON c.id = e.case_id
               WHERE documents_fts MATCH ? AND d.deleted_at IS NULL AND c.deleted_at IS NULL LIMIT ?)`,
      ).get(match, cap) as { n: number }
    ).n;
  const liveCount = (match: string) => {
    const entries = countIn("entry", match, COUNT_CAP + 1);
    return entries > COUNT_CAP ? entries : entries + countIn("document", match, COUNT_CAP + 1 - entries);
  };

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
     * The snippets of the given hits (an entry's came with it from the ranking), matches wrapped
     * in MARK_START/MARK_END. A document's are made here, for the page only, because in the
     * ranking snippet() would run on every document that enters its best window + 1. SQLite runs
     * `rowid IN (…)` as one MATCH per rowid: a seek in each posting list for words and phrases,
     * but a prefix merges the posting lists of every word it stands for on each (`quash*`: 189 ms
     * for a page of 50 entries on 190,000), so a prefix query reads the hits between the page's
     * least and greatest rowid in one MATCH instead (16 ms) and keeps the page's.
     */
    snippets(match: string, hits: RankedHit[]): Map<string, string> {
      const out = new Map<string, string>();
      for (const hit of hits) if (hit.snippet !== undefined) out.set(`${hit.kind}:${hit.id}`, hit.snippet);
      const ids = hits.filter((h) => h.kind === "document" && h.snippet === undefined).map((h) => h.id);
      if (ids.length === 0) return out;
      const prefix = hasPrefix(match);
      const text = () => {
        const select = `SELECT rowid AS id, ${SNIPPET_OF("documents_fts")} AS snippet FROM documents_fts WHERE documents_fts MATCH ?`;
        const list = ids.map(() => "?").join(", ");
        return prefix ? `${select} AND rowid BETWEEN ? AND ? AND +rowid IN (${list})` : `${select} AND rowid IN (${list})`;
      };
      const bounds = prefix ? [Math.min(...ids), Math.max(...ids)] : [];
      const rows = statement(db, `document-snippets:${prefix ? "range" : "list"}:${ids.length}`, text).all(match, ...bounds, ...ids);
      for (const row of rows as { id: number; snippet: string }[]) out.set(`document:${row.id}`, row.snippet);
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
