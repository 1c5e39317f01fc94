import { describe, expect, it } from "vitest";
import { searchPublicRecord } from "../../server/public-search/loaders";
import { createJobRunner } from "../../server/jobs/runner";
import { SEARCH_MERGE_JOB, searchUpkeepJobs } from "../../server/jobs/search-upkeep";
import { searchFilings } from "../../server/search/loaders";
import { checkIndex, FTS_INDEXES, indexStructure, mergeIndexes, mergeStep, segmentCounts } from "../../server/search/upkeep";
import { createTestStore, testActor, testClock } from "../support/db";
import { insertCase } from "../support/factories";

/*
 * The full-text indexes after a long run of small writes, as a clinic's install reaches them
 * (every record store write is its own transaction, so FTS5 adds a segment for each and merges
 * only some), and after the upkeep merged them: fewer segments, FTS5's own integrity-check
 * passes against the content, and every search finds the same hits in the same order.
 */

const WORDS = ["quash", "subpoena", "privacy", "declaration", "declared", "anonymous", "account", "order", "stipulation", "hearing"];
const QUERIES = ["quash", "subpoena AND privacy", "declar*", '"anonymous account"', "hearing OR stipulation", "order -quash"];

/** A docket of `count` entries written one store write at a time, with some edited and some sealed after. */
function smallWrites(count: number) {
  const { db, store } = createTestStore();
  const kase = insertCase(db, { slug: "upkept" });
  const write = { actor: testActor };
  const ids: number[] = [];
  for (let n = 0; n < count; n++) {
    const words = [WORDS[n % WORDS.length], WORDS[(n * 7 + 3) % WORDS.length], WORDS[(n * 3 + 1) % WORDS.length]];
    const entry = store.insert(
      "entry",
      { caseId: kase.id, sequence: n + 1, number: n + 1, dateFiled: "2026-01-05", description: `Entry ${n}: ${words.join(" ")} filed` },
      write,
    );
    ids.push(entry.id);
  }
  for (const id of ids.filter((_, n) => n % 11 === 0)) store.update("entry", id, { description: "Corrected: quash the subpoena" }, write);
  for (const id of ids.filter((_, n) => n % 17 === 5)) store.update("entry", id, { sealed: true }, write);
  return db;
}

type Db = ReturnType<typeof smallWrites>;
const staffResults = (db: Db) => QUERIES.map((q) => searchFilings(db, q, 50));
const publicResults = (db: Db) => QUERIES.map((q) => searchPublicRecord(db, q, {}, 21));

describe("keeping the search indexes merged", () => {
  it("merges what many small writes left in segments, with the index intact and every search's hits and order unchanged", async () => {
    const db = smallWrites(400);
    const before = segmentCounts(db);
    expect(before.docket_entries_fts).toBeGreaterThan(1);
    expect(before.public_search_fts).toBeGreaterThan(1);
    const staff = staffResults(db);
    const found = publicResults(db);
    expect(staff[0]!.total).toBeGreaterThan(50);
    expect(found[0]!.total).toBeGreaterThan(21);

    const outcomes = await mergeIndexes(db, { pages: 1 });
    expect(outcomes.find((o) => o.index === "docket_entries_fts")).toMatchObject({ before: before.docket_entries_fts, after: 1 });
    const after = segmentCounts(db);
    expect(after).toEqual({ docket_entries_fts: 1, documents_fts: 0, public_search_fts: 1 });
    for (const index of FTS_INDEXES) expect(() => checkIndex(db, index)).not.toThrow();
    expect(staffResults(db)).toEqual(staff);
    expect(publicResults(db)).toEqual(found);

    // Merged once, an index has nothing more to merge until the next write.
    expect(FTS_INDEXES.map((index) => mergeStep(db, index, 100))).toEqual([false, false, false]);
  });

  it("stops between steps when its run is aborted, leaving the index intact", async () => {
    const db = smallWrites(120);
    const abort = new AbortController();
    abort.abort();
    const outcomes = await mergeIndexes(db, { pages: 1, signal: abort.signal });
    expect(outcomes.every((o) => o.steps === 0 && o.after === o.before)).toBe(true);
    for (const index of FTS_INDEXES) expect(() => checkIndex(db, index)).not.toThrow();
  });

  it("counts segments from the structure record as FTS5's own segment ids list them", () => {
    const db = smallWrites(60);
    for (const index of FTS_INDEXES) {
      const { n } = db.$client.prepare(`SELECT count(DISTINCT segid) AS n FROM ${index}_idx`).get() as { n: number };
      expect(indexStructure(db, index).segments, index).toBe(n);
    }
  });

  it("runs as the nightly job once an index is large enough, and is not offered for a small one", async () => {
    const db = smallWrites(150);
    const small = createJobRunner({ db, clock: testClock });
    small.addSource(searchUpkeepJobs({ db }));
    expect(small.list().map((job) => job.name)).not.toContain(SEARCH_MERGE_JOB);

    const runner = createJobRunner({ db, clock: testClock });
    runner.addSource(searchUpkeepJobs({ db }, { minPages: 1 }));
    const job = runner.list().find((state) => state.name === SEARCH_MERGE_JOB)!;
    expect(job.schedule).toMatch(/30 3 \* \* \*/);
    expect(new Date(job.nextRunAt).getTime()).toBeGreaterThan(new Date(testClock.now()).getTime()); // at the quiet hour, not at once
    const outcome = await runner.runNow(SEARCH_MERGE_JOB);
    expect(outcome).toMatchObject({ ran: true, ok: true });
    expect(outcome.ran && outcome.ok && outcome.summary).toMatch(/docket_entries_fts \d+ → 1 segment/);
    expect(segmentCounts(db).docket_entries_fts).toBe(1);
  });
});
