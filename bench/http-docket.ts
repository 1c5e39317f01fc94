/**
 * What a reader waits for, under load, in one run (issue 18.1): for each page, the answer from
 * the page cache (stored bytes), the same page rendered on every request (a second app on the
 * same database with `PAGE_CACHE=off`, the documented switch: loading, projecting and rendering
 * each time, as on a first view, after a write, and on every distinct `?page`/`?q` URL), and the
 * machine's ceiling: a bare Fastify route sending the same bytes. Absolute numbers drift from run
 * to run; the ratios are the figures to watch: cached/reference (target ≥ 0.5) and
 * rendered/cached (target ≥ 0.2 for the small docket).
 *
 *   npm run bench:http            # wrk when installed (apt-get install wrk), else autocannon
 *   BENCH_SECONDS=10 BENCH_ROUNDS=5 npm run bench:http
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { openDatabase, type Db } from "../db/client";
import { seedDatabase } from "../seeds/load";
import { buildApp } from "../server/app";
import { testConfig } from "../server/config";
import { systemClock } from "../server/shared/clock";
import { createRecordStore } from "../server/records/store";
import { measureLoad, type LoadResult } from "./load";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const best = (results: LoadResult[]) => results.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));

/** A case with 500 entries of realistic length, as a long-running docket would have. */
function addSyntheticCase(db: Db): string {
  const store = createRecordStore(db, systemClock);
  const actor = { userId: null, label: "bench" };
  const kase = store.insert(
    "case",
    {
      slug: "bench-500-entries",
      label: "Synthetic 500-entry docket",
      caption: "Doe v. Department of Homeland Security (synthetic)",
      courtId: "cand",
      docketNumber: "3:99-mc-80999-ZZZ",
      group: "out_of_scope",
      published: true,
    },
    { actor },
  );
  db.transaction(() => {
    for (let i = 1; i <= 500; i++) {
      const day = new Date(Date.UTC(2025, 8, 1) + (i * 86_400_000) / 3).toISOString().slice(0, 10);
      store.insert(
        "entry",
        {
          caseId: kase.id,
          number: i,
          sequence: i,
          dateFiled: day,
          dateEntered: day,
          kind: i % 5 === 0 ? "order" : "motion",
          description: `${i % 5 === 0 ? "ORDER" : "MOTION"} No. ${i} re administrative subpoena to Meta Platforms, Inc. filed by J. Doe. (Attachments: # 1 Declaration of J. Doe in support, # 2 Exhibit A, # 3 Proposed Order) (Related document(s) ${i - 1}) Signed by Magistrate Judge on ${day}.`,
        },
        { actor },
      );
    }
  });
  return kase.slug;
}

/** The bundled record's smallest public docket with at least three entries (the issue's "3-entry docket page"). */
function smallSeededCase(db: Db): string {
  const row = db.$client
    .prepare(
      `SELECT c.slug FROM cases c JOIN docket_entries e ON e.case_id = c.id AND e.deleted_at IS NULL
       WHERE c.deleted_at IS NULL AND c.published = 1 AND c.slug <> 'bench-500-entries'
       GROUP BY c.id HAVING count(e.id) >= 3 ORDER BY count(e.id), c.id LIMIT 1`,
    )
    .get() as { slug: string };
  return row.slug;
}

/** The bundled record's subpoena challenged by the most cases. */
function busiestSubpoena(db: Db): string {
  const row = db.$client
    .prepare(
      `SELECT s.slug FROM subpoenas s LEFT JOIN case_subpoenas cs ON cs.subpoena_id = s.id
       WHERE s.deleted_at IS NULL GROUP BY s.id ORDER BY count(cs.case_id) DESC, s.id LIMIT 1`,
    )
    .get() as { slug: string };
  return row.slug;
}

async function referenceServer(body: Buffer, contentType: string) {
  const ref = Fastify({ logger: false });
  ref.get("/", async (_req, reply) => reply.type(contentType).send(body));
  const url = await ref.listen({ port: 0, host: "127.0.0.1" });
  return { ref, url };
}

async function listen(app: FastifyInstance) {
  return app.listen({ port: 0, host: "127.0.0.1" });
}

export type HttpBenchRow = { name: string; path: string; bytes: number; cached: LoadResult; rendered: LoadResult; reference: LoadResult };

