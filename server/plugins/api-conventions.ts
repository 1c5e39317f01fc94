import fp from "fastify-plugin";
import rateLimit from "@fastify/rate-limit";
import type { FastifyRequest } from "fastify";
import { refuseUnknownParameters } from "../api/query-check";
import { TooManyRequestsError } from "../errors";
import { paths } from "../paths";

const API_PREFIX = `${paths.api.root()}`;
const WINDOW_SECONDS = 60;

/** Headers a script reading the public API from another origin may see. */
const EXPOSED = ["ETag", "Link", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy"].join(", ");

const isApi = (request: FastifyRequest) =>
  request.url === API_PREFIX || request.url.startsWith(`${API_PREFIX}/`) || request.url.startsWith(`${API_PREFIX}?`);
const isRead = (request: FastifyRequest) => request.method === "GET" || request.method === "HEAD";
/** The public: no token. Staff scripts with a token are limited by the token checks (server/plugins/auth.ts), not by this quota. */
const isPublicRead = (request: FastifyRequest) => isApi(request) && isRead(request) && request.headers.authorization === undefined;

/**
 * What every answer of the JSON API under /api/v1 shares, done once here rather than route by
 * route (the OpenAPI document says the same in server/api/openapi-conventions.ts):
 * - a quota on public reads per client address (`API_REQUESTS_PER_MINUTE`), told in the IETF
 *   draft's `RateLimit-*` headers on every answer, and 429 with `Retry-After` over it;
 * - CORS for public reads: any origin may GET, never with credentials; writes get no CORS
 *   headers, so a browser page elsewhere can never send one (they need a token anyway);
 * - a query parameter the route does not declare is a 400 naming it.
 * Registered before the page cache's hook, which answers stored API answers early.
 */
export const apiConventionsPlugin = fp(
  async (app) => {
    const quota = app.config.apiRequestsPerMinute;
    let limit: ReturnType<typeof app.createRateLimit> | undefined;
    // In a scope of its own, so the limiter's decorations stay out of the rest of the app.
    await app.register(async function publicApiQuota(scope) {
      await scope.register(rateLimit, { global: false });
      limit = scope.createRateLimit({ max: quota, timeWindow: WINDOW_SECONDS * 1000, keyGenerator: (request) => `api:${request.ip}` });
    });

    app.addHook("onRequest", async (request, reply) => {
      if (!isApi(request)) return;
      if (isRead(request)) {
        reply.header("Access-Control-Allow-Origin", "*");
        reply.header("Access-Control-Expose-Headers", EXPOSED);
      }
      if (!isPublicRead(request)) return;
      const state = await limit!(request);
      if (state.isAllowed) return;
      reply.header("RateLimit-Policy", `${state.max};w=${WINDOW_SECONDS}`);
      reply.header("RateLimit-Limit", String(state.max));
      reply.header("RateLimit-Remaining", String(state.isExceeded ? 0 : state.remaining));
      reply.header("RateLimit-Reset", String(state.ttlInSeconds));
      if (state.isExceeded) {
        reply.header("Retry-After", String(state.ttlInSeconds));
        throw new TooManyRequestsError(
          `Over the public API's quota of ${state.max} requests a minute from one address. Wait ${state.ttlInSeconds} seconds, then try again.`,
          state.ttlInSeconds,
        );
      }
    });

    app.addHook("preValidation", async (request) => {
      if (isApi(request) && isRead(request)) refuseUnknownParameters(request.query, request.routeOptions.schema?.querystring);
    });

    // In its own context only so the route table names it (server/plugins/route-table.ts).
    await app.register(async function apiPreflight(scope) {
      // A browser asks before a cross-origin GET with If-None-Match; only reads are ever allowed.
      scope.options(`${API_PREFIX}/*`, { schema: { hide: true } }, async (request, reply) => {
        const method = String(request.headers["access-control-request-method"] ?? "").toUpperCase();
        if (method === "GET" || method === "HEAD") {
          reply
            .header("Access-Control-Allow-Origin", "*")
            .header("Access-Control-Allow-Methods", "GET, HEAD")
            .header("Access-Control-Allow-Headers", "If-None-Match, Accept")
            .header("Access-Control-Max-Age", "86400");
        }
        return reply.code(204).send();
      });
    });
  },
  { name: "api-conventions", dependencies: ["context"] },
);
