import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../db/client";
import { createRecordStore } from "../../server/records/store";
import { runCli } from "../support/cli";
import { testActor, testClock } from "../support/db";
import { insertCase } from "../support/factories";
import { quash, scratchDatabase } from "./helpers";

describe("quash search", () => {
  let scratch: ReturnType<typeof scratchDatabase>;
  afterEach(() => scratch.remove());

  /** A database whose indexes were written one small transaction at a time. */
  function writtenInSmallSteps() {
    scratch = scratchDatabase();
    const db = openDatabase(scratch.file);
    const store = createRecordStore(db, testClock);
    const kase = insertCase(db, { slug: "small-steps" });
    for (let n = 0; n < 80; n++)
      store.insert(
        "entry",
        { caseId: kase.id, sequence: n + 1, dateFiled: "2026-02-02", description: `Motion ${n} to quash` },
        { actor: testActor },
      );
    closeDatabase(db);
  }

  it("says each index's segments, merges them into one in steps, and says so again", async () => {
    writtenInSmallSteps();
    const before = await quash(scratch.file, ["search", "status"]);
    expect(before.code).toBe(0);
    expect(before.lines.map((line) => line.split("\t")[0])).toEqual(["docket_entries_fts", "documents_fts", "public_search_fts"]);
    const segments = Number(/^(\d+) segment/.exec(before.lines[0]!.split("\t")[1]!)![1]);
    expect(segments).toBeGreaterThan(1);

    const merged = await quash(scratch.file, ["search", "merge", "--pages", "1"]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(new RegExp(`^Merged: docket_entries_fts ${segments} → 1 segment \\(\\d+ steps\\)`));
    const after = await quash(scratch.file, ["search", "status"]);
    expect(after.lines[0]).toMatch(/^docket_entries_fts\t1 segment\t/);
    expect(after.lines[2]).toMatch(/^public_search_fts\t1 segment\t/);
  });

  it("optimizes in one transaction when asked, and refuses what it does not know", async () => {
    writtenInSmallSteps();
    const optimized = await quash(scratch.file, ["search", "merge", "--optimize"]);
    expect(optimized.code).toBe(0);
    expect(optimized.stdout).toMatch(/^Optimized: docket_entries_fts \d+ → 1, documents_fts 0 → 0, public_search_fts \d+ → 1\.$/);
    expect((await quash(scratch.file, ["search", "merge", "--pages", "0"])).code).toBe(2);
    expect((await quash(scratch.file, ["search", "squash"])).code).toBe(2);
    const help = await runCli(["search", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^quash search: .+\nUsage: quash search status \| merge/);
  });
});
