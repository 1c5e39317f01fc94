import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, expect, it } from "vitest";
import { openDatabase } from "../../db/client";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function startWorker(file: string, durationMs: number, label: string): Promise<number> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "support/worker.ts"), file, String(durationMs), label],
    { stdio: "inherit" },
  );
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => resolve(code ?? -1));
  });
}

it("two server processes on one database file never run the same job at once, and together run it on schedule", async () => {
  const dir = mkdtempSync(join(tmpdir(), "quash-jobs-"));
  dirs.push(dir);
  const file = join(dir, "quash.db");
  openDatabase(file).$client.close(); // migrate once, as the first server start would
  const durationMs = 4500;
  const codes = await Promise.all([startWorker(file, durationMs, "process-a"), startWorker(file, durationMs, "process-b")]);
  expect(codes).toEqual([0, 0]);

  const db = new Database(file, { readonly: true });
  const runs = db.prepare("SELECT owner, started, ended FROM job_log ORDER BY started").all() as {
    owner: string;
    started: number;
    ended: number;
  }[];
  const job = db.prepare("SELECT run_count, lease_owner FROM jobs WHERE name = 'shared-poll'").get() as {
    run_count: number;
    lease_owner: string | null;
  };
  db.close();

  // Both processes polled as hard as they could (every 20 ms); the lease let one run at a time.
  expect(runs.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < runs.length; i++) expect(runs[i]!.started).toBeGreaterThanOrEqual(runs[i - 1]!.ended);
  // Once a second (the job's interval, counted from the end of a run), not once a second per process.
  for (let i = 1; i < runs.length; i++) expect(runs[i]!.started - runs[i - 1]!.ended).toBeGreaterThanOrEqual(950);
  expect(job.run_count).toBe(runs.length);
  expect(job.lease_owner).toBeNull();
}, 30_000);
