import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { contentsOf, manifestFileOf, writeManifest, type BackupManifest } from "./manifest";

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
 * writes. A connection of its own opens a read transaction, so everything below sees one
 * snapshot: the manifest's figures, then SQLite's backup of the pages (the server's commits
 * carry on meanwhile, into the WAL, and are not in this copy). The copy is written under a
 * `.partial` name, flushed, and renamed: a file with the final name is always a whole backup.
 * The manifest beside it is written last, so a backup with a manifest is complete.
 */
export async function takeBackup(databaseFile: string, target: string, takenAt: string): Promise<TakenBackup> {
  const partial = `${target}.partial`;
  const source = new Database(databaseFile, { readonly: true, fileMustExist: true });
  let manifest: BackupManifest;
  try {
    source.exec("BEGIN");
    manifest = { takenAt, source: databaseFile, ...contentsOf(source) };
    // One step for every page: nothing between steps for another writer to restart the copy over.
    await source.backup(partial, { progress: () => 1_000_000 });
    source.exec("COMMIT");
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    source.close();
  }
  // The copy inherits WAL mode; as a rollback-journal file it is one self-contained file that
  // opens read-only without leaving -wal and -shm files beside it. A restore turns WAL back on.
  const copy = new Database(partial);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  syncToDisk(partial);
  renameSync(partial, target);
  writeManifest(target, manifest);
  syncToDisk(manifestFileOf(target));
  syncToDisk(dirname(target));
  return { file: target, bytes: statSync(target).size, manifest };
}
