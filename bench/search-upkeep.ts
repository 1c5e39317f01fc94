/**
 * What merging the FTS5 indexes buys, and what it costs (issue 14): on a copy of a large
 * database (bench/generate.ts), each index's segments (read from its structure record), the CPU
 * time of the staff search and the public search for a few words and of the raw FTS5 queries
 * they are compared with, before and after the indexes are merged; how long one bounded merge
 * step takes for a few sizes; and how long merging everything takes, either as `optimize` (one
 * write transaction per index) or in bounded steps. With `--readers`, a second process reads the
 * file while `optimize` runs, to show whether readers wait (WAL: they should not, and they keep
 * seeing the index as it was until the merge commits).
 *
 *   cp data/scale.db /tmp/upkeep.db && npm run bench:upkeep -- /tmp/upkeep.db --mode optimize --readers
 *   cp data/scale.db /tmp/upkeep.db && npx tsx bench/search-upkeep.ts /tmp/upkeep.db --mode steps --step-pages 2000
 *
 * The file is written to: give it a copy. Last run: docs/scaling.md ("Keeping the search indexes merged").
 */
import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { closeDatabase, openDatabase, type Db } from "../db/client";
import { searchPublicRecord } from "../server/public-search/loaders";
import { toMatchQuery } from "../server/public-search/query";
import { SCORE_SQL } from "../server/public-search/repository";
import { searchFilings } from "../server/search/loaders";
import { FTS_INDEXES, indexStructure, mergeStep, optimizeIndex, type FtsIndex } from "../server/search/upkeep";

const QUERIES = ["quash", "subpoena AND privacy", "declar*", '"generated entry 31337"'];
const SAMPLES = Number(process.env.UPKEEP_SAMPLES ?? 11);

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

/** Median CPU and wall milliseconds of `run` over SAMPLES calls, after one to warm it. */
function measure(run: () => unknown): { cpu: number; wall: number } {
  run();
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    const usage = process.cpuUsage();
    run();
    cpu.push(cpuMs(usage));
    wall.push(performance.now() - started);
  }
  return { cpu: median(cpu), wall: median(wall) };
}

function rawStaff(db: Db, match: string) {
  for (const index of ["docket_entries_fts", "documents_fts"])
    db.$client.prepare(`SELECT rowid, bm25(${index}) AS score FROM ${index} WHERE ${index} MATCH ? ORDER BY score LIMIT 50`).all(match);
}

function rawPublic(db: Db, match: string) {
  db.$client
    .prepare(`SELECT rowid, ${SCORE_SQL} AS score FROM public_search_fts WHERE public_search_fts MATCH ? ORDER BY score, rowid LIMIT 21`)
    .all(match);
}

function structures(db: Db) {
  return FTS_INDEXES.map((index) => {
    const s = indexStructure(db, index);
    return `${index}: ${s.segments} segments (${s.levels.map((l) => l.segments).join("+")} by level), ${s.pages} leaf pages`;
  });
}

