import { readFileSync, writeFileSync } from "node:fs";
import type { DatabaseContents } from "../../db/backup-file";

/**
 * What a backup held when it was taken, written beside it (`<backup>.manifest.json`): every
 * table's row count and the SHA-256 of its rows in rowid order, and the migrations applied.
 * It is read on the source inside the same read transaction the copy is made in, so a drill
 * that finds the same figures in the backup proves the copy is what the database held.
 */
export type BackupManifest = DatabaseContents & {
  takenAt: string;
  /** The database the backup was taken from, as the operator configured it. */
  source: string;
};

export const manifestFileOf = (backupFile: string) => `${backupFile}.manifest.json`;

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

/** Where two sets of figures differ, one line each ("cases: 12 rows, the manifest says 13"); empty when equal. */
export function differences(expected: DatabaseContents, actual: DatabaseContents): string[] {
  const out: string[] = [];
  if (expected.migrations !== actual.migrations)
    out.push(`migrations: ${actual.migrations} applied, the manifest says ${expected.migrations}`);
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
