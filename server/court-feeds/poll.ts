import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { PacerInputError, type RssDocket } from "../pacer";
import type { Clock } from "../shared/clock";
import { prepareFile } from "../imports/input";
import { caseMatchesNumber } from "../imports/merge-case";
import { storeFileBytes } from "../imports/provenance";
import { mergePreparedFile } from "../imports/service";
import { createFreshnessRepository } from "../freshness/repository";
import { createCourtFeedsRepository } from "./repository";
import { defaultFeedUrl } from "./feed-url";
import { fetchFeed, FeedFetchError } from "./fetch-feed";

/**
 * One poll of one court's RSS feed: a conditional GET, the parse, and — only for items of
 * watched cases not merged before — the importer's merge, all written in one transaction
 * together with the feed's new validators, the items seen and each watched case's freshness.
 * A poll that dies before the commit leaves nothing behind and the next poll does it again;
 * one that dies after the commit has nothing left to do (the items are marked seen, and the
 * court answers 304 to the stored ETag). Items of other cases are counted and dropped.
 */

export type PollDeps = {
  db: Db;
  clock: Clock;
  dataDir: string;
  userAgent: string;
  timeoutMs: number;
  signal?: AbortSignal;
};

export type PollSummary = {
  courtId: string;
  status: "not-modified" | "no-new-items" | "imported";
  items: number;
  dropped: number;
  newItems: number;
  importId: number | null;
  entriesCreated: number;
  entriesUpdated: number;
};

/** A poll that failed in a way staff should read: the feed answered but could not be used. */
export class FeedUnusableError extends Error {}

/** Feeds keep an item for a day or two; remembering a fortnight is ample. */
const SEEN_MEMORY_MS = 14 * 24 * 60 * 60 * 1000;

/** Identifies one feed item across polls: the same filing listed again has the same key. */
export function itemKey(item: RssDocket): string {
  const e = item.docket_entries[0];
  return createHash("sha256")
    .update(
      [item.docket_number, item.pacer_case_id ?? "", e.pacer_doc_id, e.document_number ?? "", e.date_filed, e.short_description].join(
        "\u0000",
      ),
    )
    .digest("hex");
}

export function summaryText(s: PollSummary): string {
  if (s.status === "not-modified") return "the feed had not changed since the last poll (304)";
  const dropped = `${s.dropped} item${s.dropped === 1 ? "" : "s"} of cases not watched dropped`;
  if (s.status === "no-new-items") return `${s.items} items read, none new for a watched case; ${dropped}`;
  const entries = (n: number) => `${n} ${n === 1 ? "entry" : "entries"}`;
  return `${s.newItems} new item${s.newItems === 1 ? "" : "s"} for watched cases merged as import #${s.importId} (${entries(s.entriesCreated)} created, ${s.entriesUpdated} updated); ${dropped}`;
}

