import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { MARK_END, MARK_START } from "./query";

export type HitKind = "entry" | "document";
export type RankedHit = { kind: HitKind; id: number; score: number };

/** Words of context around the best match in a snippet. */
const SNIPPET_TOKENS = 24;

/**
 * Full-text search over the FTS5 index of docket entry text and documents' extracted text
 * (migration 0001). SQLite-only by design, like the index. The index holds sealed text, so
 * this repository serves the staff search page only. Deleted documents and the records of
 * deleted cases are left out. `match` is an FTS5 query: an invalid one throws SQLite's error.
 */
export function createSearchRepository(db: Db) {
  // Live entries of live cases; live documents of those entries.
  const liveEntries = sql`SELECT e.id FROM docket_entries e JOIN cases c ON c.id = e.case_id WHERE c.deleted_at IS NULL`;
  const liveDocuments = sql`SELECT d.id FROM documents d JOIN docket_entries e ON e.id = d.entry_id JOIN cases c ON c.id = e.case_id
    WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL`;
  const matches = (match: string) => sql`
    SELECT 'entry' AS kind, rowid AS id, bm25(docket_entries_fts) AS score FROM docket_entries_fts
      WHERE docket_entries_fts MATCH ${match} AND rowid IN (${liveEntries})
    UNION ALL
    SELECT 'document' AS kind, rowid AS id, bm25(documents_fts) AS score FROM documents_fts
      WHERE documents_fts MATCH ${match} AND rowid IN (${liveDocuments})`;

  return {
    /** The best matches by bm25 (lower is better), and how many there are in all. */
    ranked(match: string, limit: number): { hits: RankedHit[]; total: number } {
      const hits = db.all<RankedHit>(sql`SELECT kind, id, score FROM (${matches(match)}) ORDER BY score, kind, id LIMIT ${limit}`);
      const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (${matches(match)})`)!.n;
      return { hits, total };
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

    /** The entries hit, with their cases. */
    entries(ids: number[]) {
      if (ids.length === 0) return [];
      return db
        .select({ entry: s.docketEntries, kase: s.cases })
        .from(s.docketEntries)
        .innerJoin(s.cases, eq(s.cases.id, s.docketEntries.caseId))
        .where(inArray(s.docketEntries.id, ids))
        .all();
    },

    /** The documents hit, with their entries and cases. */
    documents(ids: number[]) {
      if (ids.length === 0) return [];
      return db
        .select({ document: s.documents, entry: s.docketEntries, kase: s.cases })
        .from(s.documents)
        .innerJoin(s.docketEntries, eq(s.docketEntries.id, s.documents.entryId))
        .innerJoin(s.cases, eq(s.cases.id, s.docketEntries.caseId))
        .where(inArray(s.documents.id, ids))
        .all();
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
