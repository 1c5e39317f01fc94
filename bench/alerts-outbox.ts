/**
 * What the alerts outbox costs a write: docket entries committed through the record store per
 * second on a file database (synchronous = FULL, as the app runs), with the outbox installed
 * and nobody subscribed, against the same with 1,000 confirmed subscribers following
 * everything (so every entry adds its event and 1,000 deliveries in its own transaction).
 * Passes alternate so the machine's load weighs on both alike; the best pass of each counts.
 * The figure to read is the ratio of entries per second, without subscribers / with 1,000.
 * A third row, the store with no outbox at all, shows what the check "does anyone follow
 * anything?" costs when nobody does.
 *
 *   npm run bench:alerts     BENCH_ALERT_WRITES=200 BENCH_PASSES=3 npm run bench:alerts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { openDatabase, type Db } from "../db/client";
import * as s from "../db/schema";
import { keepOutboxInStep } from "../server/alerts/outbox";
import { createSubscriptionsRepository } from "../server/alerts/subscriptions";
import { createRecordStore } from "../server/records/store";
import { systemClock } from "../server/shared/clock";

const WRITES = Number(process.env.BENCH_ALERT_WRITES ?? 200);
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
const SUBSCRIBERS = 1000;
const MODES = ["no outbox", "outbox, no subscribers", `outbox, ${SUBSCRIBERS} subscribers`] as const;
type Mode = (typeof MODES)[number];

export type AlertsBenchResult = {
  writes: number;
  passes: number;
  perSecond: Record<Mode, number>;
  ratio: number;
  deliveriesPerEntry: number;
  loadAverage: number[];
};

function subscribe(db: Db, n: number): void {
  const subs = createSubscriptionsRepository(db, systemClock.now);
  for (let i = 0; i < n; i++) {
    const { subscription } = subs.subscribe({
      email: `reader${i}@example.org`,
      target: "all",
      targetId: null,
      query: null,
      frequency: i % 4 === 0 ? "daily" : "immediate",
      excludedKinds: i % 3 === 0 ? ["appearance"] : [],
      note: null,
    });
    subs.confirm(subscription.confirmToken);
  }
}

/** Entries per second for one mode, on a fresh file database; also how many deliveries each entry made. */
function timeEntries(mode: Mode): { perSecond: number; deliveriesPerEntry: number } {
  const dir = mkdtempSync(join(tmpdir(), "quash-bench-alerts-"));
  const db = openDatabase(join(dir, "quash.db"));
  try {
    if (mode !== "no outbox") keepOutboxInStep(db);
    if (mode === MODES[2]) subscribe(db, SUBSCRIBERS);
    const store = createRecordStore(db, systemClock);
    const actor = { userId: null, label: "bench" };
    const kase = store.insert(
      "case",
      { slug: "bench", label: "Bench", caption: "Bench v. Bench", group: "meta", published: true },
      { actor },
    );
    const start = process.hrtime.bigint();
    for (let i = 1; i <= WRITES; i++) {
      store.insert(
        "entry",
        { caseId: kase.id, sequence: i, number: i, dateFiled: "2025-09-18", kind: "motion", description: `MOTION number ${i} to quash` },
        { actor },
      );
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const deliveries = db
      .select({ n: sql<number>`count(*)` })
      .from(s.deliveries)
      .innerJoin(s.alertEvents, eq(s.alertEvents.id, s.deliveries.eventId))
      .where(eq(s.alertEvents.kind, "entry"))
      .get()!.n;
    return { perSecond: WRITES / seconds, deliveriesPerEntry: deliveries / WRITES };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function runAlertsBench(): AlertsBenchResult {
  const runs: Record<Mode, number[]> = { "no outbox": [], "outbox, no subscribers": [], [MODES[2]]: [] } as Record<Mode, number[]>;
  let deliveriesPerEntry = 0;
  timeEntries(MODES[1]); // warm-up, untimed
  for (let pass = 0; pass < PASSES; pass++) {
    for (const mode of pass % 2 === 0 ? MODES : [...MODES].reverse()) {
      const r = timeEntries(mode);
      runs[mode].push(r.perSecond);
      if (mode === MODES[2]) deliveriesPerEntry = r.deliveriesPerEntry;
    }
  }
  const best = (v: number[]) => Math.max(...v);
  const perSecond = Object.fromEntries(MODES.map((m) => [m, best(runs[m])])) as Record<Mode, number>;
  return {
    writes: WRITES,
    passes: PASSES,
    perSecond,
    ratio: perSecond[MODES[1]] / perSecond[MODES[2]],
    deliveriesPerEntry,
    loadAverage: loadavg(),
  };
}

export function printAlertsBench(r: AlertsBenchResult): void {
  console.log(
    `\nAlerts outbox: docket entries through the record store (file database, synchronous = FULL), ${r.writes} a pass, best of ${r.passes} passes each`,
  );
  for (const mode of MODES) console.log(`  ${mode.padEnd(28)} ${r.perSecond[mode].toFixed(0).padStart(6)} entries/s`);
  console.log(
    `  ${SUBSCRIBERS} subscribers made ${r.deliveriesPerEntry.toFixed(0)} deliveries per entry (the rest excluded none: every one follows everything)`,
  );
  console.log(
    `  without subscribers / with ${SUBSCRIBERS}: ${r.ratio.toFixed(2)}× (the outbox's cost at that audience); no outbox / outbox with none: ${(r.perSecond["no outbox"] / r.perSecond[MODES[1]]).toFixed(2)}×`,
  );
  console.log(`  load average ${r.loadAverage.map((n) => n.toFixed(2)).join(" ")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printAlertsBench(runAlertsBench());
