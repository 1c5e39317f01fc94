import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import type Database from "better-sqlite3";
import { appliedMigrations } from "../../db/migration-level";

/**
 * What a backup held when it was taken, written beside it (`<backup>.manifest.json`): every
 * table's row count and the SHA-256 of its rows in rowid order, and the migrations applied.
 * It is computed on the source inside the same read transaction the copy is made in, so a
 * drill that finds the same figures in the backup proves the copy is what the database held.
 */
export type BackupManifest = {
  takenAt: string;
  /** The database the backup was taken from, as the operator configured it. */
  source: string;
  migrations: number;
  tables: Record<string, { rows: number; sha256: string }>;
};

/** Full-text index tables (`*_fts` and their shadow tables) are rebuilt from the tables hashed here. */
const DERIVED = /_fts($|_)/;

export const manifestFileOf = (backupFile: string) => `${backupFile}.manifest.json`;

/** The contents figures of a database, read on `sqlite` as its current transaction sees it. */
export function contentsOf(sqlite: Database.Database): Pick<BackupManifest, "migrations" | "tables"> {
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const tables: BackupManifest["tables"] = {};
  for (const name of names.filter((n) => !DERIVED.test(n))) {
    const hash = createHash("sha256");
    let rows = 0;
    for (const row of sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString("base64") : typeof value === "bigint" ? String(value) : value)));
      hash.update("\n");
      rows += 1;
    }
    tables[name] = { rows, sha256: hash.digest("hex") };
  }
  return { migrations: appliedMigrations(sqlite), tables };
}

export function writeManifest(backupFile: string, manifest: BackupManifest): void {
  writeFileSync(manifestFileOf(backupFile), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readManifest(backupFile: string): BackupManifest | undefined {
  try {
    return JSON.parse(readFileSync(manifestFileOf(backupFile), "utf8")) as BackupManifest;
  } catch {
    return undefined;
  }
}

/** Where two sets of figures differ, one line each ("cases: 12 rows, expected 13"); empty when equal. */
export function differences(expected: Pick<BackupManifest, "migrations" | "tables">, actual: Pick<BackupManifest, "migrations" | "tables">): string[] {
  const out: string[] = [];
  if (expected.migrations !== actual.migrations) out.push(`migrations: ${actual.migrations} applied, the manifest says ${expected.migrations}`);
  for (const name of new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])) {
    const want = expected.tables[name];
    const got = actual.tables[name];
    if (!got) out.push(`${name}: missing from the backup`);
    else if (!want) out.push(`${name}: in the backup but not in the manifest`);
    else if (want.rows !== got.rows) out.push(`${name}: ${got.rows} rows, the manifest says ${want.rows}`);
    else if (want.sha256 !== got.sha256) out.push(`${name}: same ${got.rows} rows, different contents`);
  }
  return out;
}
