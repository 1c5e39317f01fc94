import { and, asc, count, desc, eq, gte, isNull, like, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { createPublicSearchRepository, entriesMatching, entryMatchesAt } from "../public-search/repository";
import { ROWID_CODES } from "../records/public-search-index";
import { quotedTerms } from "../search/query";
import { docketHeldCount, docketPageRows } from "./docket-statements";
import type { DocketQuery } from "./schemas";

/**
 * A search inside one docket counts its matches up to this many. Past it the page says "more
 * than 1,000", as the public search does (server/public-search/loaders.ts), so that a word in
 * most of a long docket's entries is not read hit by hit to give its exact count.
 */
export const DOCKET_SEARCH_CAP = 1000;

/**
 * What testing one entry against the index costs, in hits read, when a page walks the docket in
 * its order: on the million-entry file a walked entry took about 20 µs (FTS5 seeks each word's
 * postings to it), where counting a hit and finding the page among the hits took about 0.5 µs a hit.
 */
const WALKED_ENTRY_COST = 40;

type EntryRow = typeof s.docketEntries.$inferSelect;

/** A page of a docket's search, and how many match in all: at least `total` when `capped`. */
export type DocketSearchPage = { rows: EntryRow[]; total: number; capped: boolean };

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A page of the in-docket search (`q`), in docket order, and how many entries match. The words
 * are looked up in the public search index, which holds the redacted text of the entries the
 * public may see and nothing of a sealed, held or deleted one; a sealed entry is found by its
 * number only, so a search can reveal neither. The count is the index's hits (those within the
 * dates and kind, if filtered) and the sealed entries found by number.
 *
 * The first thousand hits (read from the index's postings alone) choose the way to the page:
 *  - fewer: the page is read from the hits' ids, and they are the count.
 *  - more, on an early page: the docket's covering index is walked in docket order, each entry
 *    tested against the index until the page is full (about 230 entries for a page of a word in
 *    43% of them), and the count says "more than 1,000". The walk is taken only when it should
 *    cost less than reading every hit, from how densely the first hits fall in the docket, and
 *    stops where it would not.
 *  - otherwise every hit is counted and the docket walked against the list of them.
 */
export function searchDocket(db: Db, caseId: number, query: DocketQuery): DocketSearchPage {
  const e = s.docketEntries;
  const where: SQL[] = [eq(e.caseId, caseId), isNull(e.deletedAt)];
  if (query.from) where.push(gte(e.dateFiled, query.from));
  if (query.to) where.push(lte(e.dateFiled, query.to));
  if (query.kind) where.push(eq(e.kind, query.kind));
  const q = query.q ?? "";
  const match = quotedTerms(q);
  const offset = (query.page - 1) * query.per;

  // An entry number is digits, so only a search with a digit in it can find a sealed entry by
  // its number. It is an id list, so SQLite reads it and the hits' ids and unites them by id (a
  // plain column test beside the index's ids made it read every row of the case).
  const byNumber = /\d/.test(q);
  const sealedIds = db
    .select({ id: e.id })
    .from(e)
    // `sealed = 1` as a literal names the sealed entries' own index (partial, migration 0024), so
    // SQLite reads the case's sealed numbers only: by the numbers' index it read every number of
    // the case and each row behind it (7 ms a statement in 100,000 entries).
    .where(and(eq(e.caseId, caseId), sql`${e.sealed} = 1`, like(e.number, likePattern(q))));
  const sealedByNumber = (id: SQL) => (byNumber ? [sql`${id} in ${sealedIds}`] : []);
  const anyOf = (tests: SQL[]) => (tests.length > 0 ? or(...tests)! : sql`1 = 0`);
  const sealedFound = () => {
    if (!byNumber) return 0;
    const found = db
      .select({ n: count() })
      .from(e)
      .where(and(...where, sql`${e.id} in ${sealedIds}`))
      .get();
    return found?.n ?? 0;
  };

  const index = createPublicSearchRepository(db);
  const hits = match ? index.docketHits(match, caseId, DOCKET_SEARCH_CAP + 1) : { n: 0, first: null, last: null };
  const many = hits.n > DOCKET_SEARCH_CAP;
  if (match && many) {
    const walk = walkPlan(db, index, caseId, hits, offset + query.per + 1);
    if (walk) {
      // Every match up to the last of the first hits is in their list (hits come by id): an entry
      // that far is looked up in it, one past it seeks its rowid in the index. A docket is mostly
      // filed in id order, so its first pages rarely seek, and seeks grow with the index's
      // segments (a page took 5.3 ms of them on 17 segments, 1.3 ms on one).
      const lastId = Math.floor(hits.last! / ROWID_CODES);
      const byText = or(
        and(sql`+${e.id} <= ${lastId}`, sql`+${e.id} in ${entriesMatching(match, caseId, DOCKET_SEARCH_CAP + 1)}`),
        and(sql`+${e.id} > ${lastId}`, entryMatchesAt(match, sql`${e.id}`)),
      )!;
      const test = anyOf([byText, ...sealedByNumber(sql`+${e.id}`)]);
      // Dates are tested on the covering index's own column (`+`), keeping the walk in docket
      // order: by the dates' index, every entry in the range was tested and then sorted.
      const walkWhere: SQL[] = [eq(e.caseId, caseId), isNull(e.deletedAt)];
      if (query.from) walkWhere.push(sql`+${e.dateFiled} >= ${query.from}`);
      if (query.to) walkWhere.push(sql`+${e.dateFiled} <= ${query.to}`);
      if (query.kind) walkWhere.push(eq(e.kind, query.kind));
      const rows = walkedPage(db, walkWhere, test, query, walk.limit);
      if (rows) return { rows, total: DOCKET_SEARCH_CAP, capped: true };
    }
  }

  const byText = (id: SQL) => (match ? [sql`${id} in ${entriesMatching(match, caseId)}`] : []);
  const textFound = () => {
    if (!match) return 0;
    const filtered = Boolean(query.from || query.to || query.kind);
    if (!filtered) return many ? index.docketHits(match, caseId).n : hits.n;
    // Under a date or kind filter, the hits in the filter's range of the docket's index: many are
    // a list each index entry is tested against, a few are looked up by id.
    const found = db
      .select({ n: count() })
      .from(e)
      .where(and(...where, ...byText(many ? sql`+${e.id}` : sql`${e.id}`)))
      .get();
    return found?.n ?? 0;
  };
  const found = (id: SQL) => anyOf([...byText(id), ...sealedByNumber(id)]);
  // Less those the publication guard holds: a handful of holds, each entry tested by a seek into
  // the index's postings. (A held entry has no row in the index, but a hold written around the
  // record store would leave one, and the page never shows a held entry.)
  const heldTest = anyOf([...(match ? [entryMatchesAt(match, sql`${e.id}`)] : []), ...sealedByNumber(sql`${e.id}`)]);
  const held = docketHeldCount(db, and(...where, heldTest)!).get({})?.n ?? 0;
  const total = textFound() + sealedFound() - held;
  // Many hits are a test as the docket's covering index is walked in docket order to the page
  // (`+id`: not a key to look rows up by); left to choose, SQLite looked up every hit by id and
  // sorted them all: 39 ms for "quash" in 100,000 entries. A few are looked up by id and sorted:
  // the case and liveness are then tests (`+`), as SQLite otherwise walked the whole docket
  // against them (4 ms for a rare word in 100,000 entries).
  const fewWhere: SQL[] = [sql`+${e.caseId} = ${caseId}`, sql`+${e.deletedAt} is null`, ...where.slice(2)];
  const page = many
    ? docketPageRows(db, and(...where, found(sql`+${e.id}`))!, query.order)
    : docketPageRows(db, and(...fewWhere, found(sql`${e.id}`))!, query.order);
  return { rows: page.all({ limit: query.per, offset }), total, capped: false };
}

/**
 * Whether to walk the docket for a common word's page, and how far at most: the hits' number is
 * estimated from how much of the case's entries (by id) the first thousand span, the walk's
 * length from their density, and the walk is worth it while it costs less than those hits would.
 */
function walkPlan(
  db: Db,
  index: ReturnType<typeof createPublicSearchRepository>,
  caseId: number,
  hits: { n: number; first: number | null; last: number | null },
  wanted: number,
): { limit: number } | null {
  const span = index.docketSpan(caseId);
  const entries = liveEntries(db, caseId);
  if (!span || hits.first === null || hits.last === null || entries === 0) return null;
  const covered = Math.min(1, (hits.last - hits.first + 1) / (span.last - span.first + 1));
  const estimatedHits = Math.min(entries, hits.n / covered);
  const limit = Math.floor(estimatedHits / WALKED_ENTRY_COST);
  const walked = wanted / (estimatedHits / entries);
  return walked <= limit ? { limit } : null;
}

/** The case's live entries, as docket_entry_counts keeps them (migration 0019). */
function liveEntries(db: Db, caseId: number): number {
  const c = s.docketEntryCounts;
  const row = db
    .select({ n: sql<number>`coalesce(sum(${c.live}), 0)` })
    .from(c)
    .where(eq(c.caseId, caseId))
    .get();
  return Number(row?.n ?? 0);
}

/**
 * The page of the walk: the docket in the reader's order, up to `limit` entries from its start,
 * each tested. Null when the page is not full by then: the hits thin out past that point, and
 * reading every hit is the cheaper way to the page.
 */
function walkedPage(db: Db, where: SQL[], test: SQL, query: DocketQuery, limit: number): EntryRow[] | null {
  const e = s.docketEntries;
  const direction = query.order === "desc" ? desc : asc;
  const edge = db
    .select({ sequence: e.sequence, id: e.id })
    .from(e)
    .where(and(...where))
    .orderBy(direction(e.sequence), direction(e.id))
    .limit(1)
    .offset(limit)
    .get();
  const within = edge
    ? query.order === "desc"
      ? sql`(${e.sequence}, ${e.id}) > (${edge.sequence}, ${edge.id})`
      : sql`(${e.sequence}, ${e.id}) < (${edge.sequence}, ${edge.id})`
    : sql`1 = 1`;
  const offset = (query.page - 1) * query.per;
  const page = docketPageRows(db, and(...where, within, test)!, query.order);
  const rows = page.all({ limit: query.per + 1, offset });
  return rows.length > query.per ? rows.slice(0, query.per) : null;
}
