import { openDatabase } from "../db/client";
import { seedDatabase, isDatabaseEmpty } from "../seeds/load";
import { buildApp } from "./app";
import type { Config } from "./config";
import { systemClock } from "./shared/clock";

/**
 * Starts the tracker: opens and migrates the database, loads the bundled record into an
 * empty database, and listens. Returns a function that stops it cleanly.
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
  log(`Quash is serving ${config.databaseFile} at ${address.replace("127.0.0.1", "localhost")}`);
  return async () => {
    await app.close();
    db.$client.close();
  };
}
