import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../db/client";
import { cases } from "../../db/schema";
import { createJobsRepository } from "../../server/jobs/repository";
import { insertCase } from "../support/factories";
import { quash, scratchDatabase } from "./helpers";

describe("quash db backup and restore", () => {
  let scratch: ReturnType<typeof scratchDatabase>;
  let live: Db;

  beforeEach(() => {
    scratch = scratchDatabase();
    live = openDatabase(scratch.file);
    insertCase(live, { slug: "before-backup" });
  });
  afterEach(() => {
    live.$client.close();
    scratch.remove();
  });

  const slugs = (db: Db) =>
    db
      .select({ slug: cases.slug })
      .from(cases)
      .all()
      .map((c) => c.slug)
      .sort();

  it("copies the live database while it is open, including writes not yet checkpointed", async () => {
    insertCase(live, { slug: "in-the-wal" });
    const target = join(scratch.dir, "copy.db");
    const result = await quash(scratch.file, ["db", "backup", target]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Backed up ${scratch.file} to ${target}`);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.prepare("SELECT slug FROM cases ORDER BY slug").pluck().all() as string[]).toEqual(["before-backup", "in-the-wal"]);
    copy.close();
  });

  it("restores a backup after checking it, and keeps the database it replaces", async () => {
    const target = join(scratch.dir, "copy.db");
    await quash(scratch.file, ["db", "backup", target]);
    insertCase(live, { slug: "after-backup" });
    live.$client.close();

    const result = await quash(scratch.file, ["db", "restore", target]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Kept the current database as");
    live = openDatabase(scratch.file);
    expect(slugs(live)).toEqual(["before-backup"]);

    const kept = readdirSync(scratch.dir).find(
      (f) => f.startsWith("quash.db.before-restore-") && !f.endsWith("-wal") && !f.endsWith("-shm"),
    )!;
    const keptDb = new Database(join(scratch.dir, kept), { readonly: true });
    expect(keptDb.prepare("SELECT slug FROM cases ORDER BY slug").pluck().all() as string[]).toEqual(["after-backup", "before-backup"]);
    keptDb.close();
  });

  it("restores over a damaged database, the usual reason to restore, keeping the damaged file byte for byte", async () => {
    const target = join(scratch.dir, "copy.db");
    await quash(scratch.file, ["db", "backup", target]);
    live.$client.close();
    // A disk fault: the first pages, the schema among them, no longer hold a database.
    const damaged = readFileSync(scratch.file);
    damaged.fill("garbage", 100, Math.min(damaged.length, 3 * 4096));
    writeFileSync(scratch.file, damaged);
    expect(() => openDatabase(scratch.file)).toThrow(/malformed|not a database/);

    const result = await quash(scratch.file, ["db", "restore", target]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /The current database does not open \(it is damaged\); kept its file as it was, as .*quash\.db\.before-restore-/,
    );
    live = openDatabase(scratch.file);
    expect(slugs(live)).toEqual(["before-backup"]);
    const kept = readdirSync(scratch.dir).find((f) => f.startsWith("quash.db.before-restore-") && !f.endsWith("-wal"))!;
    expect(readFileSync(join(scratch.dir, kept)).equals(damaged)).toBe(true);
  });

  it("gives back the job leases a restored database holds, so today's runner takes those jobs at once", async () => {
    const repository = createJobsRepository(live);
    repository.ensure("backup", "every 86400s", "2026-11-21T20:00:00.000Z", "2026-11-21T20:00:00.000Z");
    repository.ensure("rss", "every 900s", "2026-11-21T20:00:00.000Z", "2026-11-21T20:00:00.000Z");
    // The scheduled backup is taken inside its own job's run, so its copy holds that run's lease.
    // The lease runs far into the future, as a restore soon after the backup would find it.
    expect(repository.claimDue("backup", "vm:1234:gone", "2026-11-21T20:00:01.000Z", "2999-01-01T00:00:00.000Z")).toBe(true);
    const target = join(scratch.dir, "copy.db");
    await quash(scratch.file, ["db", "backup", target]);
    live.$client.close();
    const result = await quash(scratch.file, ["db", "restore", target]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Released 1 job lease held when the backup was taken");
    live = openDatabase(scratch.file);
    expect(
      createJobsRepository(live)
        .all()
        .map((row) => [row.name, row.leaseOwner]),
    ).toEqual([
      ["backup", null],
      ["rss", null],
    ]);
  });

  it("restores consistently even while another process (the server) has the database open", async () => {
    const target = join(scratch.dir, "copy.db");
    await quash(scratch.file, ["db", "backup", target]);
    insertCase(live, { slug: "after-backup" });
    expect((await quash(scratch.file, ["db", "restore", target])).code).toBe(0);
    // The open connection sees the restored database and can go on writing to it.
    expect(slugs(live)).toEqual(["before-backup"]);
    insertCase(live, { slug: "after-restore" });
    expect(live.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(slugs(live)).toEqual(["after-restore", "before-backup"]);
  });

  it("refuses a file that is not a database and keeps the current one", async () => {
    live.$client.close();
    const bogus = join(scratch.dir, "notes.db");
    writeFileSync(bogus, "these are not the pages of a SQLite database\n".repeat(100));
    const result = await quash(scratch.file, ["db", "restore", bogus]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("notes.db");
    live = openDatabase(scratch.file);
    expect(slugs(live)).toEqual(["before-backup"]);
  });

  it("refuses a SQLite file that is not a Quash database, and a missing file", async () => {
    live.$client.close();
    const other = join(scratch.dir, "other.db");
    const db = new Database(other);
    db.exec("CREATE TABLE notes (text TEXT)");
    db.close();
    const result = await quash(scratch.file, ["db", "restore", other]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("is not a Quash database");
    expect((await quash(scratch.file, ["db", "restore", join(scratch.dir, "missing.db")])).stderr).toContain("does not exist");
    live = openDatabase(scratch.file);
    expect(slugs(live)).toEqual(["before-backup"]);
  });

  it("will not back up onto the live database", async () => {
    const result = await quash(scratch.file, ["db", "backup", scratch.file]);
    expect(result.code).toBe(2);
    expect(slugs(live)).toEqual(["before-backup"]);
  });

  it("writes a manifest beside the backup and checks the copy against it", async () => {
    const target = join(scratch.dir, "copy.db");
    const result = await quash(scratch.file, ["db", "backup", target]);
    expect(result.stdout).toMatch(/manifest .*copy\.db\.manifest\.json\); checked: \d+ rows in \d+ tables match, integrity ok$/);
    expect(JSON.parse(readFileSync(`${target}.manifest.json`, "utf8")).tables.cases.rows).toBe(1);
  });

  it("quash db drill: proves a backup opens, matches what it was taken from and upgrades, and says what is wrong when not", async () => {
    const target = join(scratch.dir, "copy.db");
    await quash(scratch.file, ["db", "backup", target]);
    const good = await quash(scratch.file, ["db", "drill", target]);
    expect(good.code).toBe(0);
    expect(good.lines).toEqual([
      `Restore drill of ${target}:`,
      "  integrity_check: ok",
      expect.stringMatching(/^ {2}contents: \d+ rows in \d+ tables; they match the manifest taken with the backup$/),
      expect.stringMatching(/^ {2}migrations: (\d+) in the backup, \1 in this code; a restored copy opens and is at \1$/),
      "The drill passed: this backup can be restored.",
    ]);

    const altered = new Database(target);
    altered.prepare("DELETE FROM cases").run();
    altered.close();
    const bad = await quash(scratch.file, ["db", "drill", target]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("they differ from the manifest: cases: 0 rows, the manifest says 1");
    expect(bad.stderr).toMatch(/^The drill failed: its contents differ from its manifest/);

    // A damaged copy: it says the file does not open, and that its manifest could not be compared.
    const damaged = join(scratch.dir, "damaged.db");
    const bytes = readFileSync(target);
    bytes.fill("garbage", 100, Math.min(bytes.length, 3 * 4096));
    writeFileSync(damaged, bytes);
    writeFileSync(`${damaged}.manifest.json`, readFileSync(`${target}.manifest.json`));
    const broken = await quash(scratch.file, ["db", "drill", damaged]);
    expect(broken.code).toBe(1);
    expect(broken.lines).toEqual([
      `Restore drill of ${damaged}:`,
      expect.stringMatching(/^ {2}opens: no \(.+\)$/),
      "  manifest: present, but there is nothing readable to compare it with",
    ]);
    expect(broken.stderr).toMatch(/^The drill failed: it does not open as a SQLite database: /);

    // A backup that fails its drill is not restored, and the live database stays as it was.
    live.$client.close();
    const refused = await quash(scratch.file, ["db", "restore", target]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("failed its restore drill, so nothing was restored");
    live = openDatabase(scratch.file);
    expect(slugs(live)).toEqual(["before-backup"]);
  });
});
