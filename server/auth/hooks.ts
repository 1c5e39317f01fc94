import type { FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from "fastify";
import type { UserRole } from "../../db/schema";
import { ForbiddenError, UnauthorizedError } from "../errors";
import { paths } from "../paths";
import type { Actor } from "../records/store";
import { PRE_SESSION_COOKIE } from "./cookies";
import { CSRF_FIELD, CSRF_HEADER, isValidCsrfToken } from "./csrf";
import { safeReturnTo } from "./return-to";
import { hasRole } from "./roles";

/*
 * What a route uses to protect itself and to name who changed something. The auth plugin
 * (server/plugins/auth.ts) has already identified the request (request.auth, request.user).
 */

/** What each hook below demands, so the route table can list a route's guards (server/plugins/route-table.ts). */
const GUARDS = new WeakMap<object, string>();

/** The guards a route hook stands for: ["editor"], ["csrf"], or [] for a hook that guards nothing. */
export function guardsOf(hook: unknown): string[] {
  const guard = typeof hook === "function" ? GUARDS.get(hook) : undefined;
  return guard ? [guard] : [];
}

const CSRF_REFUSED = "This form has expired or did not come from Quash, so nothing was saved. Reload the page and submit it again.";

function wantsPage(request: FastifyRequest): boolean {
  return !request.url.startsWith("/api/");
}

/** A `?next=` value only if it is a path on this site (see auth/return-to.ts), else undefined. */
export function safeNext(request: FastifyRequest, next: string | undefined): string | undefined {
  return safeReturnTo(next, request.server.config.publicUrl);
}

/**
 * A hook that lets through users with at least `role`. Use it as `onRequest` so a refused
 * request is answered before its body is read. Anonymous visitors asking for a page are sent
 * to the sign-in page; API clients get 401 with `WWW-Authenticate: Bearer`. `via: "token"`
 * accepts only bearer tokens (the write API: no cookies, hence no CSRF).
 */
export function requireRole(role: UserRole, options: { via?: "token" | "any" } = {}): onRequestAsyncHookHandler {
  const hook: onRequestAsyncHookHandler = async (request, reply) => {
    reply.header("cache-control", "private, no-store");
    const auth = options.via === "token" && request.auth?.via !== "token" ? null : request.auth;
    if (!auth) {
      if (!wantsPage(request)) reply.header("www-authenticate", 'Bearer realm="Quash"');
      if (request.authProblem === "disabled") throw new UnauthorizedError("This account has been disabled. Ask an admin to enable it.");
      if (request.authProblem === "invalid-token") throw new UnauthorizedError("The API token is not valid or has been revoked.");
      if (options.via === "token") {
        throw new UnauthorizedError("Send an API token: Authorization: Bearer <token> (create one with `quash token create EMAIL`).");
      }
      if (wantsPage(request) && request.method === "GET") {
        return reply.redirect(`${paths.login()}?next=${encodeURIComponent(request.url)}`, 303);
      }
      throw new UnauthorizedError("Sign in to continue.");
    }
    if (!hasRole(auth.user.role, role)) {
      throw new ForbiddenError(`This needs the ${role} role; your account has the ${auth.user.role} role.`);
    }
  };
  GUARDS.set(hook, options.via === "token" ? `${role} (token)` : role);
  return hook;
}

/**
 * Refuses a form post without a valid CSRF token (field `_csrf`, or header `x-csrf-token`).
 * Runs as `preHandler`, after the body is parsed. Bearer-token requests are exempt: they carry
 * no cookie, so another site cannot make a browser send them.
 */
export const requireCsrf: preHandlerAsyncHookHandler = async (request) => {
  if (request.auth?.via === "token") return;
  const secret = request.auth?.via === "session" ? request.auth.csrfSecret : request.cookies[PRE_SESSION_COOKIE];
  const body = request.body as Record<string, unknown> | undefined;
  const fromBody = body && typeof body === "object" ? body[CSRF_FIELD] : undefined;
  const token = typeof fromBody === "string" ? fromBody : request.headers[CSRF_HEADER];
  if (!secret || typeof token !== "string" || !isValidCsrfToken(secret, token)) throw new ForbiddenError(CSRF_REFUSED);
};
GUARDS.set(requireCsrf, "csrf");

/** `requireCsrf` for a signed-in browser only: without a session there is nothing to end (an expired session's sign-out button still works). */
export const requireCsrfIfSignedIn: preHandlerAsyncHookHandler = async function (request, reply) {
  if (request.auth?.via === "session") await requireCsrf.call(this, request, reply);
};
GUARDS.set(requireCsrfIfSignedIn, "csrf (signed in)");

/** Who a revision names for a change made through this request. */
export function actorFor(request: FastifyRequest): Actor {
  const auth = request.auth;
  if (!auth) throw new UnauthorizedError();
  return {
    userId: auth.user.id,
    label: auth.via === "token" ? `${auth.user.email} (API token #${auth.tokenId})` : auth.user.email,
  };
}
