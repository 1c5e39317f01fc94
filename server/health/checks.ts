import type { FastifyInstance } from "fastify";
import { appliedMigrations, shippedMigrations } from "../../db/migration-level";
import { BACKUP_JOB } from "../backups/job";
import { listScheduledBackups } from "../backups/retention";

/*
 * Is this tracker fine: the database answers and is on this code's schema, the background jobs
 * run, and the last scheduled backup is recent and passed its drill. The public gets one word
 * per part; staff get the figures behind them (server/health/routes.ts decides who is who).
 */

export type DatabaseHealth = "ok" | "behind" | "failing";
/** "off": this process does not run jobs (JOB_RUNNER=off); "stopped": it should, but its runner is not running. */
export type JobsHealth = "ok" | "off" | "stopped" | "overdue" | "failing";
/** "off": no BACKUP_DIR; "pending": configured, first backup not yet due to have run. */
export type BackupHealth = "ok" | "off" | "pending" | "overdue" | "failing";

export type PublicHealth = {
  status: "ok" | "degraded" | "failing";
  database: DatabaseHealth;
  jobs: JobsHealth;
  backup: BackupHealth;
  checkedAt: string;
};

/** A job may be this late (past its next run, with no runner holding it) before it counts as overdue. */
const GRACE_MS = 10 * 60 * 1000;

export function checkHealth(app: FastifyInstance) {
  const now = Date.parse(app.clock.now());
  const checkedAt = new Date(now).toISOString();
  const { config } = app;

  let database: DatabaseHealth = "ok";
  let migrations = { applied: 0, shipped: shippedMigrations() };
  try {
    migrations = { applied: appliedMigrations(app.db), shipped: migrations.shipped };
    if (migrations.applied < migrations.shipped) database = "behind";
  } catch (error) {
    database = "failing";
    app.log.error({ err: error }, "health: the database does not answer");
  }

  // The runner's state is read from the jobs table: with no database there is none to read.
  const rows = database === "failing" ? [] : app.jobs.list();
  const runner = database === "failing" ? { started: false, owner: null, running: [] as string[] } : app.jobs.health(GRACE_MS);
  const late = (row: (typeof rows)[number]) => !row.leaseOwner && Date.parse(row.nextRunAt) < now - GRACE_MS;
  let jobs: JobsHealth = "ok";
  if (rows.some((row) => row.registered && row.attempts > 0)) jobs = "failing";
  else if (rows.some((row) => row.registered && late(row))) jobs = "overdue";
  else if (!config.jobRunner) jobs = "off";
  else if (!runner.started) jobs = "stopped";

  let backup: BackupHealth = "off";
  const backupRow = rows.find((row) => row.name === BACKUP_JOB);
  if (config.backups) {
    const intervalMs = config.backups.intervalHours * 60 * 60 * 1000;
    const lastSuccess = backupRow?.lastSuccessAt ? Date.parse(backupRow.lastSuccessAt) : null;
    if (backupRow && backupRow.attempts > 0) backup = "failing";
    else if (lastSuccess !== null) backup = lastSuccess >= now - 2 * intervalMs - GRACE_MS ? "ok" : "overdue";
    else backup = backupRow && Date.parse(backupRow.createdAt) >= now - GRACE_MS ? "pending" : "overdue";
  }

  const status: PublicHealth["status"] =
    database !== "ok"
      ? "failing"
      : ["failing", "overdue", "stopped"].includes(jobs) || ["failing", "overdue"].includes(backup)
        ? "degraded"
        : "ok";
  const summary: PublicHealth = { status, database, jobs, backup, checkedAt };

  /** What staff (and the log) get besides: the figures behind each word. Never sent to the public. */
  const detail = () => ({
    database: { file: config.databaseFile, migrations },
    jobs: {
      runner: { enabled: config.jobRunner, started: runner.started, owner: runner.owner, running: runner.running },
      list: rows.map((row) => ({
        name: row.name,
        schedule: row.schedule,
        nextRunAt: row.nextRunAt,
        lastSuccessAt: row.lastSuccessAt,
        lastResult: row.lastResult,
        failuresInARow: row.attempts,
        lastError: row.lastError,
        lastErrorAt: row.lastErrorAt,
      })),
    },
    backup: config.backups
      ? {
          dir: config.backups.dir,
          intervalHours: config.backups.intervalHours,
          keep: config.backups.keep,
          lastSuccessAt: backupRow?.lastSuccessAt ?? null,
          lastResult: backupRow?.lastResult ?? null,
          lastError: backupRow?.lastError ?? null,
          nextRunAt: backupRow?.nextRunAt ?? null,
          stored: listScheduledBackups(config.backups.dir).map(({ name, bytes }) => ({ name, bytes })),
        }
      : null,
  });
  return { summary, detail };
}
