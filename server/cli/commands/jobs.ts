import { closeDatabase, openDatabase } from "../../../db/client";
import { loadConfig } from "../../config";
import { registerJobs } from "../../jobs/catalogue";
import { createJobRunner, type JobState } from "../../jobs/runner";
import { systemClock } from "../../shared/clock";
import { EXIT, parseFlags, UsageError, type CliCommand, type CliIo } from "../command";

const USAGE = "quash jobs list | run NAME";

/** One job as a line: name, schedule, next run, last success, and the last error when it is failing. */
function jobLine(job: JobState): string {
  const state = job.leaseOwner ? `running in ${job.leaseOwner} (lease until ${job.leaseExpiresAt})` : `next ${job.nextRunAt}`;
  const last = `last success ${job.lastSuccessAt ?? "never"}${job.lastResult ? ` (${job.lastResult})` : ""}`;
  const failing = job.attempts > 0 ? `\tfailing ${job.attempts}× since: ${job.lastError}` : "";
  const registered = job.registered ? "" : "\t(not registered now)";
  return `${job.name}\t${job.schedule}\t${state}\t${last}${failing}${registered}`;
}

/** A runner on the configured database with every job registered, as the server has it; never started. */
function withRunner<T>(io: CliIo, use: (runner: ReturnType<typeof createJobRunner>) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const db = openDatabase(config.databaseFile);
  const log = { info: (msg: string) => io.stderr(msg), warn: (msg: string) => io.stderr(msg) };
  const runner = createJobRunner({ db, clock: systemClock, log });
  registerJobs(runner, { db, config, clock: systemClock, log });
  return use(runner).finally(() => closeDatabase(db));
}

export const jobsCommand: CliCommand = {
  usage: USAGE,
  async run(args, io) {
    const { positional } = parseFlags(args, {});
    const [action, name, ...extra] = positional;
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    switch (action) {
      case "list":
        if (name) throw new UsageError(`unexpected argument "${name}"`);
        return withRunner(io, async (runner) => {
          const jobs = runner.list();
          if (jobs.length === 0)
            io.stdout("No jobs yet: polling starts when a case is watched and a feed or mailbox is configured (see the README).");
          for (const job of jobs) io.stdout(jobLine(job));
          return EXIT.ok;
        });
      case "run":
        if (!name) throw new UsageError("jobs run needs the NAME of a job (see quash jobs list)");
        return withRunner(io, async (runner) => {
          const outcome = await runner.runNow(name);
          if (!outcome.ran) {
            io.stderr(`${name} did not run: ${outcome.reason}.`);
            return EXIT.failure;
          }
          if (!outcome.ok) {
            io.stderr(`${name} failed: ${outcome.error}. Next try ${outcome.nextRunAt}.`);
            return EXIT.failure;
          }
          io.stdout(`${name} ran${outcome.summary ? `: ${outcome.summary}` : ""}. Next run ${outcome.nextRunAt}.`);
          return EXIT.ok;
        });
      default:
        throw new UsageError(action ? `unknown action "${action}"` : "missing action (list or run NAME)");
    }
  },
};
