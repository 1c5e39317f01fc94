import type { Db } from "../../db/client";
import { isQuerySyntaxError, quotedTerms } from "./query";
import { createSearchRepository, type DocumentHitRow, type HitKind, type RankedHit } from "./repository";

export type SearchHit = {
  kind: HitKind;
  score: number;
  snippet: string;
  entry: DocumentHitRow["entry"];
  kase: DocumentHitRow["kase"];
  document: DocumentHitRow["document"] | null;
};

export type SearchResults = {
  q: string;
  /** The input was not valid FTS5 syntax, so it was searched as plain words. */
  plainTerms: boolean;
  /** Matches, counted up to COUNT_CAP. */
  total: number;
  /** There are more than COUNT_CAP matches. */
  capped: boolean;
  hits: SearchHit[];
};

/**
 * Ranked full-text search of docket text and documents' text. The input is tried as an FTS5
 * query first (so "exact phrase", OR, NEAR and prefix* work); if FTS5 refuses its syntax
 * (`"unbalanced`, `AND OR`), it is searched again as plain quoted words instead of failing.
 */
export function searchFilings(db: Db, input: string, limit: number): SearchResults {
  const repo = createSearchRepository(db);
  const q = input.trim();
  const none = (plainTerms: boolean): SearchResults => ({ q, plainTerms, total: 0, capped: false, hits: [] });
  if (q === "") return none(false);

  let match = q;
  let plainTerms = false;
  let ranked: { hits: RankedHit[]; total: number; capped: boolean };
  try {
    ranked = repo.ranked(match, limit);
  } catch (error) {
    if (!isQuerySyntaxError(error)) throw error;
    const quoted = quotedTerms(q);
    if (quoted === null) return none(true);
    match = quoted;
    plainTerms = true;
    ranked = repo.ranked(match, limit);
  }

  const snippets = repo.snippets(match, ranked.hits);
  const entries = new Map(repo.entries(ranked.hits.filter((h) => h.kind === "entry").map((h) => h.id)).map((r) => [r.entry.id, r]));
  const documents = new Map(
    repo.documents(ranked.hits.filter((h) => h.kind === "document").map((h) => h.id)).map((r) => [r.document.id, r]),
  );
  const hits = ranked.hits.flatMap((hit): SearchHit[] => {
    const snippet = snippets.get(`${hit.kind}:${hit.id}`) ?? "";
    if (hit.kind === "entry") {
      const found = entries.get(hit.id);
      return found ? [{ kind: hit.kind, score: hit.score, snippet, entry: found.entry, kase: found.kase, document: null }] : [];
    }
    const found = documents.get(hit.id);
    return found ? [{ kind: hit.kind, score: hit.score, snippet, entry: found.entry, kase: found.kase, document: found.document }] : [];
  });
  return { q, plainTerms, total: ranked.total, capped: ranked.capped, hits };
}
