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

export function bindList(prefix: string, values: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(values.map((value, n) => [`${prefix}${n}`, value]));
}
