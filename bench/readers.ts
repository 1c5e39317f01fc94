/**
 * Concurrent readers of one SQLite file in WAL mode (docs/scaling.md): 1, 2 and 4 worker
 * threads, each with its own connection, read random pages of the 100,000-entry docket of the
 * generated record (the count and the page's rows, as the docket page reads them) for a few
 * seconds; the figure is pages read per second in all, and per reader. WAL lets readers run
 * side by side with each other and with the one writer, so the total grows with the cores
 * until they are used up (the project's machine has 2, shared).
 *
 *   SCALE_DB=data/scale.db npx tsx bench/readers.ts
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { DEFAULT_SCALE_FILE } from "./generate";

const SECONDS = Number(process.env.READERS_SECONDS ?? 4);
const PAGE = `SELECT * FROM docket_entries WHERE id IN (
  SELECT id FROM docket_entries WHERE case_id = ? AND deleted_at IS NULL ORDER BY sequence, id LIMIT 100 OFFSET ?) ORDER BY sequence, id`;
const COUNT = "SELECT count(*) AS n FROM docket_entries WHERE case_id = ? AND deleted_at IS NULL";

/** What each worker runs: plain JavaScript (the worker loads no TypeScript), one connection of its own. */
const READER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const { file, caseId, until, page: PAGE, count: COUNT } = workerData;
const db = new Database(file, { readonly: true });
const page = db.prepare(PAGE);
const count = db.prepare(COUNT);
const total = count.get(caseId).n;
let pages = 0;
while (Date.now() < until) {
  count.get(caseId);
  page.all(caseId, Math.floor(Math.random() * Math.max(1, total - 100)));
  pages++;
}
db.close();
parentPort.postMessage(pages);
`;

export async function runReadersBench(file = process.env.SCALE_DB ?? DEFAULT_SCALE_FILE) {
  const probe = new Database(file, { readonly: true });
  const caseId = (probe.prepare("SELECT id FROM cases WHERE slug = 'generated-case-0001'").get() as { id: number }).id;
  probe.close();
  const rows: { readers: number; pagesPerSecond: number; perReader: number }[] = [];
  for (const readers of [1, 2, 4]) {
    const until = Date.now() + SECONDS * 1000;
    const counts = await Promise.all(
      Array.from(
        { length: readers },
        () =>
          new Promise<number>((done, fail) => {
            const workerData = {
              file,
              caseId,
              until,
              page: PAGE,
              count: COUNT,
              driver: createRequire(import.meta.url).resolve("better-sqlite3"),
            };
            const worker = new Worker(READER, { eval: true, workerData });
            worker.once("message", done);
            worker.once("error", fail);
          }),
      ),
    );
    const pagesPerSecond = counts.reduce((a, b) => a + b, 0) / SECONDS;
    rows.push({ readers, pagesPerSecond, perReader: pagesPerSecond / readers });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await runReadersBench()) {
    console.log(`${row.readers} reader(s): ${row.pagesPerSecond.toFixed(0)} docket pages/s in all, ${row.perReader.toFixed(0)} per reader`);
  }
}
