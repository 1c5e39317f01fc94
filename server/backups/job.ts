import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { JobDeps } from "../jobs/catalogue";
import type { JobRunner } from "../jobs/runner";
import { sizeText } from "../shared/bytes";
import { drillBackup } from "./drill";
import { manifestFileOf } from "./manifest";
import { pruneScheduledBackups, scheduledBackupName } from "./retention";
import { takeBackup } from "./take";

export const BACKUP_JOB = "backup";

/**
 * Scheduled online backups (BACKUP_DIR, BACKUP_INTERVAL_HOURS, BACKUP_KEEP), as a job on the
 * durable runner: one process takes each backup even with several servers on the database,
 * and a restart neither skips nor repeats one. Each run copies the live database, drills the
 * copy (integrity, contents against its manifest, opens and upgrades), and only then deletes
 * the backups past the newest BACKUP_KEEP; a copy that fails its drill is removed and the run
 * fails, so the health check says so and the older backups stay.
 */
export function registerBackupJob(runner: JobRunner, { config, clock }: JobDeps): void {
  const { backups } = config;
  if (!backups || config.databaseFile === ":memory:") return;
  runner.register({
    name: BACKUP_JOB,
    schedule: { everyMs: Math.round(backups.intervalHours * 60 * 60 * 1000) },
    // A server given BACKUP_DIR for the first time backs up at once, not a day later.
    firstRun: "now",
    leaseMs: 10 * 60 * 1000,
    run: async () => {
      mkdirSync(backups.dir, { recursive: true });
      const takenAt = clock.now();
      const taken = await takeBackup(config.databaseFile, join(backups.dir, scheduledBackupName(takenAt)), takenAt);
      const drill = drillBackup(taken.file);
      if (drill.problems.length > 0) {
        rmSync(taken.file, { force: true });
        rmSync(manifestFileOf(taken.file), { force: true });
        throw new Error(`the new backup failed its check and was removed: ${drill.problems.join("; ")}`);
      }
      const pruned = pruneScheduledBackups(backups.dir, backups.keep);
      return {
        summary: `${scheduledBackupName(takenAt)}, ${sizeText(taken.bytes)}, ${drill.rows} rows in ${drill.tables} tables; checked: integrity ok, contents match, opens and upgrades${pruned.length ? `; ${pruned.length} older removed (keeping ${backups.keep})` : ""}`,
      };
    },
  });
}
