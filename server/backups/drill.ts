import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspectDatabaseFile, integrityCheck } from "../../db/backup-file";
import { closeDatabase, openDatabase } from "../../db/client";
import { appliedMigrations, shippedMigrations } from "../../db/migration-level";
import { differences, manifestFileOf, readManifest } from "./manifest";

/** What a restore drill found; `problems` empty means the backup is good to restore. */
export type DrillReport = {
  file: string;
  /** Why the file does not open as a SQLite database, or null when it does. */
  unreadable: string | null;
  integrity: string;
  /** "unchecked": there is a manifest, but the file could not be read to compare with it. */
  manifest: "matches" | "differs" | "missing" | "unchecked";
  differences: string[];
  tables: number;
  rows: number;
  migrations: { inBackup: number; afterUpgrade: number | null; shipped: number };
  problems: string[];
};

/** Tables every Quash database has had since its first migration: a file without them is some other database. */
const QUASH_TABLES = ["__drizzle_migrations", "cases", "docket_entries", "revisions"];

/**
 * A restore drill, done on copies so nothing live is touched: the backup opens and passes
 * SQLite's integrity_check; its tables hold exactly what its manifest says the database held
 * when it was taken (row counts and contents hash per table, migrations applied); and a scratch
 * copy of it opens through the app's own openDatabase, is brought up to this code's migrations
 * and passes integrity_check again — which is what a restore does.
 */
export function drillBackup(file: string): DrillReport {
  const report: DrillReport = {
    file,
    unreadable: null,
    integrity: "not checked",
    manifest: "missing",
    differences: [],
    tables: 0,
    rows: 0,
    migrations: { inBackup: 0, afterUpgrade: null, shipped: shippedMigrations() },
    problems: [],
  };
  if (!existsSync(file)) {
    report.problems.push(`${file} does not exist`);
    return report;
  }
  const manifest = readManifest(file);
  if (manifest) report.manifest = "unchecked";
  try {
    const { integrity, contents } = inspectDatabaseFile(file);
    report.integrity = integrity;
    if (report.integrity !== "ok") report.problems.push(`integrity_check says: ${report.integrity}`);
    report.tables = Object.keys(contents.tables).length;
    report.rows = Object.values(contents.tables).reduce((sum, t) => sum + t.rows, 0);
    report.migrations.inBackup = contents.migrations;
    const missing = QUASH_TABLES.filter((name) => !(name in contents.tables));
    if (missing.length) {
      report.problems.push(`it is not a Quash database (no ${missing.join(", ")} table${missing.length > 1 ? "s" : ""})`);
      return report;
    }
    if (!manifest)
      report.problems.push(
        `no manifest beside it (${manifestFileOf(file)}), so its contents cannot be checked against what it was taken from`,
      );
    else {
      report.differences = differences(manifest, contents);
      report.manifest = report.differences.length ? "differs" : "matches";
      if (report.differences.length)
        report.problems.push(`its contents differ from its manifest: ${report.differences.slice(0, 5).join("; ")}`);
    }
  } catch (error) {
    report.unreadable = error instanceof Error ? error.message : String(error);
    report.problems.push(`it does not open as a SQLite database: ${report.unreadable}`);
    return report;
  }
  if (report.migrations.inBackup > report.migrations.shipped) {
    report.problems.push(
      `it was made by newer code (${report.migrations.inBackup} migrations; this code ships ${report.migrations.shipped})`,
    );
    return report;
  }
  const scratch = mkdtempSync(join(tmpdir(), "quash-drill-"));
  try {
    const copy = join(scratch, "restored.db");
    copyFileSync(file, copy);
    const restored = openDatabase(copy);
    try {
      report.migrations.afterUpgrade = appliedMigrations(restored);
      const integrity = integrityCheck(restored);
      if (integrity !== "ok") report.problems.push(`after the upgrade a restored copy's integrity_check says: ${integrity}`);
    } finally {
      closeDatabase(restored);
    }
  } catch (error) {
    report.problems.push(`a restored copy does not open: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return report;
}
