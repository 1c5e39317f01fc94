import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lt, lte, or, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { precisionRank } from "../../db/schema";

/** A row's place in a list in fuzzy-date order (shared/date-ordering): [earliest day or null, precision rank, id]. */
export type FuzzyDateKey = [string | null, number, number];

/** The columns a table's list order is made of; the table has an index on (date, precisionRank(precision, date)). */
export type FuzzyDateColumns = { date: SQLiteColumn; precision: SQLiteColumn; id: SQLiteColumn };

/** A page's bounds: `after` or `before` a key (neither: the first page; `fromEnd`: the last), at most `limit` rows. */
export type FuzzyDatePageBounds = { limit: number; after?: FuzzyDateKey; before?: FuzzyDateKey; fromEnd?: boolean };

/**
 * Reads a keyset page of a table in fuzzy-date order (the earliest day, undated last; then the
 * precision's rank; then id) from its index on (date, rank), whose rowid ends it: every read is a
 * range of that index walked in its order, so no request sorts the table. Two reads rather
 * than one ORDER BY on `date is null`, which no index holds: the dated rows, then the undated
 * ones (the second only when the first leaves the page short). The bound is spelt out term by
 * term (`date >= ? and (date > ? or rank > ? or …)`) because SQLite does not range an
 * expression index by a row value. `read` runs the caller's select (its joins, its public
 * filters) with these conditions, this order and this limit. Rows come in list order; a page
 * before a key is read backwards and turned round.
 */
export function readFuzzyDatePage<T>(
  columns: FuzzyDateColumns,
  page: FuzzyDatePageBounds,
  read: (where: SQL, orderBy: SQL[], limit: number) => T[],
): T[] {
  const key = page.before ?? page.after;
  return readSegments(segmentsOf(columns, page, key), page, (segment, limit) => read(segment.where, segment.orderBy, limit));
}

/**
 * readFuzzyDatePage with the key bound rather than written into the SQL, so each of the few
 * shapes a page can take (which segment, which way, from a key or not) is one statement
 * prepared once: building the SQL of a page with drizzle cost more than running it.
 * `statement(shape, where, orderBy)` gives the caller's select (its joins, its public filters,
 * `limit(sql.placeholder("limit"))`) prepared, which the caller keeps by `shape`; it is run
 * with the key's values (`kd`, `kr`, `ki`), `limit` and `values`.
 */
export function readPreparedFuzzyDatePage<T>(
  columns: FuzzyDateColumns,
  page: FuzzyDatePageBounds,
  statement: (shape: string, where: SQL, orderBy: SQL[]) => { all(values: Record<string, unknown>): T[] },
  values: Record<string, unknown> = {},
): T[] {
  const key = page.before ?? page.after;
  const bound: KeyTerms | undefined = key && [key[0] === null ? null : KEY_DAY, KEY_RANK, KEY_ID];
  const bindings = key ? { ...values, kd: key[0], kr: key[1], ki: key[2] } : values;
  return readSegments(segmentsOf(columns, page, bound), page, (segment, limit) =>
    statement(segment.shape, segment.where, segment.orderBy).all({ ...bindings, limit }),
  );
}

const KEY_DAY = sql.placeholder("kd");
const KEY_RANK = sql.placeholder("kr");
const KEY_ID = sql.placeholder("ki");

type Segment = { shape: string; where: SQL; orderBy: SQL[] };

/** A key as the SQL compares with it: its values, or placeholders bound to them (null: an undated key). */
type KeyTerms = [day: string | Placeholder | null, rank: number | Placeholder, id: number | Placeholder];

/** The dated and the undated segment of a page, in the order read (null for one the page cannot reach). */
function segmentsOf(columns: FuzzyDateColumns, page: FuzzyDatePageBounds, key: KeyTerms | undefined): (Segment | null)[] {
  const { date, id } = columns;
  const rank = precisionRank(columns.precision, columns.date);
  const backward = page.before !== undefined || page.fromEnd === true;
  const beyond = backward ? lt : gt;
  const beyondOrAt = backward ? lte : gte;
  const direction = backward ? desc : asc;
  const way = backward ? "backward" : "forward";
  // Within the key's day: a rank beyond the key's, or the same rank and an id beyond its id.
  const beyondInDay = ([, r, i]: KeyTerms) => or(beyond(rank, r), and(eq(rank, r), beyond(id, i)))!;
  // The dated rows' range and the undated rows' range: null for one the page cannot reach.
  let datedRange: SQL | null = isNotNull(date);
  let undatedRange: SQL | null = isNull(date);
  if (key && key[0] !== null) {
    datedRange = and(beyondOrAt(date, key[0]), or(beyond(date, key[0]), beyondInDay(key)))!;
    if (backward) undatedRange = null;
  } else if (key) {
    undatedRange = and(isNull(date), beyondInDay(key))!;
    if (!backward) datedRange = null;
  }
  const from = key ? (key[0] === null ? "from-undated" : "from-dated") : "open";
  const dated = datedRange && {
    shape: `dated:${way}:${from}`,
    where: datedRange,
    orderBy: [direction(date), direction(rank), direction(id)],
  };
  const undated = undatedRange && { shape: `undated:${way}:${from}`, where: undatedRange, orderBy: [direction(rank), direction(id)] };
  // In the direction read: forward the dated come first, backward the undated.
  return backward ? [undated, dated] : [dated, undated];
}

function readSegments<T>(segments: (Segment | null)[], page: FuzzyDatePageBounds, read: (segment: Segment, limit: number) => T[]): T[] {
  const backward = page.before !== undefined || page.fromEnd === true;
  const rows: T[] = [];
  for (const segment of segments) {
    if (!segment || rows.length >= page.limit) continue;
    rows.push(...read(segment, page.limit - rows.length));
  }
  return backward ? rows.reverse() : rows;
}
