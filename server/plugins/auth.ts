import fp from "fastify-plugin";
import cookie from "@fastify/cookie";
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler, preHandlerAsyncHookHandler } from "fastify";
import type { UserRole } from "../../db/schema";
import { createFailureLimiter, type FailureLimiter } from "../auth/attempts";
import { TOKEN_LIMITS } from "../auth/limits";
import { createAccounts, SESSION_LIFETIME_MS, type Accounts, type Authentication, type AuthUser } from "../auth/accounts";
import { CSRF_FIELD, CSRF_HEADER, csrfTokenFrom, isValidCsrfToken } from "../auth/csrf";
import { createAuthRepository } from "../auth/repository";
import { hasRole } from "../auth/roles";
import { safeReturnTo } from "../auth/return-to";
import { randomSecret } from "../auth/secrets";
import { ForbiddenError, TooManyRequestsError, UnauthorizedError } from "../errors";
import { paths } from "../paths";
import type { Actor } from "../records/store";

export const SESSION_COOKIE = "quash_session";
/** Holds the CSRF secret of a visitor who has no session yet (the sign-in form). */
export const PRE_SESSION_COOKIE = "quash_csrf";

/** Why a request that tried to authenticate is anonymous: shown instead of a plain "sign in". */
type AuthProblem = "disabled" | "invalid-token" | null;

declare module "fastify" {
  interface FastifyInstance {
    accounts: Accounts;
  }
  interface FastifyRequest {
    /** The signed-in user (session cookie or bearer token), or null for the public. */
    user: AuthUser | null;
    auth: Authentication | null;
    authProblem: AuthProblem;
  }
  interface FastifyReply {
    /** Template data @fastify/view merges into every view (it decorates this but does not type it). */
    locals: Record<string, unknown> | null;
    /** A CSRF token for a form on this page (creates the pre-session cookie for anonymous visitors). */
    csrfToken(): string;
    /** Sets the session cookie after a successful sign-in. */
    startSession(userId: number): void;
    /** Ends the current session and clears its cookie. */
    endSession(): void;
  }
}

const CSRF_REFUSED =
  "This form has expired or did not come from Quash, so nothing was saved. Reload the page and submit it again.";

function cookieOptions(request: FastifyRequest) {
  const setting = request.server.config.cookieSecure;
  const secure = setting === "auto" ? request.protocol === "https" : setting === "true";
  return { path: "/", httpOnly: true, secure };
}

function bearerToken(request: FastifyRequest): string | null | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/**
 * Who is asking. Runs on every request before the body is read: a bearer token (API scripts)
 * wins over the session cookie (browsers). A session of a disabled user is deleted and the
 * request treated as anonymous, so a disabled account is refused on its very next request.
 */
function identify(accounts: Accounts, badTokens: FailureLimiter): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const token = bearerToken(request);
    if (token !== undefined) {
      const waitSeconds = badTokens.blockedFor(request.ip);
      if (waitSeconds > 0) {
        reply.header("retry-after", String(waitSeconds));
        throw new TooManyRequestsError(`Too many requests with a bad API token from this address. Wait ${waitSeconds} seconds, then try again.`, waitSeconds);
      }
      const resolved = token === null ? ({ status: "invalid" } as const) : accounts.resolveToken(token);
      if (resolved.status === "ok") request.auth = resolved.auth;
      else {
        if (resolved.status === "invalid") badTokens.fail(request.ip);
        request.authProblem = resolved.status === "disabled" ? "disabled" : "invalid-token";
      }
    } else {
      const sessionToken = request.cookies[SESSION_COOKIE];
      if (sessionToken) {
        const resolved = accounts.resolveSession(sessionToken);
        if (resolved.status === "ok") request.auth = resolved.auth;
        else {
          reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
          if (resolved.status === "disabled") request.authProblem = "disabled";
        }
      }
    }
    request.user = request.auth?.user ?? null;
    if (request.auth?.via === "session") {
      // Staff templates print {{> csrf-field}} and "signed in as"; public pages never read these.
      reply.locals = { ...(reply.locals ?? {}), csrfToken: csrfTokenFrom(request.auth.csrfSecret), currentUser: request.user };
    }
  };
}

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
  return async (request, reply) => {
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

/** Who a revision names for a change made through this request. */
export function actorFor(request: FastifyRequest): Actor {
  const auth = request.auth;
  if (!auth) throw new UnauthorizedError();
  return {
    userId: auth.user.id,
    label: auth.via === "token" ? `${auth.user.email} (API token #${auth.tokenId})` : auth.user.email,
  };
}

/**
 * Staff accounts: identifies every request (session cookie or bearer token), and gives
 * replies the session and CSRF helpers. Routes protect themselves with `requireRole` and
 * `requireCsrf`; see server/auth/README.md.
 */
export const authPlugin = fp(
  async (app) => {
    await app.register(cookie);
    const accounts = createAccounts(createAuthRepository(app.db), app.clock);
    app.decorate("accounts", accounts);
    app.decorateRequest("user", null);
    app.decorateRequest("auth", null);
    app.decorateRequest("authProblem", null);

    app.decorateReply("csrfToken", function (this: FastifyReply) {
      const request = this.request;
      if (request.auth?.via === "session") return csrfTokenFrom(request.auth.csrfSecret);
      let secret = request.cookies[PRE_SESSION_COOKIE];
      if (!secret) {
        secret = randomSecret();
        // Later calls during the same request must use the same secret.
        request.cookies[PRE_SESSION_COOKIE] = secret;
        this.setCookie(PRE_SESSION_COOKIE, secret, { ...cookieOptions(request), sameSite: "strict" });
      }
      return csrfTokenFrom(secret);
    });

    app.decorateReply("startSession", function (this: FastifyReply, userId: number) {
      const { token } = accounts.startSession(userId);
      const options = cookieOptions(this.request);
      this.setCookie(SESSION_COOKIE, token, { ...options, sameSite: "lax", maxAge: SESSION_LIFETIME_MS / 1000 });
      this.clearCookie(PRE_SESSION_COOKIE, options);
    });

    app.decorateReply("endSession", function (this: FastifyReply) {
      const auth = this.request.auth;
      if (auth?.via === "session") accounts.endSession(auth.sessionId);
      this.clearCookie(SESSION_COOKIE, cookieOptions(this.request));
    });

    const badTokens = createFailureLimiter({ max: TOKEN_LIMITS.perAddress.max, windowMs: TOKEN_LIMITS.perAddress.timeWindow, now: () => Date.parse(app.clock.now()) });
    app.addHook("onRequest", identify(accounts, badTokens));
    app.addHook("onResponse", async (request, reply) => {
      if (request.auth?.via === "token" && reply.statusCode < 400) accounts.touchToken(request.auth.tokenId);
    });
  },
  { name: "auth", dependencies: ["context", "views"] },
);

export { CSRF_FIELD };