function searches(db: Db, label: string) {
  console.log(`\n${label}: segments`);
  for (const line of structures(db)) console.log(`  ${line}`);
  console.log(
    `${label}: median of ${SAMPLES}, CPU ms / wall ms; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  console.log("  query                      staff search     raw FTS5 (both, top 50)   public search    raw FTS5 (public, top 21)");
  const f = (m: { cpu: number; wall: number }) => `${m.cpu.toFixed(1).padStart(7)} / ${m.wall.toFixed(1).padStart(7)}`;
  for (const q of QUERIES) {
    const publicMatch = `{title body} : (${toMatchQuery(q)})`;
    const staff = measure(() => searchFilings(db, q, 50));
    const raw = measure(() => rawStaff(db, q));
    const pub = measure(() => searchPublicRecord(db, q, {}, 21));
    const rawPub = measure(() => rawPublic(db, publicMatch));
    console.log(`  ${q.padEnd(26)} ${f(staff)}   ${f(raw)}         ${f(pub)}   ${f(rawPub)}`);
  }
}

/** A second process that reads the file in a loop until killed, one JSON line a read. */
function startReader(file: string) {
  const script = `
    const Database = require("better-sqlite3");
    const db = new Database(${JSON.stringify(file)}, { readonly: true });
    db.pragma("busy_timeout = 5000");
    const read = db.prepare("SELECT block FROM docket_entries_fts_data WHERE id = 10");
    const q = db.prepare("SELECT count(*) AS n FROM (SELECT rowid FROM docket_entries_fts WHERE docket_entries_fts MATCH 'quash' ORDER BY bm25(docket_entries_fts) LIMIT 50)");
    for (;;) {
      const started = Date.now();
      const t = process.hrtime.bigint();
      const block = read.get().block;
      q.get();
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      process.stdout.write(JSON.stringify({ at: started, ms, structure: block.toString("hex").slice(0, 64) }) + "\\n");
    }`;
  const child = spawn(process.execPath, ["-e", script], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  const reads: { at: number; ms: number; structure: string }[] = [];
  let buffered = "";
  child.stdout.on("data", (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) reads.push(JSON.parse(line));
  });
  return { child, reads };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function optimizeAll(db: Db, file: string, withReaders: boolean) {
  const reader = withReaders ? startReader(file) : null;
  if (reader) while (reader.reads.length < 5) await pause(50);
  console.log("\noptimize, one write transaction per index:");
  const spans: { index: FtsIndex; from: number; to: number }[] = [];
  for (const index of FTS_INDEXES) {
    await pause(500); // let the reader read between the merges
    const from = Date.now();
    const started = performance.now();
    const usage = process.cpuUsage();
    optimizeIndex(db, index);
    const cpu = cpuMs(usage);
    const wall = performance.now() - started;
    spans.push({ index, from, to: Date.now() });
    console.log(`  ${index}: ${(wall / 1000).toFixed(1)} s wall, ${(cpu / 1000).toFixed(1)} s CPU`);
  }
  if (!reader) return;
  await pause(1000);
  reader.child.kill();
  const first = spans[0]!;
  const during = reader.reads.filter((r) => r.at >= first.from && r.at + r.ms <= first.to);
  const before = reader.reads.filter((r) => r.at + r.ms < first.from);
  const after = reader.reads.filter((r) => r.at > spans.at(-1)!.to);
  const structuresSeen = (list: typeof during) => new Set(list.map((r) => r.structure)).size;
  console.log(
    `  a reader in another process, during docket_entries_fts's optimize (${((first.to - first.from) / 1000).toFixed(1)} s): ` +
      `${during.length} reads, slowest ${Math.max(0, ...during.map((r) => r.ms)).toFixed(1)} ms, median ${during.length ? median(during.map((r) => r.ms)).toFixed(1) : "-"} ms; ` +
      `before it: median ${median(before.map((r) => r.ms)).toFixed(1)} ms; after all: median ${after.length ? median(after.map((r) => r.ms)).toFixed(1) : "-"} ms`,
  );
  const same = during.every((r) => r.structure === before.at(-1)!.structure);
  console.log(
    `  structure record the reader saw during it: ${same ? "the one from before the merge, every time" : `${structuresSeen(during)} different ones`}; after: ${after.length && after.at(-1)!.structure !== before.at(-1)!.structure ? "the merged one" : "unchanged"}`,
  );
}

function stepSizes(db: Db, sizes: number[]) {
  console.log("\none merge step of N pages (merge, -N), each its own write transaction; wall ms per index:");
  for (const pages of sizes) {
    const cells = FTS_INDEXES.map((index) => {
      const started = performance.now();
      const worked = mergeStep(db, index, pages);
      return `${index} ${(performance.now() - started).toFixed(0)} ms${worked ? "" : " (nothing to merge)"}`;
    });
    console.log(`  N = ${String(pages).padStart(5)}: ${cells.join(", ")}`);
  }
}

function mergeInSteps(db: Db, pages: number) {
  console.log(`\nmerge in steps of ${pages} pages until each index is one segment:`);
  for (const index of FTS_INDEXES) {
    const times: number[] = [];
    const usage = process.cpuUsage();
    for (;;) {
      const started = performance.now();
      const worked = mergeStep(db, index, pages);
      times.push(performance.now() - started);
      if (!worked || indexStructure(db, index).segments <= 1) break;
    }
    const cpu = cpuMs(usage);
    console.log(
      `  ${index}: ${times.length} steps, ${(times.reduce((a, b) => a + b, 0) / 1000).toFixed(1)} s wall in all, ${(cpu / 1000).toFixed(1)} s CPU; ` +
        `step median ${median(times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms; now ${indexStructure(db, index).segments} segment(s)`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      mode: { type: "string", default: "optimize" },
      readers: { type: "boolean", default: false },
      "step-pages": { type: "string", default: "2000" },
      sizes: { type: "string", default: "" },
    },
  });
  const file = positionals[0];
  if (!file) throw new Error("give the path of a copy of a large database (it is written to)");
  new Database(file, { readonly: true, fileMustExist: true }).close(); // a missing file is an error, not a new database
  const db = openDatabase(file);
  try {
    searches(db, "before");
    if (values.sizes) stepSizes(db, values.sizes.split(",").map(Number));
    if (values.mode === "optimize") await optimizeAll(db, file, values.readers);
    else mergeInSteps(db, Number(values["step-pages"]));
    searches(db, "after");
  } finally {
    closeDatabase(db);
  }
}
