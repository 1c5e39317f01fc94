/**
 * The public search at scale (issue 10): a docket of 100,000 generated entries (bench/
 * generate-record.ts, through the real schema) indexed as the record store indexes them
 * (rebuildPublicSearch), then the search a /search page runs for its first page — ranking,
 * the capped count, snippets and the records' addresses — against the raw FTS5 query that
 * ranks the same index (MATCH, bm25, LIMIT), in the same run. Prints p50 and p99 and their ratio.
 *
 *   npm run bench:search
 *
 * Last run (docs/scaling.md, 7 Dec 2026, load average 5): ratio p50 1.13–1.35× but 3× for a prefix query.
 */
import { closeDatabase, openDatabase } from "../db/client";
import { searchPublicRecord } from "../server/public-search/loaders";
import { RESULTS_PER_PAGE } from "../server/public-search/view-models";
import { toMatchQuery } from "../server/public-search/query";
import { rebuildPublicSearch } from "../server/records/public-search-index";
import { generateRecord } from "./generate-record";

const QUERIES = ["quash", "motion subpoena", '"motion to quash"', "declar*", "order -stipulation"];
const SAMPLES = Number(process.env.SEARCH_SAMPLES ?? 30);

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function time(run: () => unknown) {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) };
}

export async function runPublicSearchBench() {
  const db = openDatabase(":memory:");
  try {
    const built = performance.now();
    generateRecord(db, { cases: 2, entries: 100_001, bigCase: 100_000 });
    rebuildPublicSearch(db, new Date().toISOString());
    const setupSeconds = (performance.now() - built) / 1000;
    const raw = db.$client.prepare(
      "SELECT rowid FROM public_search_fts WHERE public_search_fts MATCH ? ORDER BY bm25(public_search_fts, 10.0, 1.0, 0.0) LIMIT ?",
    );
    const rows = QUERIES.map((query) => {
      const match = `{title body} : (${toMatchQuery(query)!})`;
      const found = searchPublicRecord(db, query, {}, RESULTS_PER_PAGE + 1)!;
      // Warm both paths once, then alternate so the machine's load falls on both alike.
      raw.all(match, RESULTS_PER_PAGE + 1);
      const reference = time(() => raw.all(match, RESULTS_PER_PAGE + 1));
      const page = time(() => searchPublicRecord(db, query, {}, RESULTS_PER_PAGE + 1));
      return { query, total: found.capped ? `${found.total}+` : String(found.total), page, reference };
    });
    return { setupSeconds, rows };
  } finally {
    closeDatabase(db);
  }
}

export function printPublicSearchBench(result: Awaited<ReturnType<typeof runPublicSearchBench>>) {
  console.log(`\nPublic search on a docket of 100,000 entries (indexed in ${result.setupSeconds.toFixed(1)} s), ${SAMPLES} samples each:`);
  console.log("query                    hits    search p50/p99 ms   raw FTS5 p50/p99 ms   ratio p50");
  for (const row of result.rows) {
    console.log(
      `${row.query.padEnd(24)} ${row.total.padStart(6)}   ${row.page.p50.toFixed(2).padStart(7)} / ${row.page.p99.toFixed(2).padStart(7)}   ${row.reference.p50.toFixed(2).padStart(8)} / ${row.reference.p99.toFixed(2).padStart(7)}   ${(row.page.p50 / row.reference.p50).toFixed(2)}×`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printPublicSearchBench(await runPublicSearchBench());
