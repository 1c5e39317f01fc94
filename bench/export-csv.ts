/**
 * What streaming costs a big docket's CSV (/cases/:slug/docket.csv): a docket of 100,000
 * entries against one of 100, each fetched over real HTTP from one server on a file database,
 * the answer read and thrown away as it arrives. Memory is the process's peak RSS above what it
 * held before the request (sampled every 5 ms while the answer streams; the worst pass counts),
 * time the wall clock of the whole answer (the best pass counts). The figures to read are the ratios: time
 * should grow with the rows (about 1,000×), memory should not. Without a heap limit V8 collects
 * lazily and the RSS figure shows garbage not yet collected as well as what is held; run with
 * NODE_OPTIONS=--max-old-space-size=160 to see what the stream needs when memory is short.
 *
 *   npm run bench:export     BENCH_EXPORT_ENTRIES=100000 BENCH_PASSES=3 npm run bench:export
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Db } from "../db/client";
import * as s from "../db/schema";
import { buildApp } from "../server/app";
import { testConfig } from "../server/config";
import { systemClock } from "../server/shared/clock";

const BIG = Number(process.env.BENCH_EXPORT_ENTRIES ?? 100_000);
const SMALL = 100;
const PASSES = Number(process.env.BENCH_PASSES ?? 3);

export type ExportBenchResult = {
  big: number;
  small: number;
  passes: number;
  seconds: { big: number; small: number };
  rssMb: { big: number; small: number };
  rssBeforeMb: number;
  bytes: { big: number; small: number };
  loadAverage: number[];
};

function insertDocket(db: Db, slug: string, entries: number) {
  const now = new Date().toISOString();
  const kase = db
    .insert(s.cases)
    .values({ slug, label: slug, caption: `${slug} v. DHS`, group: "meta", published: true, createdAt: now, updatedAt: now })
    .returning()
    .get();
  for (let i = 0; i < entries; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, entries - i) }, (_, k) => {
      const n = i + k + 1;
      return {
        caseId: kase.id,
        sequence: n,
        number: n,
        dateFiled: "2025-09-18",
        kind: "motion" as const,
        description: `MOTION number ${n} to quash, "with quotes", filed by J. Doe`,
        createdAt: now,
        updatedAt: now,
      };
    });
    db.insert(s.docketEntries).values(rows).run();
  }
}

async function fetchOnce(url: string): Promise<{ seconds: number; rssMb: number; bytes: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = process.hrtime.bigint();
  const res = await fetch(url);
  let bytes = 0;
  for await (const chunk of res.body!) bytes += (chunk as Uint8Array).length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, rssMb: (peak - before) / 2 ** 20, bytes };
}

export async function runExportBench(): Promise<ExportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "quash-bench-export-"));
  const db = openDatabase(join(dir, "quash.db"));
  insertDocket(db, "small", SMALL);
  insertDocket(db, "big", BIG);
  const app = await buildApp({ config: testConfig({ logLevel: "silent" }), db, clock: systemClock });
  try {
    const address = await app.listen({ port: 0, host: "127.0.0.1" });
    await fetchOnce(`${address}/cases/small/docket.csv`); // warm-up, untimed
    const runs = { big: [] as Awaited<ReturnType<typeof fetchOnce>>[], small: [] as Awaited<ReturnType<typeof fetchOnce>>[] };
    for (let pass = 0; pass < PASSES; pass++) {
      for (const which of pass % 2 === 0 ? (["small", "big"] as const) : (["big", "small"] as const))
        runs[which].push(await fetchOnce(`${address}/cases/${which}/docket.csv`));
    }
    const best = (v: number[]) => Math.min(...v);
    return {
      big: BIG,
      small: SMALL,
      passes: PASSES,
      seconds: { big: best(runs.big.map((r) => r.seconds)), small: best(runs.small.map((r) => r.seconds)) },
      // Memory: the worst pass, so a pass that happened to reuse freed pages does not hide a growth.
      rssMb: { big: Math.max(...runs.big.map((r) => r.rssMb)), small: Math.max(...runs.small.map((r) => r.rssMb)) },
      rssBeforeMb: process.memoryUsage().rss / 2 ** 20,
      bytes: { big: runs.big[0]!.bytes, small: runs.small[0]!.bytes },
      loadAverage: loadavg(),
    };
  } finally {
    await app.close();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printExportBench(r: ExportBenchResult): void {
  console.log(`\nDocket CSV export, streamed over HTTP: ${r.big.toLocaleString("en-US")} entries against ${r.small}, ${r.passes} passes`);
  for (const which of ["small", "big"] as const) {
    console.log(
      `  ${String(r[which]).padStart(7)} entries  ${(r.bytes[which] / 2 ** 20).toFixed(2).padStart(7)} MB of CSV  ${r.seconds[which].toFixed(3).padStart(7)} s  peak RSS +${r.rssMb[which].toFixed(1)} MB`,
    );
  }
  console.log(`  (the process held ${r.rssBeforeMb.toFixed(0)} MB of RSS at the end, server and client in one process)`);
  console.log(
    `  big / small: time ${(r.seconds.big / r.seconds.small).toFixed(0)}×, peak RSS growth ${(r.rssMb.big / Math.max(r.rssMb.small, 0.1)).toFixed(1)}× (for ${(r.big / r.small).toFixed(0)}× the rows)`,
  );
  console.log(`  load average ${r.loadAverage.map((n) => n.toFixed(2)).join(" ")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printExportBench(await runExportBench());
