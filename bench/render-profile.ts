/**
 * The render of public pages with the page cache off, for a CPU profile and for a before/after
 * check that an optimisation changed no byte (issue 18.2). On the bundled record, on a fixed clock.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/render-profile.ts   # renders the small docket 2,000 times (RENDER_URL=/ another page)
 *   npx tsx bench/render-profile.ts --digest > before.txt    # one SHA-256 per page; diff with a later run
 */
import { createHash } from "node:crypto";
import { openDatabase } from "../db/client";
import { seedDatabase } from "../seeds/load";
import { buildApp } from "../server/app";
import { testConfig } from "../server/config";
import { fixedClock } from "../server/shared/clock";

const clock = fixedClock("2026-11-21T20:00:00.000Z");
const db = openDatabase(":memory:");
seedDatabase(db, { clock });
const app = await buildApp({ config: testConfig({ pageCache: false }), db, clock });
await app.ready();

const slug = (sql: string) => (db.$client.prepare(sql).get() as { slug: string }).slug;
const small = slug(
  `SELECT c.slug FROM cases c JOIN docket_entries e ON e.case_id = c.id AND e.deleted_at IS NULL
   WHERE c.deleted_at IS NULL AND c.published = 1 GROUP BY c.id HAVING count(e.id) >= 3 ORDER BY count(e.id), c.id LIMIT 1`,
);
const largest = slug(
  `SELECT c.slug FROM cases c JOIN docket_entries e ON e.case_id = c.id AND e.deleted_at IS NULL
   WHERE c.deleted_at IS NULL AND c.published = 1 GROUP BY c.id ORDER BY count(e.id) DESC, c.id LIMIT 1`,
);
const subpoena = slug(`SELECT slug FROM subpoenas WHERE deleted_at IS NULL ORDER BY id LIMIT 1`);

if (process.argv.includes("--digest")) {
  const urls = [
    `/cases/${small}`,
    `/cases/${largest}`,
    `/cases/${largest}?kind=order`,
    "/",
    "/cases",
    `/subpoenas/${subpoena}`,
    "/timeline",
    `/api/v1/cases/${small}`,
    `/api/v1/cases/${largest}`,
    "/feed.atom",
  ];
  for (const url of urls) {
    const res = await app.inject(url);
    console.log(`${res.statusCode} ${createHash("sha256").update(res.rawPayload).digest("hex")} ${url}`);
  }
} else {
  const count = Number(process.env.RENDERS ?? 2000);
  // RENDER_URL=/ (say) profiles another page.
  const url = process.env.RENDER_URL ?? `/cases/${small}`;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const res = await app.inject(url);
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  }
  const ms = performance.now() - started;
  console.log(`${count} renders of ${url} in ${ms.toFixed(0)} ms: ${(ms / count).toFixed(2)} ms each (in-process inject)`);
}
await app.close();
db.$client.close();
