/**
 * Quash at scale (issues 14 and 17): the generated record of bench/generate.ts (1,000 cases,
 * about a million entries, one case of 100,000) against the bundled record alone, in one run.
 *
 * Every figure is a ratio measured in the same run, requests alternating between the two sides:
 *   - docket pages (first, last, filtered by kind and by dates, in-docket search), the case's
 *     Atom feed and the case API of the 100,000-entry case against the same page of an
 *     ordinary generated case (900 entries);
 *   - the cases list, overview, timeline, orders, judges, a subpoena's page, the Atom feeds and
 *     every public API list on the large record against the bundled record;
 *   - the lists whose page the bundled record cannot fill (it has a dozen cases, where a page
 *     holds 100) again against a small generated record that fills them: 150 cases of 200
 *     entries, in memory. Against the bundled record such a row weighs 100 rendered items
 *     against 12; against this one, the same number of items in a record 6.7× and 33× smaller
 *     in cases and entries, which is what growing the record costs;
 *   - staff search (searchFilings, what the page runs) against the raw FTS5 top 50 of both
 *     indexes, the same MATCH, as p50;
 *   - the compiled server's start on the large database, to its first answer, and its
 *     resident memory after the pages above.
 * Requests go through app.inject on an app built as `quash serve` builds it (no network), with
 * the page cache emptied before every request, so each figure is the uncached render a new URL
 * (any `?page=`) costs. p99 over few samples is close to the maximum; the sample count is printed.
 *
 *   npm run bench:scale                   SCALE_DB=data/scale.db (built first if missing)
 *   SCALE_SAMPLES=30 npm run bench:scale
 *   SCALE_ONLY='^/ |/cases' npm run bench:scale      only the rows whose name matches (a regular expression);
 *                                                   the server start runs only if it matches "server start"
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { closeDatabase, openDatabase, type Db } from "../db/client";
import { seedDatabase } from "../seeds/load";
import { buildApp } from "../server/app";
import { testConfig } from "../server/config";
import { searchFilings } from "../server/search/loaders";
import { systemClock } from "../server/shared/clock";
import { rebuildPublicSearch } from "../server/records/public-search-index";
import { generatedSlug, generateRecord } from "./generate-record";
import { buildScaleDatabase, DEFAULT_SCALE_FILE } from "./generate";

const ROOT = resolve(import.meta.dirname, "..");
const FILE = process.env.SCALE_DB ?? DEFAULT_SCALE_FILE;
const SAMPLES = Number(process.env.SCALE_SAMPLES ?? 20);
/** A URL stops being sampled after this long, so a slow page cannot hold the run for minutes. */
const BUDGET_MS = Number(process.env.SCALE_BUDGET_MS ?? 20_000);
/** Rows to run, by name (SCALE_ONLY, a regular expression): a change is measured without the whole run. */
const ONLY = process.env.SCALE_ONLY ? new RegExp(process.env.SCALE_ONLY) : null;
/** The small generated record whose lists are full pages, as the large record's are. */
const FULL_PAGE_REFERENCE = { cases: 150, entries: 30_000, bigCase: 200 };
/** The lists a page of which the bundled record cannot fill (cases, orders, timeline: 100 or 200 items a page). */
const FULL_PAGE_LISTS = ["/", "/cases", "/timeline", "/orders", "/feed.atom", "/api/v1/cases", "/api/v1/orders", "/api/v1/timeline"];

type Stats = { p50: number; p99: number; n: number };
export type ScaleRow = { name: string; big: Stats; small: Stats; ratio: number; by: "p99" | "p50" };

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const stats = (samples: number[]): Stats => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), n: sorted.length };
};

async function timeRequest(app: FastifyInstance, url: string): Promise<number> {
  app.pageCache.clear();
  const started = performance.now();
  const res = await app.inject(url);
  const ms = performance.now() - started;
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return ms;
}

/** Samples two things alternately (a shared machine's load then weighs on both alike). */
async function compare(
  name: string,
  big: () => Promise<number> | number,
  small: () => Promise<number> | number,
  by: "p99" | "p50" = "p99",
): Promise<ScaleRow | null> {
  if (ONLY && !ONLY.test(name)) return null;
  const a: number[] = [];
  const b: number[] = [];
  await big();
  await small();
  const started = performance.now();
  for (let i = 0; i < SAMPLES && performance.now() - started < BUDGET_MS; i++) {
    a.push(await big());
    b.push(await small());
  }
  const row = { name, big: stats(a), small: stats(b), ratio: 0, by };
  row.ratio = row.big[by] / row.small[by];
  return row;
}

