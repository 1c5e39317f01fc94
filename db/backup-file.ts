import { createHash } from "node:crypto";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import type { Db } from "./client";
import { migrationsRecordedIn } from "./migration-level";

/*
 * What backups and restore drills do with a database file at SQLite's level (the raw driver
 * stays in db/): copy a live file within one read snapshot, and read a file's contents figures.
 */

/** Every table's row count and the SHA-256 of its rows in rowid order, and the migrations recorded. */
export type DatabaseContents = { migrations: number; tables: Record<string, { rows: number; sha256: string }> };

/** Full-text index tables (`*_fts` and their shadow tables) are rebuilt from the tables hashed here. */
const DERIVED = /_fts($|_)/;

/** The contents figures as the connection's current transaction sees them. */
function contentsOf(sqlite: Database.Database): DatabaseContents {
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const tables: DatabaseContents["tables"] = {};
  for (const name of names.filter((n) => !DERIVED.test(n))) {
    const hash = createHash("sha256");
    let rows = 0;
    for (const row of sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().iterate()) {
      hash.update(
        JSON.stringify(row, (_key, value: unknown) =>
          Buffer.isBuffer(value) ? value.toString("base64") : typeof value === "bigint" ? String(value) : value,
        ),
      );
      hash.update("\n");
      rows += 1;
    }
    tables[name] = { rows, sha256: hash.digest("hex") };
  }
  return { migrations: migrationsRecordedIn(sqlite), tables };
}

/**
 * Copies the database at `source` to `target` while others write to it, and says what the copy
 * holds. A connection of its own opens a read transaction, so the figures and SQLite's online
 * backup of the pages see one snapshot; commits made meanwhile go on into the WAL and are not in
 * the copy. The copy is then a rollback-journal file: one self-contained file that opens
 * read-only without leaving -wal and -shm files beside it (openDatabase turns WAL back on).
 */
export async function copyDatabaseFile(source: string, target: string): Promise<DatabaseContents> {
  const reader = new Database(source, { readonly: true, fileMustExist: true });
  let contents: DatabaseContents;
  try {
    reader.exec("BEGIN");
    contents = contentsOf(reader);
    // One step for every page: nothing between steps for another writer to restart the copy over.
    await reader.backup(target, { progress: () => 1_000_000 });
    reader.exec("COMMIT");
  } finally {
    reader.close();
  }
  const copy = new Database(target);
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  return contents;
}

/** Opens a file read-only and reads its integrity_check and its contents figures; throws when it is no database. */
export function inspectDatabaseFile(file: string): { integrity: string; contents: DatabaseContents } {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return { integrity: String(sqlite.pragma("integrity_check", { simple: true })), contents: contentsOf(sqlite) };
  } finally {
    sqlite.close();
  }
}

/** What a restore found in the file it replaced. */
export type ReplacedDatabase = "absent" | "sound" | "damaged";

/** SQLite's answer when a file's pages are not a database it can read. */
function isDamage(error: unknown): boolean {
  return error instanceof Error && /^SQLITE_(CORRUPT|NOTADB)/.test(String((error as { code?: unknown }).code ?? ""));
}

async function copyInto(source: string, target: string): Promise<void> {
  const from = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await from.backup(target);
  } finally {
    from.close();
  }
}

/**
 * Puts the database file at `source` in place of the one at `target`, page by page through
 * SQLite's backup, so a connection another process holds on `target` sees the restored pages
 * (and its WAL is rewritten with them, not left to replay over them). What was at `target` is
 * kept at `keep` first, so a restore never loses it: a sound database as a consistent copy; a
 * damaged one — the usual reason to restore, and one SQLite cannot copy or write into — byte
 * for byte as it was (with its -wal beside it, for a recovery tool), before a fresh file takes
 * its place.
 */
export async function replaceDatabaseFile(source: string, target: string, keep: string): Promise<ReplacedDatabase> {
  if (!existsSync(target)) {
    await copyInto(source, target);
    return "absent";
  }
  try {
    const live = new Database(target, { fileMustExist: true });
    try {
      await live.backup(keep);
      live.pragma("wal_checkpoint(TRUNCATE)");
    } finally {
      live.close();
    }
    await copyInto(source, target);
    return "sound";
  } catch (error) {
    if (!isDamage(error)) throw error;
  }
  for (const suffix of ["", "-wal"]) {
    rmSync(`${keep}${suffix}`, { force: true });
    if (existsSync(`${target}${suffix}`)) copyFileSync(`${target}${suffix}`, `${keep}${suffix}`);
  }
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${target}${suffix}`, { force: true });
  await copyInto(source, target);
  return "damaged";
}

/** SQLite's integrity_check of an open database ("ok" when sound). */
export function integrityCheck(db: Db): string {
  return String(db.$client.pragma("integrity_check", { simple: true }));
}
