import { resolve } from "node:path";
import { replaceDatabaseFile } from "../../../db/backup-file";
import { closeDatabase, openDatabase } from "../../../db/client";
import { seedDatabase } from "../../../seeds/load";
import { drillBackup, type DrillReport } from "../../backups/drill";
import { manifestFileOf } from "../../backups/manifest";
import { takeBackup } from "../../backups/take";
import { loadConfig } from "../../config";
import { createJobsRepository } from "../../jobs/repository";
import { systemClock } from "../../shared/clock";
import { EXIT, UsageError, parseFlags, type CliCommand, type CliIo } from "../command";

const USAGE = "quash db migrate | seed | backup FILE | drill FILE | restore FILE";

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, "-");
}

/** The drill's findings, a line each, as `quash db drill` prints them. */
function drillLines(report: DrillReport): string[] {
  const { migrations } = report;
  if (report.unreadable !== null) {
    return [
      `  opens: no (${report.unreadable})`,
      `  manifest: ${report.manifest === "missing" ? "none beside it" : "present, but there is nothing readable to compare it with"}`,
    ];
  }
  return [
    `  integrity_check: ${report.integrity}`,
    `  contents: ${report.rows} rows in ${report.tables} tables; ${report.manifest === "matches" ? "they match the manifest taken with the backup" : report.manifest === "differs" ? `they differ from the manifest: ${report.differences.join("; ")}` : "no manifest to compare with"}`,
    `  migrations: ${migrations.inBackup} in the backup, ${migrations.shipped} in this code; a restored copy ${migrations.afterUpgrade === null ? "was not opened" : `opens and is at ${migrations.afterUpgrade}`}`,
  ];
}

async function backup(databaseFile: string, target: string, io: CliIo) {
  // Migrated first, so the copy is of a database this code can read.
  closeDatabase(openDatabase(databaseFile));
  // SQLite's online backup inside one read transaction: a consistent copy even while the server is writing.
  const taken = await takeBackup(databaseFile, target, systemClock.now());
  const report = drillBackup(target);
  if (report.problems.length) throw new Error(`the backup ${target} failed its check: ${report.problems.join("; ")}`);
  io.stdout(
    `Backed up ${databaseFile} to ${target} (${taken.bytes} bytes; manifest ${manifestFileOf(target)}); checked: ${report.rows} rows in ${report.tables} tables match, integrity ok`,
  );
}

/** `quash db drill FILE`: proves a backup opens and holds what it was taken from, without touching the live database. */
function drill(file: string, io: CliIo): number {
  const report = drillBackup(file);
  io.stdout(`Restore drill of ${file}:`);
  for (const line of drillLines(report)) io.stdout(line);
  if (report.problems.length) {
    io.stderr(`The drill failed: ${report.problems.join("; ")}.`);
    return EXIT.failure;
  }
  io.stdout("The drill passed: this backup can be restored.");
  return EXIT.ok;
}

async function restore(databaseFile: string, source: string, io: CliIo) {
  const report = drillBackup(source);
  // A backup from before manifests were written is restored on its integrity alone; any other problem refuses it.
  const problems = report.problems.filter((p) => !p.startsWith("no manifest"));
  if (problems.length) throw new Error(`${source} failed its restore drill, so nothing was restored: ${problems.join("; ")}`);
  if (report.manifest === "missing") io.stdout(`Note: ${source} has no manifest, so only its integrity and schema were checked.`);
  // Keep what is there now: a restore must not lose anything either.
  const keep = `${databaseFile}.before-restore-${stamp()}`;
  const replaced = await replaceDatabaseFile(source, databaseFile, keep);
  if (replaced === "sound") io.stdout(`Kept the current database as ${keep}`);
  if (replaced === "damaged") io.stdout(`The current database does not open (it is damaged); kept its file as it was, as ${keep}`);
  // Brings an older backup up to the current schema.
  const restored = openDatabase(databaseFile);
  try {
    const released = createJobsRepository(restored).releaseAll();
    if (released > 0)
      io.stdout(
        `Released ${released} job lease${released === 1 ? "" : "s"} held when the backup was taken, so the job runner takes those jobs at once`,
      );
  } finally {
    closeDatabase(restored);
  }
  io.stdout(`Restored ${databaseFile} from ${source}`);
}

export const dbCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positional } = parseFlags(args, {});
    const [action, file] = positional;
    const config = loadConfig(io.env);
    switch (action) {
      case "migrate": {
        closeDatabase(openDatabase(config.databaseFile));
        io.stdout(`Migrated ${config.databaseFile}`);
        return EXIT.ok;
      }
      case "seed": {
        const db = openDatabase(config.databaseFile);
        try {
          const result = seedDatabase(db, { clock: systemClock, actor: { userId: null, label: "seed" } });
          const created = Object.entries(result.created).filter(([, n]) => n > 0);
          io.stdout(
            created.length
              ? `Seeded ${config.databaseFile}: ${created.map(([type, n]) => `${n} ${type}`).join(", ")}; ${result.unchanged} already present.`
              : `Nothing to do: the bundled record is already in ${config.databaseFile} (${result.unchanged} records).`,
          );
        } finally {
          closeDatabase(db);
        }
        return EXIT.ok;
      }
      case "drill": {
        if (!file) throw new UsageError("db drill needs the backup FILE");
        return drill(resolve(file), io);
      }
      case "backup":
      case "restore": {
        if (!file) throw new UsageError(`db ${action} needs a FILE`);
        const target = resolve(file);
        if (target === config.databaseFile) throw new UsageError("the backup file must not be the live database");
        await (action === "backup" ? backup(config.databaseFile, target, io) : restore(config.databaseFile, target, io));
        return EXIT.ok;
      }
      default:
        throw new UsageError(action ? `unknown action "${action}"` : "missing action");
    }
  },
};
