import { mkdtempSync, rmSync } from "node:fs";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client";
import { createAccounts } from "../../server/auth/accounts";
import { createAuthRepository } from "../../server/auth/repository";
import { listScheduledBackups } from "../../server/backups/retention";
import { createRecordStore } from "../../server/records/store";
import { systemClock } from "../../server/shared/clock";
import { insertUser } from "../support/auth";
import { requestJson, spawnServer, type ChildServer } from "../support/child-server";
import { runCli } from "../support/cli";

/*
 * Issue 9's backup proof: while a real server process takes concurrent write API requests, an
 * operator's `quash db backup` and the scheduled backup job (`quash jobs run backup`, the code
 * the server's runner runs) each copy the live database; each copy passes the restore drill,
 * and restored (`quash db restore`) it holds every write acknowledged before the backup
 * started, exactly once. Writes go on throughout; the figures are printed.
 */
type Ack = { marker: string; at: number };

describe("backup and restore under concurrent writes", () => {
  const dir = mkdtempSync(join(tmpdir(), "quash-backup-"));
  const file = join(dir, "quash.db");
  const backupDir = join(dir, "backups");
  let server: ChildServer | undefined;
  afterAll(async () => {
    await server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it("restores every write acknowledged before each backup started, from a manual backup and a scheduled one", async () => {
    const setup = openDatabase(file);
    createRecordStore(setup, systemClock).insert(
      "case",
      { slug: "backup", label: "Backup v. Writes", caption: "Backup v. Writes", group: "out_of_scope" },
      { actor: { userId: null, label: "test" } },
    );
    await insertUser(setup, { email: "editor@example.org", role: "editor" });
    const token = createAccounts(createAuthRepository(setup), systemClock).createToken("editor@example.org", "backup test").token;
    setup.$client.close();
    const env = {
      DATABASE_FILE: file,
      DATA_DIR: join(dir, "data"),
      BACKUP_DIR: backupDir,
      BACKUP_INTERVAL_HOURS: "24",
      BACKUP_KEEP: "3",
      LOG_LEVEL: "silent",
    };

    // The server runs no jobs of its own here, so the scheduled backup is taken exactly when the test says.
    server = await spawnServer({ ...env, JOB_RUNNER: "off", LOG_LEVEL: "error" });
    const base = await server.start();
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const acknowledged: Ack[] = [];
    let writing = true;
    const writer = async (client: number) => {
      for (let n = 0; writing; n++) {
        const marker = `backup c${client} n${n}`;
        const res = await requestJson(
          agent,
          `${base}/api/v1/cases/backup/entries`,
          "POST",
          { authorization: `Bearer ${token}` },
          { dateFiled: "2025-09-18", description: marker },
        );
        if (res.status !== 201) throw new Error(`write ${marker} answered ${res.status}: ${server?.output().slice(-3000)}`);
        acknowledged.push({ marker, at: performance.now() });
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    const waitForAcks = async (n: number) => {
      while (acknowledged.length < n) await new Promise((resolve) => setTimeout(resolve, 20));
    };

    const cliEnv = { ...env, JOB_RUNNER: "off" };
    const backups: { how: string; file: string; before: string[]; during: number }[] = [];
    for (const [how, args] of [
      ["quash db backup", ["db", "backup", join(dir, "manual.db")]],
      ["scheduled job (quash jobs run backup)", ["jobs", "run", "backup"]],
    ] as const) {
      await waitForAcks(acknowledged.length + 20);
      const before = acknowledged.map((a) => a.marker);
      const started = performance.now();
      const result = await runCli([...args], { env: cliEnv });
      expect(result.code, `${how}: ${result.stdout} ${result.stderr}`).toBe(0);
      const during = acknowledged.filter((a) => a.at >= started).length;
      const target = how.startsWith("quash db") ? join(dir, "manual.db") : listScheduledBackups(backupDir)[0]!.file;
      backups.push({ how, file: target, before, during });
    }
    await waitForAcks(acknowledged.length + 10);
    writing = false;
    await Promise.all(writers);
    agent.destroy();
    await server.stop();
    server = undefined;

    const lines: string[] = [];
    for (const backup of backups) {
      const drill = await runCli(["db", "drill", backup.file], { env: cliEnv });
      expect(drill.code, `${backup.how}: ${drill.stdout}\n${drill.stderr}`).toBe(0);
      // Restored over the live database, as an operator would (the live one is kept beside it).
      const restore = await runCli(["db", "restore", backup.file], { env: cliEnv });
      expect(restore.code, restore.stderr).toBe(0);
      const restored = new Database(file, { readonly: true });
      const count = restored.prepare("SELECT count(*) FROM docket_entries WHERE description = ?").pluck();
      const missing = backup.before.filter((marker) => (count.get(marker) as number) !== 1);
      const total = restored.prepare("SELECT count(*) FROM docket_entries").pluck().get() as number;
      expect(restored.pragma("integrity_check", { simple: true })).toBe("ok");
      restored.close();
      expect(missing, backup.how).toEqual([]);
      // The copy is a snapshot: writes acknowledged after it began are not all in it, and that is the point of taking it online.
      lines.push(
        `${backup.how}: ${backup.before.length} writes acknowledged before it started, ${missing.length} missing after restore; ${backup.during} more acknowledged while it ran; ${total} entries restored`,
      );
    }
    console.log(`backup under writes: ${acknowledged.length} writes acknowledged in all\n  ${lines.join("\n  ")}`);
    // Each copy was taken online: the server kept acknowledging writes while it ran.
    expect(backups.map((b) => [b.how, b.during > 0])).toEqual(backups.map((b) => [b.how, true]));
  }, 300_000);
});
