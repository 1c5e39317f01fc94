// One "server process" for the two-process test: a job runner on the file database named in
// argv, started as the server starts it, with one job that logs when it runs. Stops by itself.
import { openDatabase } from "../../../db/client";
import { createJobRunner } from "../../../server/jobs/runner";
import { systemClock } from "../../../server/shared/clock";

const [file, durationMs, label] = process.argv.slice(2) as [string, string, string];
const db = openDatabase(file);
db.$client.exec("CREATE TABLE IF NOT EXISTS job_log (owner TEXT, started REAL, ended REAL)");
const runner = createJobRunner({ db, clock: systemClock, maxSleepMs: 20, owner: label });
runner.register({
  name: "shared-poll",
  schedule: { everyMs: 1000 },
  leaseMs: 5000,
  run: async () => {
    const started = performance.timeOrigin + performance.now();
    await new Promise((r) => setTimeout(r, 150));
    db.$client.prepare("INSERT INTO job_log VALUES (?, ?, ?)").run(label, started, performance.timeOrigin + performance.now());
  },
});
runner.start();
setTimeout(async () => {
  await runner.stop();
  db.$client.close();
  process.exit(0);
}, Number(durationMs));
