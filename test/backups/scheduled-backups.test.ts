import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { openDatabase, type Db } from "../../db/client";
import { buildApp } from "../../server/app";
import { drillBackup } from "../../server/backups/drill";
import { manifestFileOf, readManifest } from "../../server/backups/manifest";
import { BACKUP_JOB } from "../../server/backups/job";
import { listScheduledBackups } from "../../server/backups/retention";
import { loadConfig, testConfig, type Config } from "../../server/config";
import { insertUser, signIn } from "../support/auth";
import { insertCase } from "../support/factories";
import { movableClock } from "../jobs/support/clock";

const START = "2026-11-21T20:00:00.000Z";
const HOUR = 60 * 60 * 1000;

describe("scheduled backups: BACKUP_DIR, interval and retention through the job runner", () => {
  let dir: string;
  let app: FastifyInstance;
  let db: Db;
  let clock: ReturnType<typeof movableClock>;

  async function start(backups: Config["backups"], overrides: Partial<Config> = {}) {
    clock = movableClock(START);
    db = openDatabase(join(dir, "quash.db"));
    if (!db.$client.prepare("SELECT 1 FROM cases").get()) insertCase(db, { slug: "doe" });
    app = await buildApp({
      config: testConfig({ databaseFile: join(dir, "quash.db"), dataDir: join(dir, "data"), backups, ...overrides }),
      db,
      clock,
    });
    await app.ready();
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "quash-backups-"));
  });
  afterEach(async () => {
    await app?.close();
    db?.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads BACKUP_DIR, BACKUP_INTERVAL_HOURS and BACKUP_KEEP from the environment; off without BACKUP_DIR", () => {
    expect(loadConfig({}).backups).toBeNull();
    expect(loadConfig({ BACKUP_DIR: "backups" }).backups).toEqual({ dir: join(process.cwd(), "backups"), intervalHours: 24, keep: 14 });
    expect(loadConfig({ BACKUP_DIR: "/b", BACKUP_INTERVAL_HOURS: "6", BACKUP_KEEP: "3" }).backups).toEqual({
      dir: "/b",
      intervalHours: 6,
      keep: 3,
    });
    expect(() => loadConfig({ BACKUP_DIR: "/b", BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP/);
    expect(() => loadConfig({ BACKUP_DIR: "/b", BACKUP_INTERVAL_HOURS: "soon" })).toThrow(/BACKUP_INTERVAL_HOURS/);
  });

  it("takes the first backup at once, checks it, names it by time with its manifest, and runs again one interval later", async () => {
    const backupDir = join(dir, "backups");
    await start({ dir: backupDir, intervalHours: 6, keep: 14 });
    const [first] = await app.jobs.runDue();
    expect(first).toMatchObject({ ran: true, ok: true, nextRunAt: "2026-11-22T02:00:00.000Z" });
    expect(first!.ran && first!.ok && first!.summary).toMatch(
      /^quash-20261121T200000Z\.db, \d+ KB, \d+ rows in \d+ tables; checked: integrity ok, contents match, opens and upgrades$/,
    );
    const [backup] = listScheduledBackups(backupDir);
    expect(backup!.name).toBe("quash-20261121T200000Z.db");
    expect(existsSync(manifestFileOf(backup!.file))).toBe(true);
    expect(readManifest(backup!.file)!.tables["cases"]!.rows).toBe(1);
    expect(drillBackup(backup!.file).problems).toEqual([]);
    expect(readdirSync(backupDir).some((name) => name.endsWith(".partial"))).toBe(false);

    expect(await app.jobs.runDue()).toEqual([]);
    clock.advance(6 * HOUR);
    expect(await app.jobs.runDue()).toHaveLength(1);
    expect(listScheduledBackups(backupDir).map((b) => b.name)).toEqual(["quash-20261122T020000Z.db", "quash-20261121T200000Z.db"]);
  });

  it("keeps the newest BACKUP_KEEP and deletes older ones with their manifests, never other files", async () => {
    const backupDir = join(dir, "backups");
    await start({ dir: backupDir, intervalHours: 1, keep: 2 });
    await app.jobs.runDue();
    writeFileSync(join(backupDir, "operator-notes.txt"), "mine");
    writeFileSync(join(backupDir, "quash-before-upgrade.db"), "mine too");
    for (let i = 0; i < 3; i++) {
      clock.advance(HOUR);
      await app.jobs.runDue();
    }
    expect(listScheduledBackups(backupDir).map((b) => b.name)).toEqual(["quash-20261121T230000Z.db", "quash-20261121T220000Z.db"]);
    expect(readdirSync(backupDir).sort()).toEqual([
      "operator-notes.txt",
      "quash-20261121T220000Z.db",
      "quash-20261121T220000Z.db.manifest.json",
      "quash-20261121T230000Z.db",
      "quash-20261121T230000Z.db.manifest.json",
      "quash-before-upgrade.db",
    ]);
  });

  it("is not registered without BACKUP_DIR, and cannot back up an in-memory database", async () => {
    await start(null);
    expect(app.jobs.list().map((j) => j.name)).not.toContain(BACKUP_JOB);
  });

  it("fails the run, in words for staff, when the directory cannot be written; the older backups stay", async () => {
    const backupDir = join(dir, "backups");
    await start({ dir: backupDir, intervalHours: 1, keep: 5 });
    await app.jobs.runDue();
    const file = listScheduledBackups(backupDir)[0]!.file;
    const backupDirAsFile = join(dir, "not-a-directory");
    writeFileSync(backupDirAsFile, "x");
    await app.close();
    db.$client.close();
    await start({ dir: backupDirAsFile, intervalHours: 1, keep: 5 });
    const outcome = await app.jobs.runNow(BACKUP_JOB);
    expect(outcome).toMatchObject({ ran: true, ok: false });
    expect(app.jobs.list().find((j) => j.name === BACKUP_JOB)!.lastError).toMatch(/not-a-directory|EEXIST|ENOTDIR/);
    expect(existsSync(file)).toBe(true);
    const health = await app.inject("/health");
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: "degraded", backup: "failing" });
    expect(health.body).not.toContain("not-a-directory");
  });

  it("the drill finds a backup altered after it was taken, one with no manifest, a damaged file and one made by newer code", async () => {
    const backupDir = join(dir, "backups");
    await start({ dir: backupDir, intervalHours: 1, keep: 5 });
    await app.jobs.runDue();
    const file = listScheduledBackups(backupDir)[0]!.file;

    const altered = new Database(file);
    altered.prepare("UPDATE cases SET label = 'changed after the backup'").run();
    altered.close();
    const changed = drillBackup(file);
    expect(changed.manifest).toBe("differs");
    expect(changed.differences).toEqual(["cases: same 1 rows, different contents"]);

    rmSync(manifestFileOf(file));
    expect(drillBackup(file).problems[0]).toMatch(/^no manifest beside it/);

    const newer = new Database(file);
    newer.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 4102444800000)").run();
    newer.close();
    expect(drillBackup(file).problems.join(" ")).toMatch(/made by newer code/);

    writeFileSync(file, Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(4096, 0x41)]));
    expect(drillBackup(file).problems.join(" ")).toMatch(/does not open|integrity|malformed|not a database/i);
  });

  it("signed-in staff see the backup job on /health with its last result; the public sees one word", async () => {
    const backupDir = join(dir, "backups");
    await start({ dir: backupDir, intervalHours: 1, keep: 5 });
    await app.jobs.runDue();
    await insertUser(db, { email: "viewer@example.org", role: "viewer" });
    const cookie = await signIn(app, "viewer@example.org");
    const staff = (await app.inject({ url: "/health", headers: { cookie } })).json();
    expect(staff.backup).toBe("ok");
    expect(staff.detail.backup).toMatchObject({
      dir: backupDir,
      intervalHours: 1,
      keep: 5,
      lastSuccessAt: START,
      stored: [{ name: "quash-20261121T200000Z.db" }],
    });
    const open = (await app.inject("/health")).json();
    expect(open).toEqual({ status: "ok", database: "ok", jobs: "off", backup: "ok", checkedAt: START });
    expect(JSON.stringify(open)).not.toContain(dir);
  });
});
