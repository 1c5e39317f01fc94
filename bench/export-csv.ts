/**
 * Whether the exports stream in constant memory: the docket CSV (/cases/:slug/docket.csv), the
 * whole record as JSON (/api/v1/export.json) and the timeline CSV (/timeline.csv), each from a
 * record of 100,000 docket entries and 100,000 events against one of 100 of each.
 *
 * Each export is fetched over real HTTP from `quash serve` (bin/quash.js, the compiled server)
 * running in a child process with `--max-old-space-size=64`, so an export that holds its rows
 * runs out of memory instead of passing. A fresh server per export and record: one untimed pass
 * first (the code compiled, SQLite's cache filled), then each pass resets the process's peak RSS
 * (/proc/PID/clear_refs), reads its RSS before the request and its peak (VmHWM) after the last
 * byte. Memory is that growth (the worst pass counts), time the wall clock of the whole answer
 * (the best pass counts). The ratios are what to read: time should grow with the rows (about
 * 1,000×), memory should not (about 1×). Linux only (/proc).
 *
 *   npm run bench:export     BENCH_EXPORT_ENTRIES=100000 BENCH_PASSES=3 BENCH_HEAP_MB=64 npm run bench:export
 *
 * Measured 7 Dec 2026 (BENCH_PASSES=2, load average 9.7, 2 cores shared with a full test run): all
 * three 100,000-row exports complete at 64 MB, peak RSS growth +3.6 MB (docket CSV, 40.9 s),
 * +4.7 MB (JSON, 95.4 s), +5.3 MB (timeline CSV, 35.4 s) against +0.5 / +0.8 / +2.0 MB for 100
 * rows; before, all three ran out of memory. docs/scaling.md ("Exports") has the table.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { closeDatabase, openDatabase, type Db } from "../db/client";
import * as s from "../db/schema";
import { rebuildPublicSearch } from "../server/records/public-search-index";

const ROOT = resolve(import.meta.dirname, "..");
const BIG = Number(process.env.BENCH_EXPORT_ENTRIES ?? 100_000);
const SMALL = 100;
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
const HEAP_MB = Number(process.env.BENCH_HEAP_MB ?? 64);

const EXPORTS = [
  { name: "docket CSV", url: "/cases/record/docket.csv" },
  { name: "export JSON", url: "/api/v1/export.json" },
  { name: "timeline CSV", url: "/timeline.csv" },
] as const;

type Pass = { seconds: number; rssMb: number; bytes: number };
type Side = { seconds: number; rssMb: number; bytes: number; baseMb: number } | { failed: string };
export type ExportBenchResult = {
  big: number;
  small: number;
  passes: number;
  heapMb: number;
  rows: { name: string; url: string; small: Side; big: Side }[];
  loadAverage: number[];
};

/** A record of `n` docket entries in one public case and `n` events on the timeline (a tenth of them dated to the month only). */
export function buildRecord(db: Db, n: number) {
  const now = new Date().toISOString();
  const kase = db
    .insert(s.cases)
    .values({ slug: "record", label: "record", caption: "Record v. DHS", group: "meta", published: true, createdAt: now, updatedAt: now })
    .returning()
    .get();
  const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 50) * 86_400_000).toISOString().slice(0, 10);
  db.transaction(() => {
    for (let i = 0; i < n; i += 1000) {
      const k = Array.from({ length: Math.min(1000, n - i) }, (_, j) => i + j + 1);
      db.insert(s.docketEntries)
        .values(
          k.map((m) => ({
            caseId: kase.id,
            sequence: m,
            number: m,
            dateFiled: day(m),
            kind: "motion" as const,
            description: `MOTION number ${m} to quash, "with quotes", filed by J. Doe`,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .run();
      db.insert(s.events)
        .values(
          k.map((m) => ({
            slug: `event-${m}`,
            kind: "filing" as const,
            title: `Filing number ${m}`,
            description: `A filing, "with quotes", number ${m}`,
            date: m % 10 === 0 ? `${day(m).slice(0, 7)}-01` : day(m),
            datePrecision: m % 10 === 0 ? ("month" as const) : ("day" as const),
            caseId: kase.id,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .run();
    }
  });
  rebuildPublicSearch(db, now);
}

function status(pid: number, field: "VmRSS" | "VmHWM"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  if (!line) throw new Error(`no ${field} for process ${pid}`);
  return Number(line.split(/\s+/)[1]) / 1024;
}

type Server = { url: string; child: ChildProcess; exited: Promise<string>; stop: () => Promise<void> };

/** `quash serve` on the file, in a child process with a capped heap; resolves with the address it bound. */
function serve(file: string, dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "bin/quash.js", "serve"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_FILE: file, DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", JOB_RUNNER: "off", LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-4000)));
  const exited = new Promise<string>((done) =>
    child.on("exit", (code, signal) =>
      done(`exited ${signal ?? code}: ${/heap out of memory/.test(stderr) ? "ran out of memory" : stderr.trim()}`),
    ),
  );
  return new Promise((done, fail) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const url = /at (http:\/\/\S+)/.exec(out)?.[1];
      if (url)
        done({
          url,
          child,
          exited,
          stop: async () => {
            child.kill("SIGTERM");
            await exited;
          },
        });
    });
    void exited.then((why) => fail(new Error(`the server ${why}`)));
  });
}

async function fetchOnce(server: Server, url: string): Promise<Pass> {
  const pid = server.child.pid!;
  writeFileSync(`/proc/${pid}/clear_refs`, "5"); // resets VmHWM to the current RSS
  const before = status(pid, "VmRSS");
  const start = process.hrtime.bigint();
  const res = await fetch(`${server.url}${url}`);
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  let bytes = 0;
  for await (const chunk of res.body!) bytes += (chunk as Uint8Array).length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, rssMb: status(pid, "VmHWM") - before, bytes };
}

async function measure(file: string, dataDir: string, url: string): Promise<Side> {
  const server = await serve(file, dataDir);
  try {
    const run = async () => {
      await fetchOnce(server, url); // untimed
      const passes: Pass[] = [];
      for (let i = 0; i < PASSES; i++) passes.push(await fetchOnce(server, url));
      return {
        seconds: Math.min(...passes.map((p) => p.seconds)),
        rssMb: Math.max(...passes.map((p) => p.rssMb)),
        bytes: passes[0]!.bytes,
        baseMb: status(server.child.pid!, "VmRSS"),
      };
    };
    // A server that dies mid-answer (out of memory) ends the fetch with a network error: say why it died.
    return await run().catch(async (error: unknown) => ({
      failed: await Promise.race([server.exited, new Promise<string>((d) => setTimeout(() => d(String(error)), 2000))]),
    }));
  } finally {
    if (server.child.exitCode === null) await server.stop();
  }
}

export async function runExportBench(): Promise<ExportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "quash-bench-export-"));
  try {
    const files = { small: join(dir, "small.db"), big: join(dir, "big.db") };
    for (const [which, n] of [
      ["small", SMALL],
      ["big", BIG],
    ] as const) {
      const db = openDatabase(files[which]);
      buildRecord(db, n);
      closeDatabase(db);
    }
    const rows: ExportBenchResult["rows"] = [];
    for (const e of EXPORTS) {
      rows.push({ ...e, small: await measure(files.small, dir, e.url), big: await measure(files.big, dir, e.url) });
    }
    return { big: BIG, small: SMALL, passes: PASSES, heapMb: HEAP_MB, rows, loadAverage: loadavg() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printExportBench(r: ExportBenchResult): void {
  console.log(
    `\nExports streamed over HTTP from quash serve with --max-old-space-size=${r.heapMb}: ${r.big.toLocaleString("en-US")} entries and events against ${r.small}, ${r.passes} passes`,
  );
  const side = (x: Side) =>
    "failed" in x
      ? `FAILED (${x.failed.slice(0, 200)})`
      : `${(x.bytes / 2 ** 20).toFixed(2).padStart(7)} MB  ${x.seconds.toFixed(3).padStart(7)} s  peak RSS +${x.rssMb.toFixed(1)} MB (of ${x.baseMb.toFixed(0)} MB)`;
  for (const row of r.rows) {
    console.log(`  ${row.name} (${row.url})`);
    console.log(`    ${String(r.small).padStart(7)}: ${side(row.small)}`);
    console.log(`    ${String(r.big).padStart(7)}: ${side(row.big)}`);
    if (!("failed" in row.small) && !("failed" in row.big))
      console.log(
        `    big / small: time ${(row.big.seconds / row.small.seconds).toFixed(0)}×, peak RSS growth ${(row.big.rssMb / Math.max(row.small.rssMb, 0.1)).toFixed(1)}× (${(row.big.rssMb - row.small.rssMb).toFixed(1)} MB more, for ${(r.big / r.small).toFixed(0)}× the rows)`,
      );
  }
  console.log(`  load average ${r.loadAverage.map((n) => n.toFixed(2)).join(" ")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printExportBench(await runExportBench());
