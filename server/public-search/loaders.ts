import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { paths } from "../paths";
import { bindList, placeholderList, preparedQuery } from "../records/prepared";
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

const some = <T>(list: number[], read: (list: number[]) => T[]) => (list.length === 0 ? [] : read(list));
const byId = <T extends { id: number }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));

/** One prepared read by id list per table and length of list: building the query again on every search cost more than running it. */
function slugsOf<T extends { id: number }>(
  db: Db,
  name: string,
  ids: number[],
  build: (list: ReturnType<typeof placeholderList>) => { all: (values: Record<string, unknown>) => T[] },
) {
  return some(ids, (list) =>
    preparedQuery(db, `public-search.${name}:${list.length}`, () => build(placeholderList("id", list.length))).all(bindList("id", list)),
  );
}

/** Where a hit's record is read: the slugs its permalink needs. */
function addresses(db: Db, hits: PublicHit[]) {
  const ids = (kind: SearchKind) => hits.filter((h) => h.kind === kind).map((h) => h.recordId);
  const caseIds = [...new Set(hits.map((h) => h.caseId).filter((id): id is number => id !== null))];
  return {
    cases: byId(
      slugsOf(db, "cases", caseIds, (list) =>
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
          .prepare(),
      ),
    ),
    subpoenas: byId(
      slugsOf(db, "subpoenas", ids("subpoena"), (list) =>
        db.select({ id: s.subpoenas.id, slug: s.subpoenas.slug }).from(s.subpoenas).where(inArray(s.subpoenas.id, list)).prepare(),
      ),
    ),
    orders: byId(
      slugsOf(db, "orders", ids("order"), (list) =>
        db.select({ id: s.orders.id, slug: s.orders.slug }).from(s.orders).where(inArray(s.orders.id, list)).prepare(),
      ),
    ),
    events: byId(
      slugsOf(db, "events", ids("event"), (list) =>
        db.select({ id: s.events.id, slug: s.events.slug }).from(s.events).where(inArray(s.events.id, list)).prepare(),
      ),
    ),
    sources: byId(
      slugsOf(db, "sources", ids("source"), (list) =>
        db.select({ id: s.sources.id, tag: s.sources.tag }).from(s.sources).where(inArray(s.sources.id, list)).prepare(),
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
  const ranked = Math.min(limit, RANKED_CAP);
  let hits: PublicHit[];
  let total: number;
  try {
    hits = repo.ranked(match, filters, ranked);
    // Fewer hits than were asked for are all there are: no count to run.
    total = hits.length < ranked ? hits.length : repo.count(match, filters, RANKED_CAP + 1);
  } catch (error) {
    if (isQuerySyntaxError(error))
      throw new SearchQueryError(
        'This search cannot be read: use words, "a phrase", -word to leave one out, word* for words that start so.',
      );
    throw error;
  }
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
      snippet: snippetRuns(hit.snippet ?? hit.title),
      url,
      date: hit.date,
      entryKind: hit.entryKind,
      case: kase ? { slug: kase.slug, name: kase.caption ?? kase.label, docketNumber: kase.docketNumber } : null,
    };
  });
  return { results, total: Math.min(total, RANKED_CAP), capped: total > RANKED_CAP };
}
