import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { closeDatabase, openDatabase } from "../../db/client";
import { generateRecord } from "../../bench/generate-record";
import { createCasesRepository } from "../../server/cases/repository";
import { DocketQuery } from "../../server/cases/schemas";

describe("the planner's statistics", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("are gathered when a connection that read the docket closes (PRAGMA optimize)", () => {
    const dir = mkdtempSync(join(tmpdir(), "quash-optimize-"));
    dirs.push(dir);
    const file = join(dir, "quash.db");
    const db = openDatabase(file);
    const record = generateRecord(db, { cases: 3, entries: 2_000, bigCase: 1_000 });
    const kase = createCasesRepository(db).findBySlug(record.bigCaseSlug)!;
    expect(createCasesRepository(db).entries(kase.id, DocketQuery.parse({ page: 3 })).total).toBe(1_000);
    const stats = (path: string) => {
      const raw = new Database(path, { readonly: true });
      try {
        const table = raw.prepare("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'").get();
        return table
          ? (raw.prepare("SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl = 'docket_entries'").all() as { idx: string }[])
          : [];
      } finally {
        raw.close();
      }
    };
    expect(stats(file)).toEqual([]);
    closeDatabase(db);
    expect(stats(file).map((s) => s.idx)).toContain("docket_entries_live_seq_idx");
  });
});
