import { MAX_PACER_INPUT_BYTES } from "../pacer";

/**
 * One conditional GET of a court's RSS feed: the ETag and Last-Modified of the last feed we
 * read go back to the court, which answers 304 when nothing changed. A timeout covers the whole
 * exchange (a court server that answers slowly does not hold a poll for ever), the body is read
 * up to the PACER size limit, and every failure is a FeedFetchError whose message staff can read.
 * No database here.
 */

export type FeedValidators = { etag: string | null; lastModified: string | null };

export type FeedFetchResult =
  { status: "not-modified" } | { status: "ok"; bytes: Buffer; etag: string | null; lastModified: string | null };

export type FeedFetchOptions = FeedValidators & {
  timeoutMs: number;
  userAgent: string;
  /** The instant Retry-After seconds count from. */
  now: Date;
  signal?: AbortSignal;
  maxBytes?: number;
};

/** A failed fetch. `retryAfter` is set when the court asked us to wait (429 or 503 with Retry-After). */
export class FeedFetchError extends Error {
  constructor(
    message: string,
    readonly kind: "timeout" | "unreachable" | "rate-limited" | "unavailable" | "http" | "too-large",
    readonly retryAfter: Date | null = null,
  ) {
    super(message);
    this.name = "FeedFetchError";
  }
}

/** Retry-After is either seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now: Date): Date | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return new Date(now.getTime() + Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : new Date(at);
}

function waitWords(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.round((until.getTime() - now.getTime()) / 60_000));
  return minutes < 120 ? `${minutes} minute${minutes === 1 ? "" : "s"}` : `${Math.round(minutes / 60)} hours`;
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes)
    throw new FeedFetchError(`the court's feed is larger than ${maxBytes} bytes; not read`, "too-large");
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new FeedFetchError(`the court's feed is larger than ${maxBytes} bytes; not read`, "too-large");
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

export async function fetchFeed(url: string, options: FeedFetchOptions): Promise<FeedFetchResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers: Record<string, string> = {
    "User-Agent": options.userAgent,
    Accept: "application/rss+xml, application/xml;q=0.9, text/xml;q=0.8",
  };
  if (options.etag) headers["If-None-Match"] = options.etag;
  if (options.lastModified) headers["If-Modified-Since"] = options.lastModified;
  const seconds = Number((options.timeoutMs / 1000).toFixed(1));
  try {
    const response = await fetch(url, { headers, signal, redirect: "follow" });
    if (response.status === 304) {
      await response.body?.cancel();
      return { status: "not-modified" };
    }
    if (response.status === 429 || response.status === 503) {
      await response.body?.cancel();
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"), options.now);
      const what = response.status === 429 ? "429 Too Many Requests" : "503 Service Unavailable";
      const asked = retryAfter ? `; it asked us to wait ${waitWords(retryAfter, options.now)}` : "";
      return Promise.reject(
        new FeedFetchError(
          `the court's feed answered ${what}${asked}`,
          response.status === 429 ? "rate-limited" : "unavailable",
          retryAfter,
        ),
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      const status = `${response.status} ${response.statusText}`.trim();
      const message =
        response.status >= 500
          ? `the court's feed is down: it answered ${status}`
          : response.status === 404
            ? `the court's feed was not found (404) at ${url}: check the feed address`
            : `the court's feed refused the request: it answered ${status}`;
      return Promise.reject(new FeedFetchError(message, "http"));
    }
    const bytes = await readCapped(response, options.maxBytes ?? MAX_PACER_INPUT_BYTES);
    return { status: "ok", bytes, etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified") };
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    if (timeout.aborted) throw new FeedFetchError(`the court's feed did not answer within ${seconds} s`, "timeout");
    if (options.signal?.aborted) throw options.signal.reason instanceof Error ? options.signal.reason : new Error("the poll was stopped");
    throw new FeedFetchError(`could not reach the court's feed at ${new URL(url).host} (${networkReason(error)})`, "unreachable");
  }
}
