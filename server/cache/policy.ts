import { DEFAULT_TIME_ZONE } from "../shared/clock";

/**
 * Cache-Control for each kind of answer. Public pages may be kept by browsers and shared caches
 * (a CDN) for a minute and served a little longer while they ask again in the background; the
 * server's own page cache is exact, so this minute is the only staleness a reader can meet, and a
 * CDN that is purged on writes (README, "Behind a CDN") does not even show that.
 */
export const PUBLIC_MAX_AGE_SECONDS = 60;
export const STALE_WHILE_REVALIDATE_SECONDS = 300;

export const PUBLIC_CACHE_CONTROL = publicCacheControl(PUBLIC_MAX_AGE_SECONDS + STALE_WHILE_REVALIDATE_SECONDS);

function publicCacheControl(secondsLeft: number): string {
  const maxAge = Math.min(PUBLIC_MAX_AGE_SECONDS, secondsLeft);
  const stale = Math.min(STALE_WHILE_REVALIDATE_SECONDS, secondsLeft - maxAge);
  return `public, max-age=${maxAge}, stale-while-revalidate=${stale}`;
}

/**
 * The public Cache-Control at `nowIso`. A page says the day it was retrieved ("Cite this page")
 * and what is overdue on the court's day, and the server's page cache drops every page at
 * either midnight (cache/page-cache.ts); a copy a browser or CDN holds must not outlive that day
 * either, so in the last minutes before midnight UTC or in the court's zone, max-age and
 * stale-while-revalidate shrink to end by it.
 */
export function publicCacheControlAt(nowIso: string): string {
  const now = new Date(nowIso);
  return publicCacheControl(Math.min(secondsToMidnight(now, "UTC"), secondsToMidnight(now, DEFAULT_TIME_ZONE)));
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/**
 * Whole seconds from `now` to the next midnight on `timeZone`'s wall clock. Counting on the wall
 * clock is exact for the last hours of a day: zones change their offset in the small hours, not
 * just before midnight, and only the last few minutes are ever asked about.
 */
function secondsToMidnight(now: Date, timeZone: string): number {
  let format = wallClocks.get(timeZone);
  if (!format)
    wallClocks.set(
      timeZone,
      (format = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit", second: "2-digit" })),
    );
  const [hours, minutes, seconds] = format.format(now).split(":").map(Number) as [number, number, number];
  return 86_400 - (hours * 3_600 + minutes * 60 + seconds);
}
/** Staff pages, anything with a session or a token, error pages and answers that set a cookie. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";

export type AnswerKind = {
  /** A GET or HEAD without a session cookie or an Authorization header (cache/public-request.ts). */
  publicRequest: boolean;
  statusCode: number;
  setsCookie: boolean;
};

/** Only a public request's successful (or not-modified) answer that sets no cookie may be shared. */
export function isShareable({ publicRequest, statusCode, setsCookie }: AnswerKind): boolean {
  return publicRequest && !setsCookie && (statusCode === 200 || statusCode === 304);
}
