/**
 * What a backup costs: `takeBackup` (one read snapshot, the manifest's row counts and SHA-256 of
 * every table, SQLite's online copy, the switch to a rollback journal, fsync and rename) and the
 * restore drill that follows it (integrity_check, the figures again, a scratch copy opened and
 * migrated), against the floor under any backup: copying the same file with the operating
 * system and flushing it to the disk as takeBackup does (`copyFileSync` and fsync of a
 * checkpointed file, which is not safe while the server writes).
 * Two databases: the bundled record as `npm start` loads it, and the same with a clinic's few
 * years of docket entries added (BENCH_BACKUP_ENTRIES, 20,000 by default). Passes alternate
 * and the quickest of each counts (a shared machine only ever slows a pass down).
 *
 *   npm run bench:backup     BENCH_BACKUP_ENTRIES=50000 BENCH_PASSES=5 npm run bench:backup
 */
import { closeSync, copyFileSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { closeDatabase, openDatabase } from "../db/client";
import { seedDatabase } from "../seeds/load";
import { drillBackup } from "../server/backups/drill";
import { manifestFileOf } from "../server/backups/manifest";
import { takeBackup } from "../server/backups/take";
import { createRecordStore } from "../server/records/store";
import { systemClock } from "../server/shared/clock";

const EXTRA_ENTRIES = Number(process.env.BENCH_BACKUP_ENTRIES ?? 20_000);
const PASSES = Number(process.env.BENCH_PASSES ?? 5);

export type BackupBenchRow = {
  database: string;
  databaseBytes: number;
  backupBytes: number;
  manifestBytes: number;
  rows: number;
  tables: number;
  /** Best pass, milliseconds. */
  backupMs: number;
  drillMs: number;
  fileCopyMs: number;
};
export type BackupBenchResult = { passes: number; rows: BackupBenchRow[]; loadAverage: number[] };

function syncToDisk(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The bundled record in a file database, with `entries` more docket entries on one case. */
function buildDatabase(file: string, entries: number): void {
  const db = openDatabase(file);
  try {
    seedDatabase(db, { clock: systemClock });
    if (entries > 0) {
      const store = createRecordStore(db, systemClock);
      const actor = { userId: null, label: "bench" };
      db.transaction(() => {
        const kase = store.insert(
          "case",
          { slug: "bench-backup", label: "Bench", caption: "Bench v. Backup", group: "out_of_scope" },
          { actor },
        );
        for (let i = 1; i <= entries; i++) {
          store.insert(
            "entry",
            {
              caseId: kase.id,
              sequence: i,
              number: i,
              dateFiled: "2025-09-18",
              description: `Bench entry ${i}: MOTION to quash subpoena served on Meta Platforms, Inc., with declaration and proposed order`,
            },
            { actor },
          );
        }
      });
    }
    db.$client.pragma("wal_checkpoint(TRUNCATE)");
  } finally {
    closeDatabase(db);
  }
}

async function measure(name: string, dir: string, entries: number): Promise<BackupBenchRow> {
  const file = join(dir, `${name}.db`);
  buildDatabase(file, entries);
  const backup: number[] = [];
  const drill: number[] = [];
  const copy: number[] = [];
  let row: Omit<BackupBenchRow, "backupMs" | "drillMs" | "fileCopyMs"> | undefined;
  for (let pass = 0; pass <= PASSES; pass++) {
    const target = join(dir, `${name}-backup-${pass}.db`);
    const plain = join(dir, `${name}-copy-${pass}.db`);
    const timeCopy = () => {
      const started = performance.now();
      copyFileSync(file, plain);
      syncToDisk(plain);
      syncToDisk(dir);
      return performance.now() - started;
    };
    const copyFirst = pass % 2 === 0;
    const copyMs = copyFirst ? timeCopy() : 0;
    const started = performance.now();
    const taken = await takeBackup(file, target, systemClock.now());
    const backupMs = performance.now() - started;
    const drillStarted = performance.now();
    const report = drillBackup(target);
    const drillMs = performance.now() - drillStarted;
    if (report.problems.length) throw new Error(`the bench's backup failed its drill: ${report.problems.join("; ")}`);
    const lastCopyMs = copyFirst ? copyMs : timeCopy();
    // Pass 0 warms the page cache and the code; it is not counted.
    if (pass > 0) {
      backup.push(backupMs);
      drill.push(drillMs);
      copy.push(lastCopyMs);
    }
    row = {
      database: name,
      databaseBytes: statSync(file).size,
      backupBytes: taken.bytes,
      manifestBytes: statSync(manifestFileOf(target)).size,
      rows: report.rows,
      tables: report.tables,
    };
    rmSync(target);
    rmSync(manifestFileOf(target));
    rmSync(plain);
  }
  return { ...row!, backupMs: Math.min(...backup), drillMs: Math.min(...drill), fileCopyMs: Math.min(...copy) };
}

export async function runBackupBench(): Promise<BackupBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "quash-bench-backup-"));
  try {
    const rows = [await measure("bundled record", dir, 0), await measure(`bundled record + ${EXTRA_ENTRIES} entries`, dir, EXTRA_ENTRIES)];
    return { passes: PASSES, rows, loadAverage: loadavg() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export function printBackupBench(r: BackupBenchResult): void {
  console.log(
    `\nBackups: takeBackup (snapshot, manifest, online copy, fsync) and its restore drill against a plain file copy of the same database with fsync, best of ${r.passes} passes`,
  );
  for (const row of r.rows) {
    console.log(
      `  ${row.database.padEnd(34)} ${mb(row.databaseBytes)}, ${row.rows} rows in ${row.tables} tables → backup ${mb(row.backupBytes)} + manifest ${(row.manifestBytes / 1024).toFixed(1)} kB`,
    );
    console.log(
      `  ${"".padEnd(34)} backup ${row.backupMs.toFixed(1)} ms   drill ${row.drillMs.toFixed(1)} ms   copy + fsync ${row.fileCopyMs.toFixed(1)} ms   backup/copy ${(row.backupMs / row.fileCopyMs).toFixed(1)}×   (backup + drill)/copy ${((row.backupMs + row.drillMs) / row.fileCopyMs).toFixed(1)}×`,
    );
  }
  console.log(`  load average ${r.loadAverage.map((n) => n.toFixed(2)).join(" ")}`);
}

if (import.meta.url === `file://${process.argv[1]}`) printBackupBench(await runBackupBench());
