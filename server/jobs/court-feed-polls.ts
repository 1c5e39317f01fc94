import { pollMinutes } from "../court-feeds/feed-url";
import { FeedFetchError } from "../court-feeds/fetch-feed";
import { pollCourtFeed, summaryText } from "../court-feeds/poll";
import { createCourtFeedsRepository } from "../court-feeds/repository";
import type { JobDeps } from "./catalogue";
import { RetryLaterError, type JobDefinition } from "./runner";

/** The job name of a court's feed poll (the poll itself is server/court-feeds/poll.ts). */
export const feedJobName = (courtId: string) => `rss-poll:${courtId}`;

/**
 * One poll job per court with a watched case, asked for at each look of the runner: watching
 * the first case of a court starts its polls, unwatching the last one stops them. A 429 or 503
 * that says when to come back is honoured (RetryLaterError); other failures back off.
 */
export function courtFeedJobs(deps: JobDeps): () => JobDefinition[] {
  const repo = createCourtFeedsRepository(deps.db);
  return () =>
    repo.watchedCourts().map((courtId) => ({
      name: feedJobName(courtId),
      schedule: { everyMs: pollMinutes(repo.feed(courtId)?.intervalMinutes) * 60_000 },
      run: async ({ signal }) => {
        try {
          const summary = await pollCourtFeed(
            {
              db: deps.db,
              clock: deps.clock,
              dataDir: deps.config.dataDir,
              userAgent: deps.config.pollUserAgent,
              timeoutMs: deps.config.pollTimeoutMs,
              signal,
            },
            courtId,
          );
          return { summary: summaryText(summary) };
        } catch (error) {
          if (error instanceof FeedFetchError && error.retryAfter) throw new RetryLaterError(error.message, error.retryAfter.toISOString());
          throw error;
        }
      },
    }));
}
