import { createHash } from "node:crypto";

/**
 * HTTP validators (RFC 9110 §8.8, §13): pure helpers shared by the page cache's answers
 * (cache/send-cached.ts) and the plugin that gives every other public GET the same
 * (plugins/http-caching.ts).
 */

/** A strong entity tag: the body's SHA-1, so equal bytes always get the same tag on every process. */
export function strongEtag(body: Buffer | string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

/**
 * The Last-Modified to send for content last changed at `changedMs`, answered at `nowMs`.
 * HTTP dates count whole seconds, so the change's second is rounded up (a second change in
 * the same second then still moves the date past what a client holds), but never past the
 * answer's own time (RFC 9110 §8.8.2.1): an answer in the very second of a change carries a
 * date before the change, which no later If-Modified-Since can match (see isNotModified).
 */
export function lastModifiedMs(changedMs: number, nowMs: number): number {
  return Math.min(Math.floor(changedMs / 1000) * 1000 + 1000, Math.floor(nowMs / 1000) * 1000);
}

export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

type ConditionalHeaders = { "if-none-match"?: string | string[]; "if-modified-since"?: string | string[] };

function tagsOf(header: string): string[] {
  return header.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
}

/**
 * Whether a GET may be answered 304 (RFC 9110 §13.1–13.2): If-None-Match, when sent, decides
 * alone (weak comparison, `*` matches); otherwise If-Modified-Since, which matches only if the
 * content's last change, to the millisecond, is earlier than the date the client holds. (The
 * `fresh` package compares whole seconds, which would answer 304 to a client that saw the page
 * before a second write within the same second; hence this.)
 */
export function isNotModified(headers: ConditionalHeaders, etag: string | undefined, changedMs: number | undefined): boolean {
  const ifNoneMatch = headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    if (etag === undefined) return false;
    const tags = tagsOf(String(ifNoneMatch));
    return tags.includes("*") || tags.includes(etag.replace(/^W\//, ""));
  }
  const ifModifiedSince = headers["if-modified-since"];
  if (ifModifiedSince === undefined || changedMs === undefined) return false;
  const held = Date.parse(String(ifModifiedSince));
  return Number.isFinite(held) && changedMs < held;
}
