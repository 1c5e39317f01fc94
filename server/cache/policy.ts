/**
 * Cache-Control for each kind of answer. Public pages may be kept by browsers and shared caches
 * (a CDN) for a minute and served a little longer while they ask again in the background; the
 * server's own page cache is exact, so this minute is the only staleness a reader can meet, and a
 * CDN that is purged on writes (README, "Behind a CDN") does not even show that.
 */
export const PUBLIC_MAX_AGE_SECONDS = 60;
export const STALE_WHILE_REVALIDATE_SECONDS = 300;

export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_SECONDS}`;
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
