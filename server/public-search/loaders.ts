import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { paths } from "../paths";
import type { SearchKind } from "../records/public-search-index";
import { isQuerySyntaxError, snippetRuns, type SnippetRun } from "../search/query";
import { SearchQueryError, toMatchQuery } from "./query";
import { createPublicSearchRepository, type PublicHit, type SearchFilters } from "./repository";

/** The most hits a search ranks and pages through; past it, "1,000+" and a word to narrow. */
export const RANKED_CAP = 1000;

export type PublicResult = {
  kind: SearchKind;
  id: number;
  title: string;
  snippet: SnippetRun[];
  url: string;
  date: string | null;
  entryKind: string | null;
  case: { slug: string; name: string; docketNumber: string | null } | null;
};

export type PublicSearch = { results: PublicResult[]; total: number; capped: boolean };

/** Where a hit's record is read: the slugs its permalink needs. */
function addresses(db: Db, hits: PublicHit[]) {
  const ids = (kind: SearchKind) => hits.filter((h) => h.kind === kind).map((h) => h.recordId);
  const caseIds = [...new Set(hits.map((h) => h.caseId).filter((id): id is number => id !== null))];
  const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const some = <T>(list: number[], read: (list: number[]) => T[]) => (list.length === 0 ? [] : read(list));
  return {
    cases: byId(
      some(caseIds, (list) =>
        db
          .select({
            id: s.cases.id,
            slug: s.cases.slug,
            caption: s.cases.caption,
            label: s.cases.label,
            docketNumber: s.cases.docketNumber,
          })
          .from(s.cases)
          .where(inArray(s.cases.id, list))
          .all(),
      ),
    ),
    subpoenas: byId(
      some(ids("subpoena"), (list) =>
        db.select({ id: s.subpoenas.id, slug: s.subpoenas.slug }).from(s.subpoenas).where(inArray(s.subpoenas.id, list)).all(),
      ),
    ),
    orders: byId(
      some(ids("order"), (list) =>
        db.select({ id: s.orders.id, slug: s.orders.slug }).from(s.orders).where(inArray(s.orders.id, list)).all(),
      ),
    ),
    events: byId(
      some(ids("event"), (list) =>
        db.select({ id: s.events.id, slug: s.events.slug }).from(s.events).where(inArray(s.events.id, list)).all(),
      ),
    ),
    sources: byId(
      some(ids("source"), (list) =>
        db.select({ id: s.sources.id, tag: s.sources.tag }).from(s.sources).where(inArray(s.sources.id, list)).all(),
      ),
    ),
  };
}

/**
 * A public search: what the person typed, read by ./query.ts, ranked over the public index, each
 * hit with its snippet, its case and its permalink. Throws SearchQueryError with a message for
 * the person when the query cannot be searched (never SQLite's own words).
 */
export function searchPublicRecord(db: Db, input: string, filters: SearchFilters, limit = RANKED_CAP): PublicSearch | null {
  const match = toMatchQuery(input);
  if (match === null) return null;
  const repo = createPublicSearchRepository(db);
  let hits: PublicHit[];
  let total: number;
  try {
    hits = repo.ranked(match, filters, Math.min(limit, RANKED_CAP));
    total = repo.count(match, filters, RANKED_CAP + 1);
  } catch (error) {
    if (isQuerySyntaxError(error))
      throw new SearchQueryError(
        'This search cannot be read: use words, "a phrase", -word to leave one out, word* for words that start so.',
      );
    throw error;
  }
  const snippets = repo.snippets(
    match,
    hits.map((h) => h.rowid),
  );
  const at = addresses(db, hits);
  const results = hits.map((hit): PublicResult => {
    const kase = hit.caseId === null ? undefined : at.cases.get(hit.caseId);
    const caseSlug = kase?.slug ?? "";
    const url = {
      entry: () => paths.entryPermalink(caseSlug, hit.recordId),
      case: () => paths.case(caseSlug),
      subpoena: () => paths.subpoena(at.subpoenas.get(hit.recordId)?.slug ?? ""),
      order: () => paths.order(at.orders.get(hit.recordId)?.slug ?? ""),
      motion: () => paths.motionPage(caseSlug, hit.recordId),
      event: () => paths.event(at.events.get(hit.recordId)?.slug ?? ""),
      source: () => paths.source(at.sources.get(hit.recordId)?.tag ?? ""),
    }[hit.kind]();
    return {
      kind: hit.kind,
      id: hit.recordId,
      title: hit.title,
      snippet: snippetRuns(snippets.get(hit.rowid) ?? hit.title),
      url,
      date: hit.date,
      entryKind: hit.entryKind,
      case: kase ? { slug: kase.slug, name: kase.caption ?? kase.label, docketNumber: kase.docketNumber } : null,
    };
  });
  return { results, total: Math.min(total, RANKED_CAP), capped: total > RANKED_CAP };
}
