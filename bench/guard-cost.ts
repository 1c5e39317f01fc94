/**
 * What the publication guard costs a write: docket entries committed through the record store
 * with the guard (as every write in the app is) against the same store with a no-op in its
 * place, in the same run, alternating passes so that the machine's load weighs on both alike;
 * the best pass of each counts and the figure to read is the ratio.
 *
 * The texts are real: every entry of the district docket reports in ../shared/fixtures (810
 * entries, about 270 characters each), written in turn, on a case with a five-name
 * never-publish list, so the guard runs its FRCP 5.2 detector and the list's matcher on each.
 * Two databases: in memory (the guard's CPU against the store's own work), also without any
 * never-publish list (the FRCP 5.2 detector alone), and a file with synchronous = FULL, as
 * the app runs.
 *
 *   npm run bench:guard     BENCH_WRITES=1000 BENCH_PASSES=5 npm run bench:guard
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase, type Db } from "../db/client";
import { createEditService } from "../server/editing/service";
import { createGuardRepository } from "../server/guard/repository";
import { decodePacerBytes, parseDocketReport } from "../server/pacer";
import { forgetCachedDigests } from "../server/privacy/never-publish";
import { createRecordStore } from "../server/records/store";
import { createGuardService } from "../server/review/service";
import { systemClock } from "../server/shared/clock";
import { sharedPath } from "../test/support/shared";

const WRITES = Number(process.env.BENCH_WRITES ?? 400);
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
const MODES = ["without", "with"] as const;
type Mode = (typeof MODES)[number];
const DATABASES = ["memory", "memory-no-list", "file"] as const;
type Where = (typeof DATABASES)[number];
const NEVER_PUBLISH = ["Jonathan Quincy Publico", "Maria Ines Testigo", "Ruth Example", "Kwame Sample Mensah", "Li Wei Placeholder"];
const actor = { userId: null, label: "bench" };

export type GuardBenchResult = {
  writes: number;
  passes: number;
  texts: number;
  /** Best pass, entries per second. */
  perSecond: Record<Where, Record<Mode, number>>;
  /** with / without, per second: how much of the store's speed the guard keeps. */
  ratio: Record<Where, number>;
  /** Entries the guard held in one guarded pass (real docket texts: nearly none). */
  held: number;
  loadAverage: number[];
};

/** Every entry text of the district docket reports, in file order. */
function realEntryTexts(): string[] {
  const dir = sharedPath("fixtures", "pacer", "district");
  const texts: string[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith(".html"))
    .sort()) {
    try {
      const docket = parseDocketReport(decodePacerBytes(readFileSync(join(dir, name))), "cand") as {
        docket_entries?: { description?: string | null }[];
      };
      for (const entry of docket.docket_entries ?? []) if (entry.description) texts.push(entry.description);
    } catch {
      // A fixture that is no docket report (a login page kept as a negative case) has no entries.
    }
  }
  return texts;
}

function openBenchDatabase(where: Where): { db: Db; done: () => void } {
  if (where !== "file") {
    const db = openDatabase(":memory:");
    return { db, done: () => db.$client.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), "quash-bench-guard-"));
  const db = openDatabase(join(dir, "quash.db"));
  return { db, done: () => (db.$client.close(), rmSync(dir, { recursive: true, force: true })) };
}

/** One pass: WRITES entries through the store, with the real guard or a no-op in its place; entries per second and holds made. */
function timePass(where: Where, mode: Mode, texts: string[]): { perSecond: number; held: number } {
  const { db, done } = openBenchDatabase(where);
  forgetCachedDigests();
  try {
    const guarded = createRecordStore(db, systemClock);
    const kase = guarded.insert("case", { slug: "bench", label: "Bench", caption: "Bench v. Bench", group: "out_of_scope" }, { actor });
    const guard = createGuardService({
      db,
      store: guarded,
      clock: systemClock,
      editing: createEditService({ db, store: guarded, clock: systemClock }),
    });
    if (where !== "memory-no-list") for (const term of NEVER_PUBLISH) guard.addTerm(kase.id, { term, note: "bench name" }, actor);
    const store = mode === "with" ? guarded : createRecordStore(db, systemClock, () => []);
    const start = process.hrtime.bigint();
    for (let i = 1; i <= WRITES; i++) {
      store.insert(
        "entry",
        { caseId: kase.id, sequence: i, number: i, dateFiled: "2025-09-18", description: texts[(i - 1) % texts.length]! },
        { actor },
      );
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { perSecond: WRITES / seconds, held: createGuardRepository(db).openHoldCount() };
  } finally {
    done();
  }
}

export async function runGuardBench(): Promise<GuardBenchResult> {
  const texts = realEntryTexts();
  const runs = Object.fromEntries(DATABASES.map((where) => [where, { without: [], with: [] }])) as unknown as Record<
    Where,
    Record<Mode, number[]>
  >;
  let held = 0;
  for (const where of DATABASES) for (const mode of MODES) timePass(where, mode, texts); // warm-up, untimed
  for (let pass = 0; pass < PASSES; pass++) {
    for (const where of DATABASES) {
      for (const mode of pass % 2 === 0 ? MODES : [...MODES].reverse()) {
        const result = timePass(where, mode, texts);
        runs[where][mode].push(result.perSecond);
        if (mode === "with") held = result.held;
      }
    }
  }
  const best = (values: number[]) => Math.max(...values);
  const perSecond = Object.fromEntries(
    DATABASES.map((where) => [where, { without: best(runs[where].without), with: best(runs[where].with) }]),
  ) as Record<Where, Record<Mode, number>>;
  const ratio = Object.fromEntries(DATABASES.map((where) => [where, perSecond[where].with / perSecond[where].without])) as Record<
    Where,
    number
  >;
  return { writes: WRITES, passes: PASSES, texts: texts.length, perSecond, ratio, held, loadAverage: loadavg() };
}

export function printGuardBench(r: GuardBenchResult): void {
  const row = (label: string, where: Where) =>
    `  ${label.padEnd(36)} without ${Math.round(r.perSecond[where].without)} entries/s   with ${Math.round(r.perSecond[where].with)} entries/s   with/without ${r.ratio[where].toFixed(2)}×`;
  console.log(
    `\nPublication guard: entries through the record store with the guard against a no-op in its place, ${r.writes} writes a pass (${r.texts} real docket texts in turn, a 5-name never-publish list), best of ${r.passes} passes each`,
  );
  console.log(row("in-memory database", "memory"));
  console.log(row("in-memory, no never-publish list", "memory-no-list"));
  console.log(row("file database (synchronous = FULL)", "file"));
  console.log(`  held by the guard in a guarded pass: ${r.held} of ${r.writes} entries`);
  console.log(`  load average ${r.loadAverage.map((n) => n.toFixed(2)).join(" ")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printGuardBench(await runGuardBench());
