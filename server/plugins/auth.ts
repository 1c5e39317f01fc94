import fp from "fastify-plugin";
import cookie from "@fastify/cookie";
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import { createFailureLimiter, type FailureLimiter } from "../auth/attempts";
import { TOKEN_LIMITS } from "../auth/limits";
import { createAccounts, SESSION_LIFETIME_MS, type Accounts, type Authentication, type AuthUser } from "../auth/accounts";
import { PRE_SESSION_COOKIE, SESSION_COOKIE } from "../auth/cookies";
import { csrfTokenFrom } from "../auth/csrf";
import { createAuthRepository } from "../auth/repository";
import { randomSecret } from "../auth/secrets";
import { TooManyRequestsError } from "../errors";

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
        throw new TooManyRequestsError(
          `Too many requests with a bad API token from this address. Wait ${waitSeconds} seconds, then try again.`,
          waitSeconds,
        );
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

/**
 * Staff accounts: identifies every request (session cookie or bearer token), and gives
 * replies the session and CSRF helpers. Routes protect themselves with `requireRole` and
 * `requireCsrf` (server/auth/hooks.ts); see server/auth/README.md.
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

    const badTokens = createFailureLimiter({
      max: TOKEN_LIMITS.perAddress.max,
      windowMs: TOKEN_LIMITS.perAddress.timeWindow,
      now: () => Date.parse(app.clock.now()),
    });
    app.addHook("onRequest", identify(accounts, badTokens));
    app.addHook("onResponse", async (request, reply) => {
      if (request.auth?.via === "token" && reply.statusCode < 400) accounts.touchToken(request.auth.tokenId);
    });
  },
  { name: "auth", dependencies: ["context", "views"] },
);
