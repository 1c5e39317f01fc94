import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
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

/*
 * Found by the backup-under-writes test: the server answered 500 ("database is locked") to
 * writes while another process wrote to the same file, because a deferred transaction that
 * had read on a snapshot could not upgrade to a write after the other commit.
 */
describe("writes while another process writes to the same file", () => {
  it("a transaction that reads and then writes waits for the lock instead of failing when another connection commits meanwhile", () => {
    const dir = mkdtempSync(join(tmpdir(), "quash-locks-"));
    try {
      const server = openDatabase(join(dir, "quash.db"));
      server.$client.exec("CREATE TABLE notes (text TEXT)");
      const other = new Database(join(dir, "quash.db"));
      other.pragma("busy_timeout = 50");
      let otherWrote: boolean | undefined;
      server.transaction(() => {
        server.$client.prepare("SELECT count(*) FROM notes").get();
        try {
          other.prepare("INSERT INTO notes VALUES ('from another process')").run();
          otherWrote = true;
        } catch {
          otherWrote = false;
        }
        server.$client.prepare("INSERT INTO notes VALUES ('from the server')").run();
      });
      // The server's transaction held the write lock from its start: the other writer waited and gave up, the server's write went in.
      expect(otherWrote).toBe(false);
      expect(server.$client.prepare("SELECT text FROM notes").pluck().all()).toEqual(["from the server"]);
      other.close();
      server.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