export async function runHttpBench(): Promise<HttpBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "quash-bench-"));
  const db = openDatabase(join(dir, "bench.db"));
  seedDatabase(db, { clock: systemClock });
  const syntheticSlug = addSyntheticCase(db);
  const small = smallSeededCase(db);
  const pages = [
    ["small docket", `/cases/${small}`],
    ["500-entry docket", `/cases/${syntheticSlug}`],
    ["overview", "/"],
    ["subpoena page", `/subpoenas/${busiestSubpoena(db)}`],
    ["case API", `/api/v1/cases/${small}`],
  ] as const;
  // The public API's quota would refuse a benchmark's load; everything else is as served.
  const config = testConfig({ dataDir: dir, apiRequestsPerMinute: 1_000_000_000 });
  const cachedApp = await buildApp({ config, db, clock: systemClock });
  const renderingApp = await buildApp({ config: { ...config, pageCache: false }, db, clock: systemClock });
  const cachedBase = await listen(cachedApp);
  const renderedBase = await listen(renderingApp);

  const rows: HttpBenchRow[] = [];
  try {
    for (const [name, path] of pages) {
      const page = await fetch(`${cachedBase}${path}`);
      if (!page.ok) throw new Error(`${path} answered ${page.status}`);
      const body = Buffer.from(await page.arrayBuffer());
      const rendered = Buffer.from(await (await fetch(`${renderedBase}${path}`)).arrayBuffer());
      if (!rendered.equals(body)) throw new Error(`${path}: the rendered page differs from the cached one`);
      const { ref, url: refUrl } = await referenceServer(body, page.headers.get("content-type") ?? "text/html; charset=utf-8");
      try {
        // Alternate in several short rounds and keep each side's best round: other work on a
        // shared machine can only slow a round down, so the best rounds compare like with like.
        const runs: Record<"reference" | "cached" | "rendered", LoadResult[]> = { reference: [], cached: [], rendered: [] };
        for (let round = 0; round < ROUNDS; round++) {
          runs.reference.push(await measureLoad(refUrl, SECONDS, CONNECTIONS));
          runs.cached.push(await measureLoad(`${cachedBase}${path}`, SECONDS, CONNECTIONS));
          runs.rendered.push(await measureLoad(`${renderedBase}${path}`, SECONDS, CONNECTIONS));
        }
        rows.push({
          name,
          path,
          bytes: body.length,
          cached: best(runs.cached),
          rendered: best(runs.rendered),
          reference: best(runs.reference),
        });
      } finally {
        await ref.close();
      }
    }
  } finally {
    await cachedApp.close();
    await renderingApp.close();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function printRows(rows: HttpBenchRow[]) {
  const tool = rows[0]?.cached.tool ?? "?";
  const cell = (r: LoadResult) => `${r.requestsPerSecond.toFixed(0).padStart(8)} ${r.p99Ms.toFixed(1).padStart(7)}`;
  console.log(`\nPages under load (${tool}, ${CONNECTIONS} connections, best of ${ROUNDS} alternating rounds of ${SECONDS} s, 127.0.0.1)`);
  console.log(
    "page                 size |   cached  p99 ms | rendered  p99 ms | referenc  p99 ms | cached/ref rendered/ref rendered/cached",
  );
  for (const r of rows) {
    const cachedRatio = r.cached.requestsPerSecond / r.reference.requestsPerSecond;
    const renderedRatio = r.rendered.requestsPerSecond / r.reference.requestsPerSecond;
    const renderShare = r.rendered.requestsPerSecond / r.cached.requestsPerSecond;
    console.log(
      `${r.name.padEnd(17)} ${`${(r.bytes / 1024).toFixed(0)} KB`.padStart(7)} | ${cell(r.cached)} | ${cell(r.rendered)} | ${cell(r.reference)} | ${cachedRatio.toFixed(2).padStart(10)} ${renderedRatio.toFixed(3).padStart(12)} ${renderShare.toFixed(3).padStart(15)}`,
    );
  }
  console.log("targets: cached/ref ≥ 0.50; rendered/cached ≥ 0.20 for the small docket (issue 18.2)");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printRows(await runHttpBench());
}

export { printRows as printHttpBench };
