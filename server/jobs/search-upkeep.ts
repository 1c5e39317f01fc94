import { FTS_INDEXES, indexStructure, mergeIndexes, mergeSummary } from "../search/upkeep";
import type { JobDeps } from "./catalogue";
import type { JobDefinition } from "./runner";

export const SEARCH_MERGE_JOB = "search-index-merge";

/**
 * Below this many leaf pages (about 4 KB each) in every index, merging buys nothing a reader
 * could notice, so the job is not offered: the bundled record's largest index has 21.
 */
export const MERGE_MIN_PAGES = 1000;

/**
 * Every night at a quiet hour, the three full-text indexes are merged back into one segment
 * each, in bounded steps (server/search/upkeep.ts): the record store's writes add a segment a
 * transaction, FTS5's automerge only keeps their number down, and every search reads every
 * segment. On the million-entry file the whole merge is a few seconds of CPU (docs/scaling.md).
 * Offered once an index is large enough to matter (`minPages` leaf pages).
 */
export function searchUpkeepJobs({ db }: Pick<JobDeps, "db">, { minPages = MERGE_MIN_PAGES } = {}): () => JobDefinition[] {
  const job: JobDefinition = {
    name: SEARCH_MERGE_JOB,
    schedule: { cron: "30 3 * * *", timeZone: "America/Los_Angeles" },
    firstRun: "scheduled",
    leaseMs: 10 * 60_000,
    run: async ({ signal }) => ({ summary: mergeSummary(await mergeIndexes(db, { signal })) }),
  };
  return () => (FTS_INDEXES.some((index) => indexStructure(db, index).pages >= minPages) ? [job] : []);
}
