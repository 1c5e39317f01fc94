/**
 * The public search at scale (issue 10): a docket of 100,000 generated entries (bench/
 * generate-record.ts, through the real schema) indexed as the record store indexes them
 * (rebuildPublicSearch), then the search a /search page runs for its first page (ranking,
 * snippets, the capped count and the records' addresses: searchPublicRecord with 21 hits, the
 * page's 20 and one to know there is a next) against the raw FTS5 statement that gives the same
 * page on the same index, in the same run, samples alternating:
 *
 *   reference: SELECT rowid, snippet(…) FROM public_search_fts WHERE public_search_fts MATCH ?
 *              ORDER BY <the search's own score: bm25(10, 1, 0) × the kind's weight>, rowid LIMIT 21
 *
 * the same MATCH string (`{title body} : (…)`), the same ranking, the page's snippets, nothing
 * else (no count, no stored columns, no addresses). Also printed, against a barer reference
 * (rowid only, bm25 without the kinds' weights, no snippet: what this benchmark compared with
 * until 7 Dec 2026), for comparison. Prints p50 and p99 and the p50 ratios.
 *
 *   npm run bench:search                       (SEARCH_SAMPLES=30 by default)
 *   npx tsx bench/public-search.ts --stages    also: each stage of the search alone, and the
 *                                              /search page and /api/v1/search through app.inject
 *
 * Last run: docs/scaling.md ("The public search").
 */
import { loadavg } from "node:os";
import { closeDatabase, openDatabase } from "../db/client";
import { buildApp } from "../server/app";
import { testConfig } from "../server/config";
import { searchPublicRecord } from "../server/public-search/loaders";
import { toMatchQuery } from "../server/public-search/query";
import { createPublicSearchRepository, SCORE_SQL, SNIPPET_SQL } from "../server/public-search/repository";
import { RESULTS_PER_PAGE } from "../server/public-search/view-models";
import { rebuildPublicSearch } from "../server/records/public-search-index";
import { systemClock } from "../server/shared/clock";
import { generateRecord } from "./generate-record";

const QUERIES = ["quash", "motion subpoena", '"motion to quash"', "declar*", "order -stipulation"];
const SAMPLES = Number(process.env.SEARCH_SAMPLES ?? 30);
const PAGE = RESULTS_PER_PAGE + 1;

type Figures = { p50: number; p99: number };

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Samples each of `runs` in turn, SAMPLES rounds, so the machine's load falls on all alike. */
async function alternate(runs: (() => unknown)[]): Promise<Figures[]> {
  for (const run of runs) await run(); // warm each once
  const samples: number[][] = runs.map(() => []);
  for (let i = 0; i < SAMPLES; i++) {
    for (const [n, run] of runs.entries()) {
      const start = performance.now();
      await run();
      samples[n]!.push(performance.now() - start);
    }
  }
  return samples.map((list) => {
    list.sort((a, b) => a - b);
    return { p50: quantile(list, 0.5), p99: quantile(list, 0.99) };
  });
}

export async function runPublicSearchBench(options: { stages?: boolean } = {}) {
  const db = openDatabase(":memory:");
  try {
    const built = performance.now();
    const record = generateRecord(db, { cases: 2, entries: 100_001, bigCase: 100_000 });
    rebuildPublicSearch(db, new Date().toISOString());
    const setupSeconds = (performance.now() - built) / 1000;
    const reference = db.$client.prepare(
      `SELECT rowid, ${SNIPPET_SQL} AS snippet, ${SCORE_SQL} AS score FROM public_search_fts WHERE public_search_fts MATCH ? ORDER BY score, rowid LIMIT ?`,
    );
    const bare = db.$client.prepare(
      "SELECT rowid FROM public_search_fts WHERE public_search_fts MATCH ? ORDER BY bm25(public_search_fts, 10.0, 1.0, 0.0) LIMIT ?",
    );
    const repo = createPublicSearchRepository(db);
    const app = options.stages
      ? await buildApp({ config: testConfig({ databaseFile: ":memory:", pageCache: false }), db, clock: systemClock })
      : null;
    const rows = [];
    for (const query of QUERIES) {
      const fts = toMatchQuery(query)!;
      const match = `{title body} : (${fts})`;
      const found = searchPublicRecord(db, query, {}, PAGE)!;
      const [page, raw, barer] = await alternate([
        () => searchPublicRecord(db, query, {}, PAGE),
        () => reference.all(match, PAGE),
        () => bare.all(match, PAGE),
      ]);
      let stages: Record<string, Figures> | null = null;
      if (app) {
        const q = encodeURIComponent(query);
        const inject = (url: string) => async () => {
          const res = await app.inject(url);
          if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
        };
        const [parse, ranked, count, html, api] = await alternate([
          () => toMatchQuery(query),
          () => repo.ranked(fts, {}, PAGE),
          () => repo.count(fts, {}, 1001),
          inject(`/search?q=${q}`),
          inject(`/api/v1/search?q=${q}&page_size=20`),
        ]);
        stages = { parse: parse!, ranked: ranked!, count: count!, html: html!, api: api! };
      }
      rows.push({ query, total: found.capped ? `${found.total}+` : String(found.total), page: page!, raw: raw!, bare: barer!, stages });
    }
    await app?.close();
    return { setupSeconds, entries: record.entries, rows, loadAverage: loadavg() };
  } finally {
    closeDatabase(db);
  }
}

export function printPublicSearchBench(result: Awaited<ReturnType<typeof runPublicSearchBench>>) {
  const ms = (f: Figures, width = 7) => `${f.p50.toFixed(2).padStart(width)} / ${f.p99.toFixed(2).padStart(7)}`;
  console.log(
    `\nPublic search, first page (${PAGE} hits), on a docket of 100,000 entries (indexed in ${result.setupSeconds.toFixed(1)} s); ${SAMPLES} samples each, alternating; load average ${result.loadAverage.map((l) => l.toFixed(1)).join(" ")}:`,
  );
  console.log("query                    hits    search p50/p99 ms   raw page p50/p99 ms  ratio p50   bare p50/p99 ms   ratio p50");
  for (const row of result.rows) {
    console.log(
      `${row.query.padEnd(24)} ${row.total.padStart(6)}   ${ms(row.page)}   ${ms(row.raw, 8)}   ${(row.page.p50 / row.raw.p50).toFixed(2).padStart(6)}×   ${ms(row.bare)}   ${(row.page.p50 / row.bare.p50).toFixed(2)}×`,
    );
  }
  if (!result.rows[0]?.stages) return;
  console.log(
    "\nStages alone, p50 / p99 ms: parse, the ranked pass (ranking, columns, snippets), the capped count; whole /search page and /api/v1/search?page_size=20 through app.inject:",
  );
  for (const row of result.rows) {
    const s = row.stages!;
    console.log(
      `${row.query.padEnd(24)} parse ${ms(s.parse!, 5)}  ranked ${ms(s.ranked!)}  count ${ms(s.count!, 5)}  /search ${ms(s.html!)}  api ${ms(s.api!)}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  printPublicSearchBench(await runPublicSearchBench({ stages: process.argv.includes("--stages") }));
