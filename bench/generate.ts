/**
 * Builds the large record the scale benchmark reads (bench/scale.ts): the bundled record,
 * loaded as `quash db seed` loads it, and beside it the generated cases of bench/generate-record.ts.
 *
 *   npm run bench:generate                                  1,000 cases, 1,000,000 entries (one of 100,000) into data/scale.db
 *   npm run bench:generate -- --out x.db --cases 100 --entries 50000 --big-case 20000
 *
 * The file is replaced if it exists.
 */
import { existsSync, rmSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { closeDatabase, openDatabase } from "../db/client";
import { seedDatabase } from "../seeds/load";
import { rebuildPublicSearch } from "../server/records/public-search-index";
import { FTS_INDEXES, optimizeIndex } from "../server/search/upkeep";
import { systemClock } from "../server/shared/clock";
import { DEFAULT_SIZES, generateRecord } from "./generate-record";

export const DEFAULT_SCALE_FILE = "data/scale.db";

export function buildScaleDatabase(file: string, sizes = DEFAULT_SIZES) {
  for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) rmSync(file + suffix);
  const db = openDatabase(file);
  try {
    seedDatabase(db, { clock: systemClock });
    const started = performance.now();
    const record = generateRecord(db, sizes);
    // The generator inserts rows directly; the public search index is filled from them as the
    // record store would have kept it.
    rebuildPublicSearch(db, systemClock.now());
    // Each full-text index left in one segment, as the nightly search-index-merge job leaves a
    // long-running install's (server/search/upkeep.ts); offline, so one optimize each.
    for (const index of FTS_INDEXES) optimizeIndex(db, index);
    const seconds = (performance.now() - started) / 1000;
    db.$client.pragma("optimize");
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
    return { record, seconds, bytes: statSync(file).size };
  } finally {
    closeDatabase(db);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { out: { type: "string" }, cases: { type: "string" }, entries: { type: "string" }, "big-case": { type: "string" } },
  });
  const file = values.out ?? DEFAULT_SCALE_FILE;
  const sizes = {
    cases: Number(values.cases ?? DEFAULT_SIZES.cases),
    entries: Number(values.entries ?? DEFAULT_SIZES.entries),
    bigCase: Number(values["big-case"] ?? DEFAULT_SIZES.bigCase),
  };
  const { record, seconds, bytes } = buildScaleDatabase(file, sizes);
  console.log(
    `${file}: ${record.cases} generated cases, ${record.entries} entries (${record.sealed} sealed), ${record.documents} documents, ${record.orders} orders ` +
      `in ${seconds.toFixed(1)} s; ${(bytes / 1e6).toFixed(0)} MB. Big case: /cases/${record.bigCaseSlug}`,
  );
}
