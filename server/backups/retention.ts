import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { manifestFileOf } from "./manifest";

/** Scheduled backups are named for the moment they were taken, so the names sort by age. */
const SCHEDULED = /^quash-\d{8}T\d{6}Z\.db$/;

/** `quash-20261121T200000Z.db` for 2026-11-21T20:00:00.000Z. */
export function scheduledBackupName(takenAt: string): string {
  return `quash-${takenAt.replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z")}.db`;
}

export type StoredBackup = { name: string; file: string; bytes: number };

/** The scheduled backups in `dir`, newest first; other files there are not Quash's to touch. */
export function listScheduledBackups(dir: string): StoredBackup[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => SCHEDULED.test(name))
    .sort()
    .reverse()
    .map((name) => ({ name, file: join(dir, name), bytes: statSync(join(dir, name)).size }));
}

/** Deletes the scheduled backups (and their manifests) past the newest `keep`; returns what it deleted. */
export function pruneScheduledBackups(dir: string, keep: number): StoredBackup[] {
  const old = listScheduledBackups(dir).slice(keep);
  for (const backup of old) {
    for (const path of [backup.file, manifestFileOf(backup.file), `${backup.file}-wal`, `${backup.file}-shm`])
      rmSync(path, { force: true });
  }
  return old;
}
