import type { FastifyReply, FastifyRequest } from "fastify";
import { isPublicRequest } from "../cache/public-request";
import { brotliOf, gzipOf, type CacheScope, type CachedPage, type PageCache } from "./page-cache";
import { httpDate, isNotModified, lastModifiedMs } from "./validators";

/** Picks the best encoding the client accepts among the ones we pre-encode. */
function preferredEncoding(header: string | undefined): "br" | "gzip" | null {
  if (!header) return null;
  const accepted = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name!, q ? Number(q.slice(2)) : 1);
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get("*") ?? 0;
  if (weight("br") > 0 && weight("br") >= weight("gzip")) return "br";
  if (weight("gzip") > 0) return "gzip";
  return null;
}

/**
 * Sends stored bytes with their ETag and Last-Modified, answering 304 when the client already
 * has them. Cache-Control is left to plugins/http-caching.ts, which decides it for every answer.
 */
export function sendCachedPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage) {
  reply.header("ETag", page.etag);
  reply.header("Last-Modified", httpDate(lastModifiedMs(page.changedMs, Date.parse(request.server.clock.now()))));
  reply.header("Vary", "Accept-Encoding");
  if (isNotModified(request.headers, page.etag, page.changedMs)) return reply.code(304).send();
  reply.type(page.contentType);
  const encoding = preferredEncoding(request.headers["accept-encoding"]);
  if (encoding === "br") return reply.header("Content-Encoding", "br").send(brotliOf(page));
  if (encoding === "gzip") return reply.header("Content-Encoding", "gzip").send(gzipOf(page));
  return reply.send(page.body);
}

/**
 * Serves a page from the cache, rendering and storing it first when it is not there. Only
 * successful renders are stored, and only for the public: a signed-in user may see more than
 * the public page, so gets a fresh render that is never stored. A page stored under its own
 * URL as key is answered by plugins/cached-pages.ts before any route work; pages whose content
 * also depends on something else (today's date) use a key that says so.
 *
 * `render` uses `reply.viewAsync`, which merges `reply.locals` into the page: for a signed-in
 * user that is who they are, a CSRF token and the confirmation of their last save (the layout's
 * "Signed in as … Sign out"); for the public it is empty, so the stored bytes carry nothing of anyone.
 */
export async function serveCached(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  key: string,
  scope: CacheScope,
  render: () => Promise<string> | string,
) {
  if (!isPublicRequest(request)) return reply.type("text/html; charset=utf-8").send(await render());
  const ticket = cache.ticket();
  const page = cache.get(key) ?? cache.set(key, await render(), scope, undefined, ticket);
  return sendCachedPage(request, reply, page);
}
