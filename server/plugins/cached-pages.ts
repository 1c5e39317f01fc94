import fp from "fastify-plugin";
import type { FastifyRequest } from "fastify";
import { sendCachedPage } from "../cache/send-cached";

const SESSION_COOKIE_PREFIX = "quash_session=";

/**
 * Only the public's requests are served from (and stored in) the page cache: a signed-in
 * user or a script with a token may be shown more than the public page, so they always get a
 * fresh render.
 */
export function isPublicRequest(request: FastifyRequest): boolean {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  if (request.headers.authorization) return false;
  return !(request.headers.cookie ?? "").includes(SESSION_COOKIE_PREFIX);
}

/**
 * Answers a cached page before routing work (validation, sign-in lookup, handlers) is done;
 * this is what lets a docket page approach the speed of sending a static buffer. Runs after
 * the security headers are set.
 */
export const cachedPagesPlugin = fp(
  async (app) => {
    app.addHook("onRequest", async (request, reply) => {
      if (!isPublicRequest(request)) return;
      const page = app.pageCache.get(request.url);
      if (page) return sendCachedPage(request, reply, page);
    });
  },
  { name: "cached-pages", dependencies: ["context", "security"] },
);
