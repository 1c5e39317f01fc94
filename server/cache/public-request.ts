import type { FastifyRequest } from "fastify";
import { SESSION_COOKIE } from "../auth/cookies";

const SESSION_COOKIE_PREFIX = `${SESSION_COOKIE}=`;

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
