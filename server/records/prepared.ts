import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";

/** Prepared queries kept per database, by name; a name's variants (one per id-list length) are bounded. */
const kept = new WeakMap<Db, Map<string, unknown>>();
const KEPT_PER_DATABASE = 500;

/**
 * A drizzle query built and prepared once per database and kept under `name` (which must say
 * everything its SQL depends on, such as how many placeholders an id list has): drizzle builds a
 * query's SQL again on every call otherwise, which was most of a rendered docket page's time.
 * The values are bound at each run through `sql.placeholder`s.
 */
export function preparedQuery<T>(db: Db, name: string, build: () => T): T {
  let queries = kept.get(db);
  if (!queries) kept.set(db, (queries = new Map()));
  let query = queries.get(name) as T | undefined;
  if (query === undefined) {
    query = build();
    queries.set(name, query);
    if (queries.size > KEPT_PER_DATABASE) queries.delete(queries.keys().next().value!);
  }
  return query;
}

/** `count` placeholders named `${prefix}0`, `${prefix}1`…, and the values to bind to them. */
export function placeholderNames(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, n) => `${prefix}${n}`);
}

/** The drizzle placeholders of `placeholderNames(prefix, count)`, for an `inArray` whose values `bindList(prefix, …)` binds. */
export function placeholderList(prefix: string, count: number) {
  return placeholderNames(prefix, count).map((name) => sql.placeholder(name));
}

/** Id lists are padded (repeating the last id, or with 0, which no row has) to one of these lengths, so few statements are prepared. */
export const ID_BUCKETS = [1, 8, 32, 128, 256, 500];

/** `ids` padded to the next of ID_BUCKETS (a longer list keeps its length): an `IN` list of it matches the same rows. */
export function paddedList(ids: readonly number[]): number[] {
  const size = ID_BUCKETS.find((b) => b >= ids.length) ?? ids.length;
  const out = ids.length ? [...ids] : [0];
  while (out.length < size) out.push(out.at(-1)!);
  return out;
}

export function bindList(prefix: string, values: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(values.map((value, n) => [`${prefix}${n}`, value]));
}