export async function pollCourtFeed(deps: PollDeps, courtId: string): Promise<PollSummary> {
  const repo = createCourtFeedsRepository(deps.db);
  const freshness = createFreshnessRepository(deps.db);
  const feed = repo.feed(courtId);
  const url = feed?.feedUrl ?? defaultFeedUrl(courtId);
  const startedAt = deps.clock.now();
  const result = await fetchFeed(url, {
    etag: feed?.etag ?? null,
    lastModified: feed?.lastModified ?? null,
    timeoutMs: deps.timeoutMs,
    userAgent: deps.userAgent,
    now: new Date(startedAt),
    signal: deps.signal,
  }).catch((error: unknown) => {
    if (error instanceof FeedFetchError) repo.saveFeed(courtId, { lastFetchedAt: startedAt, lastHttpStatus: statusOf(error) }, startedAt);
    throw error;
  });

  if (result.status === "not-modified") {
    deps.db.transaction(() => {
      repo.saveFeed(courtId, { lastFetchedAt: startedAt, lastHttpStatus: 304 }, startedAt);
      for (const c of repo.watchedCases(courtId)) freshness.touchFreshness(c.id, { lastRssCheckAt: startedAt });
    });
    return { courtId, status: "not-modified", items: 0, dropped: 0, newItems: 0, importId: null, entriesCreated: 0, entriesUpdated: 0 };
  }

  const fileName = `${courtId}-rss-${startedAt.replace(/[:.]/g, "-")}.xml`;
  const prepared = await prepareFile(result.bytes, fileName, { courtId }).catch((error: unknown) => {
    repo.saveFeed(courtId, { lastFetchedAt: startedAt, lastHttpStatus: 200 }, startedAt);
    if (error instanceof PacerInputError) throw new FeedUnusableError(`the court's feed could not be read: ${error.message}`);
    throw error;
  });
  if (prepared.kind !== "rss")
    throw new FeedUnusableError(
      `the court's feed address gave a ${prepared.kind === "docket" ? "docket report" : "notice"}, not an RSS feed: check the feed address`,
    );

  const watched = repo.watchedCases(courtId);
  const ofWatched: { key: string; caseId: number; publishedAt: string; item: RssDocket }[] = [];
  for (const item of prepared.result) {
    const match = watched.find(
      (c) => caseMatchesNumber(c, item.docket_number) || (item.pacer_case_id !== null && c.pacerCaseId === item.pacer_case_id),
    );
    if (match) ofWatched.push({ key: itemKey(item), caseId: match.id, publishedAt: item.docket_entries[0].date_filed, item });
  }
  const seen = repo.seenKeys(
    courtId,
    ofWatched.map((i) => i.key),
  );
  const fresh = ofWatched.filter((i) => !seen.has(i.key));
  const summary: PollSummary = {
    courtId,
    status: fresh.length > 0 ? "imported" : "no-new-items",
    items: prepared.result.length,
    dropped: prepared.result.length - ofWatched.length,
    newItems: fresh.length,
    importId: null,
    entriesCreated: 0,
    entriesUpdated: 0,
  };
  // The original feed is kept (by its hash) only when it brought something: it is the source the new entries cite.
  if (fresh.length > 0) storeFileBytes(deps.dataDir, prepared.sha256, prepared.bytes);

  deps.db.transaction(() => {
    if (fresh.length > 0) {
      // The merge is handed only the new items of watched cases: it would skip the others
      // anyway (watchedCasesOnly), but only after looking each one's case up. The file it
      // cites is still the whole feed, as fetched.
      const report = mergePreparedFile(
        deps.db,
        { ...prepared, result: fresh.map((i) => i.item) },
        {
          actor: { userId: null, label: `RSS poll of ${courtId}` },
          clock: deps.clock,
          dataDir: deps.dataDir,
          watchedCasesOnly: true,
        },
      );
      summary.importId = report.importId;
      summary.entriesCreated = report.counts.entry?.created ?? 0;
      summary.entriesUpdated = report.counts.entry?.updated ?? 0;
      repo.markSeen(courtId, fresh, startedAt);
    }
    repo.saveFeed(
      courtId,
      {
        etag: result.etag,
        lastModified: result.lastModified,
        lastFetchedAt: startedAt,
        lastHttpStatus: 200,
        lastItemCount: summary.items,
        lastDroppedCount: summary.dropped,
      },
      startedAt,
    );
    const newest = new Map<number, string>();
    for (const item of ofWatched) {
      const at = new Date(item.publishedAt).toISOString();
      if ((newest.get(item.caseId) ?? "") < at) newest.set(item.caseId, at);
    }
    for (const c of watched) freshness.touchFreshness(c.id, { lastRssCheckAt: startedAt, lastRssItemAt: newest.get(c.id) ?? null });
    repo.forgetSeenBefore(new Date(new Date(startedAt).getTime() - SEEN_MEMORY_MS).toISOString());
  });
  return summary;
}

function statusOf(error: FeedFetchError): number | null {
  return error.kind === "rate-limited" ? 429 : error.kind === "unavailable" ? 503 : null;
}
