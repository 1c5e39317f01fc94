import fp from "fastify-plugin";
import { isPublicRequest } from "../cache/public-request";
import { sendCachedPage } from "../cache/send-cached";

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
