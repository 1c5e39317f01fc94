import type { Db } from "../../db/client";

/** One statement run on the connection, with the values bound to it. */
export type RecordedQuery = { sql: string; params: unknown[] };

const RUNNERS = ["all", "get", "run", "iterate"] as const;

/**
 * Runs `work` and records every statement it runs on `db`'s connection (drizzle's and the
 * raw prepared ones), with their bound values, so a test can read what a request asked SQLite
 * to do — its query plans, how many statements, how many values bound — instead of timing it.
 */
export async function recordQueries<T>(db: Db, work: () => T | Promise<T>): Promise<{ result: T; queries: RecordedQuery[] }> {
  const client = db.$client;
  const queries: RecordedQuery[] = [];
  // Recorded on the statements' shared prototype, for the time of `work`, because statements
  // are kept: by the connection, by SQL text (db/client.ts), and by the prepared queries of the
  // repositories (server/records/prepared.ts), so most runs reuse a statement prepared earlier.
  const prototype = Object.getPrototypeOf(client.prepare("SELECT 1")) as Record<string, unknown>;
  const originals = RUNNERS.map((name) => [name, prototype[name] as (...args: unknown[]) => unknown] as const);
  for (const [name, original] of originals) {
    prototype[name] = function (this: { database: unknown; source: string }, ...params: unknown[]) {
      if (this.database === client) queries.push({ sql: this.source, params: params.flat() });
      return original.apply(this, params);
    };
  }
  try {
    return { result: await work(), queries };
  } finally {
    for (const [name, original] of originals) prototype[name] = original;
  }
}

/** SQLite's plan for a statement, one line per step ("SEARCH docket_entries USING COVERING INDEX …"). */
export function planOf(db: Db, query: RecordedQuery): string[] {
  const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...(query.params as never[])) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/**
 * The steps of the recorded statements' plans that read a whole table or a whole index of one
 * of `tables` ("SCAN docket_entries", "SCAN docket_entries USING COVERING INDEX …"): at a
 * million rows each is a request that takes seconds. Searches (an index range, a rowid) are fine.
 */
export function fullScans(db: Db, queries: RecordedQuery[], tables: string[]): { sql: string; step: string }[] {
  const scan = new RegExp(`^SCAN (${tables.join("|")})\\b`);
  const seen = new Set<string>();
  const out: { sql: string; step: string }[] = [];
  for (const query of queries) {
    if (!/^\s*(select|with)/i.test(query.sql) || seen.has(query.sql)) continue;
    seen.add(query.sql);
    for (const step of planOf(db, query)) if (scan.test(step)) out.push({ sql: query.sql.slice(0, 300), step });
  }
  return out;
}

/** The most values any one recorded statement bound: an id list the data decides shows up here. */
export function mostBound(queries: RecordedQuery[]): number {
  return Math.max(0, ...queries.map((q) => q.params.length));
}
