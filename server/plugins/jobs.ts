import fp from "fastify-plugin";
import { registerJobs } from "../jobs/catalogue";
import { createJobRunner, type JobRunner } from "../jobs/runner";

declare module "fastify" {
  interface FastifyInstance {
    /** The background job runner (server/jobs/README.md); started by server.ts, never by tests' apps. */
    jobs: JobRunner;
  }
}

/**
 * Builds the job runner and registers every job, but does not start it: building the app (as
 * tests do) must not start polling courts. `startServer` starts it once the app listens; closing
 * the app stops it and waits for the runs in progress.
 */
export const jobsPlugin = fp(
  async (app) => {
    const log = { info: (msg: string) => app.log.info(msg), warn: (msg: string) => app.log.warn(msg) };
    const runner = createJobRunner({ db: app.db, clock: app.clock, log });
    registerJobs(runner, { db: app.db, config: app.config, clock: app.clock, log });
    app.decorate("jobs", runner);
    app.addHook("onClose", async () => runner.stop());
  },
  { name: "jobs", dependencies: ["context"] },
);
