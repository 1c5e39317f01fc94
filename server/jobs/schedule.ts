import { Cron } from "croner";

/**
 * When a job recurs, and how long it waits after failures. Pure: no database, no timers.
 * An interval counts from the end of the last run (a slow poll never piles up); a cron
 * pattern ("0 3 * * *" for 03:00 every night) is read in the job's time zone by croner.
 */

export type JobSchedule = { everyMs: number } | { cron: string; timeZone?: string };

/** The longest a failing job waits between tries, unless its definition says otherwise. */
export const DEFAULT_MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

/** How a cron job's retries start after a failure (an interval job starts from its interval). */
const CRON_RETRY_BASE_MS = 5 * 60 * 1000;

export class JobScheduleError extends Error {}

/** The schedule as stored in the jobs table ("every 900s", "cron 0 3 * * * America/Los_Angeles"). */
export function describeSchedule(schedule: JobSchedule): string {
  if ("everyMs" in schedule) return `every ${Math.round(schedule.everyMs / 1000)}s`;
  return `cron ${schedule.cron}${schedule.timeZone ? ` ${schedule.timeZone}` : ""}`;
}

/** Throws JobScheduleError for an interval under a second or a pattern croner cannot read. */
export function checkSchedule(schedule: JobSchedule): void {
  if ("everyMs" in schedule) {
    if (!Number.isFinite(schedule.everyMs) || schedule.everyMs < 1000)
      throw new JobScheduleError(`an interval must be at least 1 s (got ${schedule.everyMs} ms)`);
    return;
  }
  nextCronRun(schedule, new Date(0));
}

function nextCronRun(schedule: { cron: string; timeZone?: string }, after: Date): Date {
  let cron: Cron;
  try {
    cron = new Cron(schedule.cron, { timezone: schedule.timeZone, paused: true });
  } catch (error) {
    throw new JobScheduleError(
      `cannot read the cron pattern "${schedule.cron}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const next = cron.nextRun(after);
  cron.stop();
  if (!next) throw new JobScheduleError(`the cron pattern "${schedule.cron}" never runs again`);
  return next;
}

/** The next regular run after a run that ended at `after`. */
export function nextRunAfter(schedule: JobSchedule, after: Date): Date {
  if ("everyMs" in schedule) return new Date(after.getTime() + schedule.everyMs);
  return nextCronRun(schedule, after);
}

/**
 * How long to wait after the `failures`-th failure in a row: the base doubled for each one
 * (an interval job's base is its interval: 15 min → 30, 60, 120 …), capped at `maxMs`.
 */
export function backoffMs(schedule: JobSchedule, failures: number, maxMs = DEFAULT_MAX_BACKOFF_MS): number {
  const base = "everyMs" in schedule ? schedule.everyMs : CRON_RETRY_BASE_MS;
  const exponent = Math.min(Math.max(failures, 1), 30);
  return Math.min(base * 2 ** exponent, Math.max(maxMs, base));
}
