import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";

/*
 * Audit: the database ran with synchronous = NORMAL, which in WAL mode can lose the last
 * acknowledged commits on power loss or an OS crash. FULL syncs the WAL at every commit.
 */
describe("database durability settings", () => {
  it("opens a file database in WAL mode with synchronous = FULL (2)", () => {
    const dir = mkdtempSync(join(tmpdir(), "quash-durability-"));
    try {
      const db = openDatabase(join(dir, "quash.db"));
      expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(db.$client.pragma("synchronous", { simple: true })).toBe(2);
      db.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
