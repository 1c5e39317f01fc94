import type { Db } from "../../db/client";
import type { Config } from "../config";
import type { Clock } from "../shared/clock";
import { registerBackupJob } from "../backups/job";
import { courtFeedJobs } from "./court-feed-polls";
import { nefIntakeJobs } from "./nef-intake";
import { searchUpkeepJobs } from "./search-upkeep";
import type { JobRunner } from "./runner";
import { alertDeliveryJob, alertsWanted } from "../alerts/job";

/** What a job's code may use: the same in the server and in `quash jobs run`. */
export type JobDeps = { db: Db; config: Config; clock: Clock; log: { info: (msg: string) => void; warn: (msg: string) => void } };

/**
 * Every job the tracker knows, registered on a runner. The server's jobs plugin and the CLI
 * both call this, so `quash jobs run NAME` runs exactly what the server would. A feature adds
 * its jobs here (a fixed job with `runner.register`, jobs that follow the data with
 * `runner.addSource`).
 */
export function registerJobs(runner: JobRunner, deps: JobDeps): void {
  registerBackupJob(runner, deps);
  // Alert deliveries run only while someone follows something (a subscription or a live webhook).
  const alerts = alertDeliveryJob(deps);
  runner.addSource(() => (alertsWanted(deps.db) ? [alerts] : []));
  // One RSS poll per court with a watched case (server/court-feeds).
  runner.addSource(courtFeedJobs(deps));
  // The NEF mailbox, while one is configured (server/nef-intake).
  runner.addSource(nefIntakeJobs(deps));
  // The full-text indexes merged back into one segment each, nightly, once they are large (server/search/upkeep.ts).
  runner.addSource(searchUpkeepJobs(deps));
}
