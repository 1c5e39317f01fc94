import fp from "fastify-plugin";
import type { FastifyReply, FastifyRequest } from "fastify";
import { isPublicRequest } from "../cache/public-request";
import { isShareable, PRIVATE_CACHE_CONTROL, publicCacheControlAt } from "../cache/policy";
import { httpDate, isNotModified, lastModifiedMs, strongEtag } from "../cache/validators";

/**
 * The caching headers of every answer, decided in one place so that a page added tomorrow has
 * them without asking (issue 14):
 * - a public GET's answer (200 or 304, no cookie set) is `Cache-Control: public, max-age…,
 *   stale-while-revalidate…` (shorter in the last minutes of a day: cache/policy.ts), with a strong ETag (the body's hash, when the route set none) and
 *   Last-Modified (when what it shows last changed: the page cache's own times for stored pages,
 *   the latest write of any record otherwise), and 304 when the client's validators match;
 * - everything else (staff pages, any request with a session or a token, errors, redirects,
 *   writes, answers that set a cookie) is `private, no-store`;
 * - a route that sets its own Cache-Control keeps it (/health, a public document), except on
 *   an error, which is never stored.
 */
export const httpCachingPlugin = fp(
  async (app) => {
    app.addHook("onSend", async (request, reply, payload) => {
      const own = reply.getHeader("cache-control");
      const shareable = isShareable({
        publicRequest: isPublicRequest(request),
        statusCode: reply.statusCode,
        setsCookie: reply.hasHeader("set-cookie"),
      });
      if (!shareable) {
        if (own === undefined || reply.statusCode >= 400) reply.header("cache-control", PRIVATE_CACHE_CONTROL);
        return payload;
      }
      if (own === undefined) reply.header("cache-control", publicCacheControlAt(request.server.clock.now()));
      if (reply.statusCode !== 200) return payload;
      return validate(request, reply, payload);
    });
  },
  { name: "http-caching", dependencies: ["context"] },
);

/** Gives a public 200 its validators, and turns it into a 304 when the client already holds it. */
function validate(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  const hashable = typeof payload === "string" || Buffer.isBuffer(payload);
  if (!reply.hasHeader("etag") && hashable) reply.header("etag", strongEtag(payload));
  if (reply.hasHeader("last-modified")) return payload;
  // Stored pages came with their own validators and were checked already (cache/send-cached.ts).
  const etag = reply.getHeader("etag");
  const cache = request.server.pageCache;
  const changedMs = typeof etag === "string" ? cache.lastChange(request.url, etag, "global") : cache.changedAt("global");
  reply.header("last-modified", httpDate(lastModifiedMs(changedMs, Date.parse(request.server.clock.now()))));
  if (!isNotModified(request.headers, typeof etag === "string" ? etag : undefined, changedMs)) return payload;
  // A stream we will not read: let it go.
  if (!hashable && payload && typeof (payload as { destroy?: unknown }).destroy === "function")
    (payload as { destroy: () => void }).destroy();
  reply.code(304);
  reply.removeHeader("content-length");
  return null;
}
