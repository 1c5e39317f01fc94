import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { closeDatabase, openDatabase, optimizeDatabase } from "../db/client";
import { seedDatabase, isDatabaseEmpty } from "../seeds/load";
import { publicSearchBuilt, rebuildPublicSearch } from "./records/public-search-index";
import { buildApp } from "./app";
import type { Config } from "./config";
import { systemClock } from "./shared/clock";

/** How often a running server refreshes SQLite's statistics (optimizeDatabase, db/client.ts). */
const OPTIMIZE_EVERY_MS = 6 * 60 * 60 * 1000;

/** A start that could not listen; the message says what to do and what happened to the database. */
export class ListenError extends Error {}

/** Why an address cannot be bound, in words ("another program is already listening there"). */
function listenProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") return "another program (perhaps another Quash) is already listening there";
  if (code === "EACCES") return "this user may not listen there (ports below 1024 need privileges)";
  if (code === "EADDRNOTAVAIL") return "this machine has no such address";
  return error instanceof Error ? error.message : String(error);
}

/** Binds host:port for a moment and lets go, so a start that cannot listen fails before it touches the database. */
function checkCanListen(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/**
 * Starts the tracker: checks it can listen, opens and migrates the database, loads the bundled
 * record into an empty database, listens, and starts the background jobs (unless
 * JOB_RUNNER=off). Returns the app and a function that stops it cleanly.
 */
export async function startServer(config: Config, log: (line: string) => void) {
  const where = `${config.host}:${config.port}`;
  // Port 0 asks the system for any free port: nothing to check.
  if (config.port !== 0) {
    try {
      await checkCanListen(config.host, config.port);
    } catch (error) {
      throw new ListenError(
        `cannot listen on ${where}: ${listenProblem(error)}. Nothing was started and the database was not touched. Stop the other program or set PORT to a free port.`,
      );
    }
  }
  const created = config.databaseFile !== ":memory:" && !existsSync(config.databaseFile);
  const db = openDatabase(config.databaseFile);
  let seeded = false;
  if (isDatabaseEmpty(db)) {
    const result = seedDatabase(db, { clock: systemClock });
    const total = Object.values(result.created).reduce((a, b) => a + b, 0);
    log(`Loaded the bundled record into the empty database (${total} records).`);
    seeded = true;
  }
  if (!publicSearchBuilt(db)) {
    // A database from before the public search, or one filled by direct inserts: index it once.
    rebuildPublicSearch(db, systemClock.now());
    log("Filled the public search index from the record.");
  }
  const app = await buildApp({ config, db, clock: systemClock });
  let address: string;
  try {
    address = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // Taken between the check and now: say plainly what this start did to the database.
    await app.close();
    closeDatabase(db);
    const done = created
      ? `The database ${config.databaseFile} was created${seeded ? " and the bundled record loaded into it" : ""}; the next start will use it.`
      : `The database ${config.databaseFile} was opened${seeded ? " and the bundled record loaded into it" : ""}, nothing else written.`;
    throw new ListenError(`cannot listen on ${where}: ${listenProblem(error)}. ${done} Stop the other program or set PORT to a free port.`);
  }
  // The address Fastify bound, as it is: "localhost" would hide which interface is open.
  log(`Quash is serving ${config.databaseFile} at ${address}`);
  if (config.jobRunner) app.jobs.start();
  // The planner's statistics follow the record as it grows (closeDatabase runs it once more).
  const optimizer = setInterval(() => optimizeDatabase(db), OPTIMIZE_EVERY_MS).unref();
  const stop = async () => {
    clearInterval(optimizer);
    await app.close();
    closeDatabase(db);
  };
  return { stop, app };
}
