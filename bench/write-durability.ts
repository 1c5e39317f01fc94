/**
 * What `synchronous = FULL` costs a write, against NORMAL, measured in the same run on the same
 * disk. The app runs FULL (db/client.ts): in WAL mode NORMAL can lose the last acknowledged
 * commits on a power cut or an OS crash, and Quash promises that nothing saved is lost.
 *
 * Two kinds of write, each timed with both settings, alternating passes so that the machine's
 * load weighs on both alike; the best pass of each counts:
 *   - a commit through the record store (a docket entry and its revision, one transaction);
 *   - a write API request (POST /api/v1/cases/{slug}/entries with a token, through inject):
 *     what a script waits for, parsing, checks and answer included.
 * The figure to read is the ratio FULL / NORMAL per write.
 *
 *   npm run bench:writes     BENCH_WRITES=500 BENCH_PASSES=5 npm run bench:writes
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, SYNCHRONOUS, type Db } from "../db/client";
import { hashPassword } from "../server/auth/passwords";
import { createAuthRepository } from "../server/auth/repository";
import { buildApp } from "../server/app";
import { testConfig } from "../server/config";
import { createRecordStore } from "../server/records/store";
import { systemClock } from "../server/shared/clock";

const WRITES = Number(process.env.BENCH_WRITES ?? 300);
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
const SETTINGS = ["NORMAL", "FULL"] as const;
type Setting = (typeof SETTINGS)[number];

export type WriteBenchResult = {
  writes: number;
  passes: number;
  /** Best pass, milliseconds per write. */
  storeMs: Record<Setting, number>;
  apiMs: Record<Setting, number>;
  storeRatio: number;
  apiRatio: number;
  loadAverage: number[];
};

/** A fresh file database in its own directory (WAL beside it), with the given setting. */
function freshDatabase(setting: Setting): { db: Db; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "quash-bench-writes-"));
  const db = openDatabase(join(dir, "quash.db"));
  db.$client.pragma(`synchronous = ${setting}`);
  return { db, dir };
}

async function timeStoreCommits(setting: Setting): Promise<number> {
  const { db, dir } = freshDatabase(setting);
  try {
    const store = createRecordStore(db, systemClock);
    const actor = { userId: null, label: "bench" };
    const kase = store.insert("case", { slug: "bench", label: "Bench", caption: "Bench v. Bench", group: "out_of_scope" }, { actor });
    const start = process.hrtime.bigint();
    for (let i = 1; i <= WRITES; i++) {
      store.insert(
        "entry",
        { caseId: kase.id, sequence: i, number: i, dateFiled: "2025-09-18", description: `Bench entry ${i}` },
        { actor },
      );
    }
    return Number(process.hrtime.bigint() - start) / 1e6 / WRITES;
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timeApiWrites(setting: Setting, passwordHash: string): Promise<number> {
  const { db, dir } = freshDatabase(setting);
  const app = await buildApp({ config: testConfig({ dataDir: join(dir, "data") }), db, clock: systemClock });
  try {
    await app.ready();
    const now = systemClock.now();
    createAuthRepository(db).insertUser({
      email: "bench@example.org",
      name: "Bench",
      role: "editor",
      passwordHash,
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
    });
    const { token } = app.accounts.createToken("bench@example.org", "bench");
    createRecordStore(db, systemClock).insert(
      "case",
      { slug: "bench", label: "Bench", caption: "Bench v. Bench", group: "out_of_scope" },
      { actor: { userId: null, label: "bench" } },
    );
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const start = process.hrtime.bigint();
    for (let i = 1; i <= WRITES; i++) {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/cases/bench/entries",
        headers,
        payload: JSON.stringify({ dateFiled: "2025-09-18", description: `Bench entry ${i}`, number: i }),
      });
      if (res.statusCode !== 201) throw new Error(`write ${i} answered ${res.statusCode}: ${res.body}`);
    }
    return Number(process.hrtime.bigint() - start) / 1e6 / WRITES;
  } finally {
    await app.close();
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runWriteBench(): Promise<WriteBenchResult> {
  const passwordHash = await hashPassword("bench password, not used to sign in");
  const store: Record<Setting, number[]> = { NORMAL: [], FULL: [] };
  const api: Record<Setting, number[]> = { NORMAL: [], FULL: [] };
  // One untimed warm-up of each path, then alternating timed passes.
  await timeStoreCommits("NORMAL");
  await timeApiWrites("NORMAL", passwordHash);
  for (let pass = 0; pass < PASSES; pass++) {
    for (const setting of pass % 2 === 0 ? SETTINGS : [...SETTINGS].reverse()) {
      store[setting].push(await timeStoreCommits(setting));
      api[setting].push(await timeApiWrites(setting, passwordHash));
    }
  }
  const best = (values: number[]) => Math.min(...values);
  const storeMs = { NORMAL: best(store.NORMAL), FULL: best(store.FULL) };
  const apiMs = { NORMAL: best(api.NORMAL), FULL: best(api.FULL) };
  return {
    writes: WRITES,
    passes: PASSES,
    storeMs,
    apiMs,
    storeRatio: storeMs.FULL / storeMs.NORMAL,
    apiRatio: apiMs.FULL / apiMs.NORMAL,
    loadAverage: loadavg(),
  };
}

export function printWriteBench(r: WriteBenchResult): void {
  const row = (label: string, ms: Record<Setting, number>, ratio: number) =>
    `  ${label.padEnd(40)} NORMAL ${ms.NORMAL.toFixed(3)} ms   FULL ${ms.FULL.toFixed(3)} ms   FULL/NORMAL ${ratio.toFixed(2)}×   (${Math.round(1000 / ms.FULL)} writes/s with FULL)`;
  console.log(
    `\nWrite durability: synchronous = FULL (the app's setting: ${SYNCHRONOUS}) against NORMAL, ${r.writes} writes a pass, best of ${r.passes} passes each`,
  );
  console.log(row("record store commit (entry + revision)", r.storeMs, r.storeRatio));
  console.log(row("write API request (POST …/entries)", r.apiMs, r.apiRatio));
  console.log(`  load average ${r.loadAverage.map((n) => n.toFixed(2)).join(" ")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printWriteBench(await runWriteBench());
