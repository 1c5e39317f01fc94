/**
 * Serves docket pages under load and compares them with the machine's ceiling measured in
 * the same run: the same bytes, pre-encoded, sent by a bare Fastify route. Absolute numbers
 * drift from run to run; the ratio is the figure to watch (target: at least 0.5).
 *
 *   npm run bench:http            # wrk when installed (apt-get install wrk), else autocannon
 *   BENCH_SECONDS=10 BENCH_ROUNDS=5 npm run bench:http
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { openDatabase, type Db } from "../db/client";
import { seedDatabase } from "../seeds/load";
import { buildApp } from "../server/app";
import { testConfig } from "../server/config";
import { systemClock } from "../server/shared/clock";
import { createRecordStore } from "../server/records/store";
import { measureLoad, type LoadResult } from "./load";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const best = (results: LoadResult[]) => results.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

/** A case with 500 entries of realistic length, as a long-running docket would have. */
function addSyntheticCase(db: Db): string {
  const store = createRecordStore(db, systemClock);
  const actor = { userId: null, label: "bench" };
  const kase = store.insert(
    "case",
    { slug: "bench-500-entries", label: "Synthetic 500-entry docket", caption: "Doe v. Department of Homeland Security (synthetic)", courtId: "cand", docketNumber: "3:99-mc-80999-ZZZ", group: "out_of_scope", published: true },
    { actor },
  );
  db.transaction(() => {
    for (let i = 1; i <= 500; i++) {
      const day = new Date(Date.UTC(2025, 8, 1) + i * 86_400_000 / 3).toISOString().slice(0, 10);
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

function largestSeededCase(db: Db): string {
  const row = db.$client
    .prepare(
      `SELECT c.slug FROM cases c LEFT JOIN docket_entries e ON e.case_id = c.id AND e.deleted_at IS NULL
       WHERE c.deleted_at IS NULL AND c.slug <> 'bench-500-entries' GROUP BY c.id ORDER BY count(e.id) DESC, c.id LIMIT 1`,
    )
    .get() as { slug: string };
  return row.slug;
}

async function referenceServer(body: Buffer) {
  const ref = Fastify({ logger: false });
  ref.get("/", async (_req, reply) => reply.type("text/html; charset=utf-8").send(body));
  const url = await ref.listen({ port: 0, host: "127.0.0.1" });
  return { ref, url };
}

export async function runHttpBench() {
  const dir = mkdtempSync(join(tmpdir(), "quash-bench-"));
  const db = openDatabase(join(dir, "bench.db"));
  seedDatabase(db, { clock: systemClock });
  const syntheticSlug = addSyntheticCase(db);
  const seededSlug = largestSeededCase(db);
  const app = await buildApp({ config: testConfig({ dataDir: dir }), db, clock: systemClock });
  const base = await app.listen({ port: 0, host: "127.0.0.1" });

  const rows: { name: string; bytes: number; result: LoadResult; reference: LoadResult }[] = [];
  try {
    for (const [name, slug] of [["largest seeded docket", seededSlug], ["synthetic 500-entry docket", syntheticSlug]] as const) {
      const url = `${base}/cases/${slug}`;
      const page = await fetch(url);
      if (!page.ok) throw new Error(`${url} answered ${page.status}`);
      const body = Buffer.from(await page.arrayBuffer());
      const { ref, url: refUrl } = await referenceServer(body);
      try {
        // Alternate in several short rounds and keep each side's best round: other work on a
        // shared machine can only slow a round down, so the best rounds compare like with like.
        const references: LoadResult[] = [];
        const results: LoadResult[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          references.push(await measureLoad(refUrl, SECONDS, CONNECTIONS));
          results.push(await measureLoad(url, SECONDS, CONNECTIONS));
        }
        rows.push({ name, bytes: body.length, result: best(results), reference: best(references) });
      } finally {
        await ref.close();
      }
    }
  } finally {
    await app.close();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

function printRows(rows: Awaited<ReturnType<typeof runHttpBench>>) {
  const tool = rows[0]?.result.tool ?? "?";
  console.log(`\nDocket pages under load (${tool}, ${CONNECTIONS} connections, best of ${ROUNDS} alternating rounds of ${SECONDS} s, 127.0.0.1)`);
  console.log("page                          size      req/s   p99 ms | reference req/s  p99 ms | ratio");
  for (const r of rows) {
    const ratio = r.result.requestsPerSecond / r.reference.requestsPerSecond;
    console.log(
      `${r.name.padEnd(28)} ${`${(r.bytes / 1024).toFixed(0)} KB`.padStart(7)} ${r.result.requestsPerSecond.toFixed(0).padStart(9)} ${r.result.p99Ms.toFixed(1).padStart(8)} | ${r.reference.requestsPerSecond.toFixed(0).padStart(15)} ${r.reference.p99Ms.toFixed(1).padStart(7)} | ${ratio.toFixed(2)} ${ratio >= 0.5 ? "(target ≥ 0.50 met)" : "(below the 0.50 target)"}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printRows(await runHttpBench());
}

export { printRows as printHttpBench };
