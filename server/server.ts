import { closeDatabase, openDatabase } from "../db/client";
import { seedDatabase, isDatabaseEmpty } from "../seeds/load";
import { buildApp } from "./app";
import type { Config } from "./config";
import { systemClock } from "./shared/clock";

/**
 * Starts the tracker: opens and migrates the database, loads the bundled record into an
 * empty database, listens, and starts the background jobs (unless JOB_RUNNER=off). Returns
 * the app and a function that stops it cleanly.
 */
export async function startServer(config: Config, log: (line: string) => void) {
  const db = openDatabase(config.databaseFile);
  if (isDatabaseEmpty(db)) {
    const result = seedDatabase(db, { clock: systemClock });
    const total = Object.values(result.created).reduce((a, b) => a + b, 0);
    log(`Loaded the bundled record into the empty database (${total} records).`);
  }
  const app = await buildApp({ config, db, clock: systemClock });
  const address = await app.listen({ port: config.port, host: config.host });
  // The address Fastify bound, as it is: "localhost" would hide which interface is open.
  log(`Quash is serving ${config.databaseFile} at ${address}`);
  if (config.jobRunner) app.jobs.start();
  const stop = async () => {
    await app.close();
    closeDatabase(db);
  };
  return { stop, app };
}
