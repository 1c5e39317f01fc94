/*
 * What every operation of the API has in common, added to the OpenAPI document in one place
 * because it is done in one place (server/api/conventions.ts and the error handler), not by
 * each route: public reads declare `security: []`, answer 304 to a matching If-None-Match, 400
 * to a malformed or unknown parameter and 429 over the quota, with their headers; every error
 * is RFC 9457 `application/problem+json`.
 */

type Schema = Record<string, unknown>;
type Response = { description?: string; headers?: Record<string, unknown>; content?: Record<string, { schema: Schema }> };
type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  responses?: Record<string, Response>;
};
type Document = { paths?: Record<string, Record<string, Operation>> };

export const PROBLEM_MEDIA_TYPE = "application/problem+json";
const PROBLEM = { $ref: "#/components/schemas/Problem" };
const METHODS = new Set(["get", "head", "post", "put", "patch", "delete", "options"]);

const header = (description: string, type: "string" | "integer" = "string") => ({ description, schema: { type } });

/** The quota's headers (the IETF draft's names, as @fastify/rate-limit writes them with its draft option). */
export const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": header("Requests allowed per window for this client.", "integer"),
  "RateLimit-Remaining": header("Requests left in the current window.", "integer"),
  "RateLimit-Reset": header("Seconds until the window resets.", "integer"),
};

const problem = (description: string, headers?: Record<string, unknown>): Response => ({
  description,
  ...(headers ? { headers } : {}),
  content: { [PROBLEM_MEDIA_TYPE]: { schema: PROBLEM } },
});

/** Adds the shared answers and security to every operation; `quota` is the per-minute limit, for the 429's description. */
export function applyApiConventions(document: Document, quota: number): void {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const responses = (operation.responses ??= {});
      // A route that names no security scheme is public; say so rather than leave it implied.
      operation.security ??= [];
      const isPublicRead = (method === "get" || method === "head") && operation.security.length === 0;
      if (isPublicRead) {
        const ok = responses["200"];
        if (ok)
          ok.headers = { ETag: header("The answer's entity tag; send it back in If-None-Match."), ...RATE_LIMIT_HEADERS, ...ok.headers };
        responses["304"] ??= {
          description: "Not Modified: the If-None-Match sent is the answer's ETag; no body.",
          headers: { ETag: header("The same entity tag.") },
        };
        responses["400"] ??= problem("A parameter is malformed or unknown; `errors` names it.");
        if (path.includes("{")) responses["404"] ??= problem("Nothing has this slug.");
        responses["429"] ??= problem(`Over the public quota of ${quota} requests a minute per client; wait as Retry-After says.`, {
          "Retry-After": header("Seconds to wait before the next request.", "integer"),
          ...RATE_LIMIT_HEADERS,
        });
      }
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) < 400 || !response.content) continue;
        const json = response.content["application/json"];
        if (json) response.content = { [PROBLEM_MEDIA_TYPE]: json };
      }
    }
  }
}