async function appOn(db: Db, file: string): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig({ databaseFile: file }), db, clock: systemClock });
  await app.ready();
  return app;
}

/** The raw FTS5 reference: the best 50 of each index by bm25 for the same MATCH, nothing joined. */
function rawFts(db: Db, match: string): number {
  const started = performance.now();
  db.$client
    .prepare(
      "SELECT rowid, bm25(docket_entries_fts) AS score FROM docket_entries_fts WHERE docket_entries_fts MATCH ? ORDER BY score LIMIT 50",
    )
    .all(match);
  db.$client
    .prepare("SELECT rowid, bm25(documents_fts) AS score FROM documents_fts WHERE documents_fts MATCH ? ORDER BY score LIMIT 50")
    .all(match);
  return performance.now() - started;
}

function timeSearch(db: Db, q: string): number {
  const started = performance.now();
  searchFilings(db, q, 50);
  return performance.now() - started;
}

/** Starts the compiled server on the file; milliseconds to its first answer, and its RSS after `urls`. */
async function serverOn(file: string, urls: string[]): Promise<{ startMs: number; rssMb: number }> {
  const started = performance.now();
  const env = { ...process.env, DATABASE_FILE: file, LOG_LEVEL: "silent", PORT: "0", HOST: "127.0.0.1", JOB_RUNNER: "off" };
  const child = spawn(process.execPath, ["bin/quash.js", "serve"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (output += c.toString("utf8")));
  const exited = new Promise<void>((done) => child.on("close", () => done()));
  try {
    const base = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no start line within 60 s:\n${output}`)), 60_000);
      child.once("close", (code) => fail(new Error(`server exited ${code}:\n${output}`)));
      child.stdout.on("data", () => {
        const address = /serving .* at (http:\/\/\S+)/.exec(output)?.[1];
        if (address) {
          clearTimeout(timer);
          done(address.replace("localhost", "127.0.0.1"));
        }
      });
    });
    const first = await fetch(`${base}/health`);
    await first.arrayBuffer();
    const startMs = performance.now() - started;
    for (const url of urls) await (await fetch(`${base}${url}`)).arrayBuffer();
    const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
    return { startMs, rssMb: Number(rss) / 1024 };
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

export async function runScaleBench() {
  if (!existsSync(FILE)) {
    console.log(`${FILE} is missing: generating it (bench/generate.ts)…`);
    buildScaleDatabase(FILE);
  }
  const bigDb = openDatabase(FILE);
  const smallDb = openDatabase(":memory:");
  seedDatabase(smallDb, { clock: systemClock });
  const fullDb = openDatabase(":memory:");
  seedDatabase(fullDb, { clock: systemClock });
  generateRecord(fullDb, { ...FULL_PAGE_REFERENCE, now: systemClock.now() });
  rebuildPublicSearch(fullDb, systemClock.now());
  const big = await appOn(bigDb, FILE);
  const small = await appOn(smallDb, ":memory:");
  const full = await appOn(fullDb, ":memory:");
  const rows: ScaleRow[] = [];
  /** A row SCALE_ONLY left out is null. */
  const keep = (row: ScaleRow | null): void => {
    if (row) rows.push(row);
  };
  const bigCase = generatedSlug(1);
  const smallCase = generatedSlug(2);
  const count = (slug: string) =>
    (
      bigDb.$client.prepare("SELECT count(*) AS n FROM docket_entries e JOIN cases c ON c.id = e.case_id WHERE c.slug = ?").get(slug) as {
        n: number;
      }
    ).n;
  const lastPage = (slug: string) => Math.ceil(count(slug) / 100);
  try {
    // One docket against another in the same database.
    const docket: [string, (slug: string) => string][] = [
      ["docket, first page", (slug) => `/cases/${slug}`],
      ["docket, last page", (slug) => `/cases/${slug}?page=${lastPage(slug)}`],
      ["docket, kind=order", (slug) => `/cases/${slug}?kind=order`],
      // A date range that fills a page of 100 on both: the big case has 50 entries a day, the
      // ordinary one 1, so a month compared 100 shown rows (of 1,550) with 31.
      [
        "docket, dates (a page of 100)",
        (slug) => (slug === bigCase ? `/cases/${slug}?from=2020-03-01&to=2020-03-31` : `/cases/${slug}?from=2020-03-01&to=2020-06-30`),
      ],
      ["docket, in-docket q=quash", (slug) => `/cases/${slug}?q=quash`],
      ["case Atom feed", (slug) => `/cases/${slug}/feed.atom`],
      ["API case record", (slug) => `/api/v1/cases/${slug}`],
      ["API entries, first page", (slug) => `/api/v1/cases/${slug}/entries`],
      ["API entries, kind=order", (slug) => `/api/v1/cases/${slug}/entries?kind=order`],
    ];
    for (const [name, url] of docket)
      keep(
        await compare(
          `${name} (100,000 vs ${count(smallCase)} entries)`,
          () => timeRequest(big, url(bigCase)),
          () => timeRequest(big, url(smallCase)),
        ),
      );
    // The same URL on the large record and on the bundled record alone.
    const lists = [
      "/",
      "/cases",
      "/timeline",
      "/orders",
      "/feed.atom",
      "/api/v1/cases",
      "/api/v1/subpoenas",
      "/api/v1/judges",
      "/api/v1/orders",
      "/api/v1/timeline",
      "/api/v1/sources",
      "/api/v1/doctrines",
      "/api/v1/authorities",
      "/api/v1/arguments",
      "/judges",
      "/subpoenas/dhs-meta-2025-09-03",
      "/subpoenas/dhs-meta-2025-09-03/feed.atom",
    ];
    for (const url of lists)
      keep(
        await compare(
          `${url} (large record vs bundled)`,
          () => timeRequest(big, url),
          () => timeRequest(small, url),
        ),
      );
    // The same URL on the large record and on a small record whose pages are as full.
    for (const url of FULL_PAGE_LISTS)
      keep(
        await compare(
          `${url} (large record vs ${FULL_PAGE_REFERENCE.cases} cases, full pages)`,
          () => timeRequest(big, url),
          () => timeRequest(full, url),
        ),
      );
    // Staff search against raw FTS5 on the same index.
    for (const q of ["quash", "subpoena AND privacy", `"generated entry 31337"`]) {
      keep(
        await compare(
          `staff search ${q} vs raw FTS5`,
          () => timeSearch(bigDb, q),
          () => rawFts(bigDb, q),
          "p50",
        ),
      );
    }
  } finally {
    await big.close();
    await small.close();
    await full.close();
    closeDatabase(bigDb);
    closeDatabase(smallDb);
    closeDatabase(fullDb);
  }
  const server =
    !ONLY || ONLY.test("server start")
      ? await serverOn(FILE, [`/cases/${bigCase}`, `/cases/${bigCase}?page=${1000}`, `/api/v1/cases/${bigCase}`, "/cases", "/"])
      : null;
  return { rows, server, file: FILE, bytes: statSync(FILE).size, loadAverage: loadavg() };
}

export function printScaleBench(result: Awaited<ReturnType<typeof runScaleBench>>) {
  const ms = (n: number) => n.toFixed(1).padStart(8);
  console.log(
    `\nScale: ${result.file} (${(result.bytes / 1e6).toFixed(0)} MB), page cache emptied before every request; load average ${result.loadAverage.map((l) => l.toFixed(1)).join(" ")}`,
  );
  console.log(
    `${"".padEnd(62)} ${"big p50".padStart(8)} ${"big p99".padStart(8)} ${"ref p50".padStart(8)} ${"ref p99".padStart(8)}   n  ratio`,
  );
  for (const r of result.rows) {
    console.log(
      `${r.name.padEnd(62)} ${ms(r.big.p50)} ${ms(r.big.p99)} ${ms(r.small.p50)} ${ms(r.small.p99)} ${String(r.big.n).padStart(3)}  ${r.ratio.toFixed(2)}× (${r.by})`,
    );
  }
  if (result.server)
    console.log(
      `server start on it (compiled, to its first answer): ${result.server.startMs.toFixed(0)} ms; resident memory after the big pages: ${result.server.rssMb.toFixed(0)} MB`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) printScaleBench(await runScaleBench());
