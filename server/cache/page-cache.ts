import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { desc } from "drizzle-orm";
import { dataVersion, type Db } from "../../db/client";
import { revisions } from "../../db/schema";
import { onRecordChange, type RecordChange } from "../records/changes";
import type { Clock } from "../shared/clock";
import { strongEtag } from "./validators";

/** A rendered page kept as bytes, with its encodings made on first demand. */
export type CachedPage = {
  body: Buffer;
  etag: string;
  /** When what the page shows last changed (ms), for Last-Modified and If-Modified-Since. */
  changedMs: number;
  contentType: string;
  gzip?: Buffer;
  br?: Buffer;
};

/** Which writes make a page stale: one case's writes, or any write at all. */
export type CacheScope = { caseId: number } | "global";

type Slot = { page: CachedPage; scope: CacheScope };

/**
 * Rendered pages served from stored bytes until a write touches what they show. The record
 * store reports every change; a change to one case drops that case's pages and the pages
 * that list across cases, a change to anything shared drops everything. Writes by another
 * process (the CLI while the server runs) are noticed through SQLite's data_version, and a new
 * day (in the court's zone, or in UTC, the retrieval date's) drops everything too, so pages that show today are stored by URL.
 *
 * It also keeps when what each answer shows last changed, for Last-Modified: the later of the
 * last write to its case (or to anything shared; until a case changes in this process, the
 * newest revision at start) and the moment its bytes were first seen under its key. The second
 * catches what changes a page without a write: the clock ("checked 12 minutes ago", today's
 * deadlines) and polls. Both err late, never early, so an If-Modified-Since never hides a change.
 */
export function createPageCache(db: Db, clock: Clock, maxEntries = 500, maxSeen = 5000) {
  const slots = new Map<string, Slot>();
  let seenVersion = dataVersion(db);
  const now = () => Date.parse(clock.now());
  const newest = db.select({ at: revisions.at }).from(revisions).orderBy(desc(revisions.id)).limit(1).get();
  const startMs = newest ? Date.parse(newest.at) : now();
  const caseChangedMs = new Map<number, number>();
  let sharedChangedMs = startMs;
  let anyChangedMs = startMs;
  // Counts invalidations, so a render that began before a write is not stored after it.
  let generation = 0;
  // Per key, the ETag last answered and when it was first answered.
  const seen = new Map<string, { etag: string; atMs: number }>();

  function changed(): number {
    generation += 1;
    return (anyChangedMs = Math.max(now(), anyChangedMs));
  }

  function invalidateAll() {
    sharedChangedMs = changed();
    slots.clear();
  }

  function invalidate(change: RecordChange) {
    if (change.caseIds === "all") return invalidateAll();
    const at = changed();
    for (const caseId of change.caseIds) caseChangedMs.set(caseId, at);
    for (const [key, slot] of slots) {
      if (slot.scope === "global" || change.caseIds.includes(slot.scope.caseId)) slots.delete(key);
    }
  }
  const unsubscribe = onRecordChange(db, invalidate);

  // Pages that show what is overdue or upcoming change at midnight in the court's zone (the
  // zone clock.today() reads by default), and every record page's "Cite this page" box says the
  // UTC day it was retrieved: a new day in either drops every page, as a shared write does, so a
  // stored page is never served on a later day than it says.
  const days = () => `${clock.today()} ${clock.now().slice(0, 10)}`;
  let seenDay = days();

  function noticeExternalWrites(): void {
    const version = dataVersion(db);
    const day = days();
    if (version === seenVersion && day === seenDay) return;
    seenVersion = version;
    seenDay = day;
    invalidateAll();
  }

  function changedAt(scope: CacheScope): number {
    noticeExternalWrites();
    if (scope === "global") return anyChangedMs;
    return Math.max(sharedChangedMs, caseChangedMs.get(scope.caseId) ?? startMs);
  }

  /** When the answer under `key` last changed: see above. */
  function lastChange(key: string, etag: string, scope: CacheScope): number {
    let first = seen.get(key);
    if (first?.etag !== etag) {
      first = { etag, atMs: now() };
      seen.delete(key);
      seen.set(key, first);
      if (seen.size > maxSeen) seen.delete(seen.keys().next().value!);
    }
    return Math.max(first.atMs, changedAt(scope));
  }

  return {
    get(key: string): CachedPage | undefined {
      noticeExternalWrites();
      const slot = slots.get(key);
      if (!slot) return undefined;
      // Re-insert so the map's order doubles as least-recently-used order.
      slots.delete(key);
      slots.set(key, slot);
      return slot.page;
    },

    /** Taken before a render and handed to set(): a write in between keeps the render out of the cache. */
    ticket: () => generation,

    /**
     * Stores a rendered page and returns it. Given the ticket taken before the render, it stores
     * nothing if a write came in between (the page is still returned, for the request that made it).
     */
    set(key: string, html: string, scope: CacheScope, contentType = "text/html; charset=utf-8", ticket?: number): CachedPage {
      const body = Buffer.from(html, "utf8");
      const etag = strongEtag(body);
      const page: CachedPage = { body, contentType, etag, changedMs: lastChange(key, etag, scope) };
      if (ticket !== undefined && ticket !== generation) return page;
      slots.set(key, { page, scope });
      if (slots.size > maxEntries) slots.delete(slots.keys().next().value!);
      return page;
    },

    /** When the last write a page of this scope may show was made (ms); "global" is any write at all. */
    changedAt,
    lastChange,
    invalidate,
    clear: invalidateAll,
    size: () => slots.size,
    close: unsubscribe,
  };
}

export type PageCache = ReturnType<typeof createPageCache>;

export function gzipOf(page: CachedPage): Buffer {
  return (page.gzip ??= gzipSync(page.body, { level: 6 }));
}

export function brotliOf(page: CachedPage): Buffer {
  return (page.br ??= brotliCompressSync(page.body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: page.body.length },
  }));
}
