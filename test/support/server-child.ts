/**
 * A real Quash server in a child process, for the crash and backup tests: `startServer` as
 * `quash serve` runs it, on the DATABASE_FILE and PORT of its environment. It loads every
 * module first and says "ready", then waits for a line on standard input before it opens the
 * database, so a test can warm the next server while the last one is still taking writes
 * (loading the TypeScript is most of a start on these machines).
 */
import { loadConfig } from "../../server/config";
import { startServer } from "../../server/server";

process.stdout.write("ready\n");
process.stdin.once("data", () => {
  startServer(loadConfig(process.env), (line) => process.stdout.write(`${line}\n`)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
});
