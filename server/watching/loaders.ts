import type { Db } from "../../db/client";
import type { Config } from "../config";
import { feedJobName } from "../jobs/court-feed-polls";
import { defaultFeedUrl, pollMinutes } from "../court-feeds/feed-url";
import type { JobRunner, JobState } from "../jobs/runner";
import { createCourtFeedsRepository } from "../court-feeds/repository";
import { createFreshnessRepository } from "../freshness/repository";
import { NEF_INTAKE_JOB } from "../jobs/nef-intake";
import { createNefIntakeRepository } from "../nef-intake/repository";
import { mailboxSettingsView, resolveMailbox } from "../nef-intake/settings";

/**
 * Everything the staff "Watched dockets" page shows, read in one place: the watched cases
 * with their freshness, each court feed with its job, the mailbox with its job, and the NEF
 * messages awaiting review. Staff-only: nothing here goes through the public projection, and
 * nothing here is ever the mailbox password.
 */
export function loadWatchingPage(db: Db, config: Config, jobs: JobRunner) {
  const repo = createCourtFeedsRepository(db);
  const nef = createNefIntakeRepository(db);
  const jobStates = new Map<string, JobState>(jobs.list().map((j) => [j.name, j]));
  const watched = repo.watchedCases();
  const freshness = createFreshnessRepository(db).freshnessOf(watched.map((c) => c.id));
  const feedsByCourt = new Map(repo.feeds().map((f) => [f.courtId, f]));
  const courts = [...new Set(watched.map((c) => c.courtId!))].map((courtId) => {
    const feed = feedsByCourt.get(courtId);
    return {
      courtId,
      court: repo.court(courtId),
      url: feed?.feedUrl ?? defaultFeedUrl(courtId),
      customUrl: feed?.feedUrl ?? null,
      intervalMinutes: pollMinutes(feed?.intervalMinutes),
      chosenMinutes: feed?.intervalMinutes ?? null,
      feed,
      job: jobStates.get(feedJobName(courtId)),
      cases: watched.filter((c) => c.courtId === courtId),
    };
  });
  const mailbox = resolveMailbox(config, nef);
  return {
    courts,
    watched: watched.map((c) => ({ case: c, freshness: freshness.get(c.id) })),
    watchable: repo.watchableCases(),
    mailbox: {
      view: mailboxSettingsView(config, nef),
      configured: mailbox !== null,
      problem: mailbox && "problem" in mailbox ? mailbox.problem : null,
      job: jobStates.get(NEF_INTAKE_JOB),
    },
    review: nef.nefMessages("review"),
    recentMessages: nef.nefMessages(undefined, 20),
  };
}

export type WatchingPageData = ReturnType<typeof loadWatchingPage>;
