import { paths } from "../paths";
import type { JobState } from "../jobs/runner";
import { MIN_POLL_MINUTES, DEFAULT_POLL_MINUTES } from "../court-feeds/feed-url";
import { ago, courtDay } from "../freshness/freshness";
import type { WatchingPageData } from "./loaders";
import type { NefMessageRow } from "../nef-intake/repository";

/** What the "Watched dockets" page prints; every decision is made here, the template only prints. */

type When = { text: string; datetime: string } | null;

const UTC = "UTC";
const when = (iso: string | null | undefined, now: string, timeZone = UTC): When =>
  iso ? { text: ago(iso, now, timeZone), datetime: iso } : null;

/** "in 12 minutes", "now" (due), for the next run. */
function until(iso: string, now: string): string {
  const minutes = Math.round((new Date(iso).getTime() - new Date(now).getTime()) / 60_000);
  if (minutes <= 0) return "due now";
  if (minutes < 120) return `in ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `in ${hours} hours` : `on ${courtDay(iso, UTC)}`;
}

/** The kind of failure in two or three words, beside the full message. */
export function failureKind(message: string): string {
  if (/\b429\b/.test(message)) return "429: asked to slow down";
  if (/\b503\b/.test(message)) return "court feed unavailable";
  if (/feed is down|answered 5\d\d/.test(message)) return "court feed down";
  if (/did not answer within/.test(message)) return "timed out";
  if (/could not reach/.test(message)) return "unreachable";
  if (/bad credentials|password/.test(message)) return "bad credentials";
  if (/could not be read|incomplete|not a usable/.test(message)) return "unreadable feed";
  if (/folder/.test(message)) return "missing folder";
  return "error";
}

function jobView(job: JobState | undefined, now: string) {
  if (!job)
    return {
      known: false,
      lastSuccess: null,
      next: null,
      running: false,
      failing: false,
      failures: 0,
      lastError: null,
      lastErrorKind: null,
      lastErrorAt: null,
      lastResult: null,
    };
  return {
    known: true,
    lastSuccess: when(job.lastSuccessAt, now),
    next: job.leaseOwner ? { text: "running now", datetime: job.nextRunAt } : { text: until(job.nextRunAt, now), datetime: job.nextRunAt },
    running: Boolean(job.leaseOwner),
    failing: job.attempts > 0,
    failures: job.attempts,
    lastError: job.lastError,
    lastErrorKind: job.lastError ? failureKind(job.lastError) : null,
    lastErrorAt: when(job.lastErrorAt, now),
    lastResult: job.lastResult,
  };
}

function messageView(m: NefMessageRow, now: string) {
  return {
    id: m.id,
    subject: m.subject ?? "(no subject)",
    sender: m.sender ?? "unknown sender",
    processed: when(m.processedAt, now),
    outcome: m.outcome === "imported" ? "imported" : m.outcome === "review" ? "needs review" : "dismissed",
    reason: m.reason,
    reasonKind: m.outcome === "review" ? "unparseable message" : null,
    importHref: m.importId ? paths.staffImportDone([m.importId]) : null,
    dismissAction: m.outcome === "review" ? paths.staffWatchingMessageDismiss(m.id) : null,
    downloadHref: m.storedSha256 ? paths.staffWatchingMessageRaw(m.id) : null,
  };
}

export function toWatchingView(d: WatchingPageData, now: string, canEdit: boolean, isAdmin: boolean) {
  const feeds = d.courts.map((c) => ({
    courtId: c.courtId,
    courtName: c.court?.shortName ?? c.courtId,
    url: c.url,
    customUrl: c.customUrl ?? "",
    isDefaultUrl: c.customUrl === null,
    intervalMinutes: c.intervalMinutes,
    chosenMinutes: c.chosenMinutes ?? "",
    lastHttpStatus: c.feed?.lastHttpStatus ?? null,
    lastItems: c.feed?.lastItemCount ?? null,
    lastDropped: c.feed?.lastDroppedCount ?? null,
    caseCount: c.cases.length,
    job: jobView(c.job, now),
    pollAction: paths.staffWatchingFeedPoll(c.courtId),
    saveAction: paths.staffWatchingFeed(c.courtId),
  }));
  const cases = d.watched.map(({ case: c, freshness: f }) => {
    const zone = d.courts.find((x) => x.courtId === c.courtId)?.court?.timeZone ?? UTC;
    return {
      href: paths.case(c.slug),
      label: c.caption ?? c.label,
      docketNumber: c.docketNumber,
      courtId: c.courtId,
      lastRssCheck: when(f?.lastRssCheckAt, now, zone),
      lastRssItem: when(f?.lastRssItemAt, now, zone),
      lastDocketReport: f?.lastDocketReportAt ? { text: courtDay(f.lastDocketReportAt, zone), datetime: f.lastDocketReportAt } : null,
      lastNef: f?.lastNefAt ? { text: courtDay(f.lastNefAt, zone), datetime: f.lastNefAt } : null,
      unwatchAction: paths.staffCaseWatch(c.slug),
      version: c.version,
    };
  });
  const m = d.mailbox;
  return {
    title: "Watched dockets",
    canEdit,
    isAdmin,
    minPollMinutes: MIN_POLL_MINUTES,
    defaultPollMinutes: DEFAULT_POLL_MINUTES,
    feeds,
    cases,
    watchable: d.watchable.map((c) => ({
      label: c.caption ?? c.label,
      docketNumber: c.docketNumber,
      courtId: c.courtId,
      watchAction: paths.staffCaseWatch(c.slug),
      version: c.version,
    })),
    mailbox: {
      configured: m.configured,
      source: m.view.source,
      host: m.view.host,
      port: m.view.port,
      username: m.view.username,
      folder: m.view.folder,
      processedFolder: m.view.processedFolder || "(left in the folder, flagged as read)",
      enabled: m.view.enabled,
      intervalMinutes: m.view.intervalMinutes,
      problem: m.problem,
      job: jobView(m.job, now),
      pollAction: paths.staffWatchingMailboxPoll(),
      settingsHref: paths.staffWatchingMailbox(),
    },
    review: d.review.map((r) => messageView(r, now)),
    recent: d.recentMessages.map((r) => messageView(r, now)),
  };
}

export type WatchingView = ReturnType<typeof toWatchingView>;
