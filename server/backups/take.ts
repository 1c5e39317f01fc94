import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { copyDatabaseFile } from "../../db/backup-file";
import { manifestFileOf, writeManifest, type BackupManifest } from "./manifest";

export type TakenBackup = { file: string; bytes: number; manifest: BackupManifest };

/** Flushes a file (or a directory's entry list) to the disk, so a backup reported made survives a power cut. */
function syncToDisk(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * A consistent online copy of the database file at `databaseFile`, safe while the server
 * writes, with its manifest (db/backup-file.ts reads both in one snapshot). The copy is written
 * under a `.partial` name, flushed, and renamed: a file with the final name is always a whole
 * backup. The manifest beside it is written last, so a backup with a manifest is complete.
 */
export async function takeBackup(databaseFile: string, target: string, takenAt: string): Promise<TakenBackup> {
  const partial = `${target}.partial`;
  let manifest: BackupManifest;
  try {
    manifest = { takenAt, source: databaseFile, ...(await copyDatabaseFile(databaseFile, partial)) };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  syncToDisk(partial);
  renameSync(partial, target);
  writeManifest(target, manifest);
  syncToDisk(manifestFileOf(target));
  syncToDisk(dirname(target));
  return { file: target, bytes: statSync(target).size, manifest };
}
