import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { dataVersion, type Db } from "../../db/client";
import { onRecordChange, type RecordChange } from "../records/changes";

/** A rendered page kept as bytes, with its encodings made on first demand. */
export type CachedPage = {
  body: Buffer;
  etag: string;
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
 * process (the CLI while the server runs) are noticed through SQLite's data_version.
 */
export function createPageCache(db: Db, maxEntries = 500) {
  const slots = new Map<string, Slot>();
  let seenVersion = dataVersion(db);

  function invalidate(change: RecordChange) {
    if (change.caseIds === "all") return slots.clear();
    for (const [key, slot] of slots) {
      if (slot.scope === "global" || change.caseIds.includes(slot.scope.caseId)) slots.delete(key);
    }
  }
  const unsubscribe = onRecordChange(db, invalidate);

  function externalWriteSeen(): boolean {
    const version = dataVersion(db);
    if (version === seenVersion) return false;
    seenVersion = version;
    return true;
  }

  return {
    get(key: string): CachedPage | undefined {
      if (externalWriteSeen()) slots.clear();
      const slot = slots.get(key);
      if (!slot) return undefined;
      // Re-insert so the map's order doubles as least-recently-used order.
      slots.delete(key);
      slots.set(key, slot);
      return slot.page;
    },

    set(key: string, html: string, scope: CacheScope, contentType = "text/html; charset=utf-8"): CachedPage {
      const body = Buffer.from(html, "utf8");
      const page: CachedPage = { body, contentType, etag: `"${createHash("sha1").update(body).digest("base64url")}"` };
      slots.set(key, { page, scope });
      if (slots.size > maxEntries) slots.delete(slots.keys().next().value!);
      return page;
    },

    invalidate,
    clear: () => slots.clear(),
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
