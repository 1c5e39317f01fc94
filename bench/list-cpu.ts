/**
 * CPU time per uncached render of the full-page lists (issue 14), on the large record and on the
 * bundled record, as bench/scale.ts builds them: user+system CPU of this process per request
 * (process.cpuUsage), not wall time, so other processes on a shared machine weigh less.
 *
 *   SCALE_DB=data/scale.db npx tsx bench/list-cpu.ts            # every URL, 30 requests a side
 *   LIST_URLS='/cases,/orders' LIST_SAMPLES=50 npx tsx bench/list-cpu.ts
 *   LIST_LOOP=/timeline node --cpu-prof --import tsx bench/list-cpu.ts   # the large record's render of one URL, 300 times, for a profile
 */
import type { FastifyInstance } from "fastify";
import { closeDatabase, openDatabase } from "../db/client";
import { seedDatabase } from "../seeds/load";
import { buildApp } from "../server/app";
import { testConfig } from "../server/config";
import { systemClock } from "../server/shared/clock";
import { DEFAULT_SCALE_FILE } from "./generate";

const FILE = process.env.SCALE_DB ?? DEFAULT_SCALE_FILE;
const SAMPLES = Number(process.env.LIST_SAMPLES ?? 30);
const URLS = (process.env.LIST_URLS ?? "/cases,/api/v1/cases,/orders,/timeline,/api/v1/orders,/api/v1/timeline").split(",");

function cpuMs(app: FastifyInstance, url: string): Promise<number> {
  app.pageCache.clear();
  const before = process.cpuUsage();
  return app.inject(url).then((res) => {
    const used = process.cpuUsage(before);
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    return (used.user + used.system) / 1000;
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bigDb = openDatabase(FILE);
const big = await buildApp({ config: testConfig({ databaseFile: FILE }), db: bigDb, clock: systemClock });
await big.ready();
if (process.env.LIST_LOOP) {
  for (let i = 0; i < 300; i++) await cpuMs(big, process.env.LIST_LOOP);
  await big.close();
  closeDatabase(bigDb);
} else {
  const smallDb = openDatabase(":memory:");
  seedDatabase(smallDb, { clock: systemClock });
  const small = await buildApp({ config: testConfig({ databaseFile: ":memory:" }), db: smallDb, clock: systemClock });
  await small.ready();
  console.log(`CPU ms per uncached request, median of ${SAMPLES} (large record, bundled record, ratio)`);
  for (const url of URLS) {
    for (let i = 0; i < 3; i++) {
      await cpuMs(big, url);
      await cpuMs(small, url);
    }
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      a.push(await cpuMs(big, url));
      b.push(await cpuMs(small, url));
    }
    console.log(
      `${url.padEnd(40)} ${median(a).toFixed(2).padStart(7)} ${median(b).toFixed(2).padStart(7)} ${(median(a) / median(b)).toFixed(2)}×`,
    );
  }
  await big.close();
  await small.close();
  closeDatabase(bigDb);
  closeDatabase(smallDb);
}
