import fp from "fastify-plugin";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * A confirmation shown once, on the page a form redirects to ("Saved ECF No. 12, filed Friday,
 * September 19, 2025"). It travels in a short-lived HTTP-only cookie, and the next page a
 * signed-in user opens reads and clears it. Only session requests ever see it, and those are
 * never served from or stored in the page cache, so no confirmation can leak into a cached page.
 */
export const FLASH_COOKIE = "quash_flash";
const MAX_LENGTH = 500;

function cookieOptions(request: FastifyRequest) {
  const setting = request.server.config.cookieSecure;
  const secure = setting === "auto" ? request.protocol === "https" : setting === "true";
  return { path: "/", httpOnly: true, secure, sameSite: "lax" as const };
}

/** Leaves a confirmation for the next page this user opens. */
export function setFlash(reply: FastifyReply, message: string): void {
  reply.setCookie(FLASH_COOKIE, message.slice(0, MAX_LENGTH), { ...cookieOptions(reply.request), maxAge: 60 });
}

const isPage = (request: FastifyRequest) =>
  request.method === "GET" && !request.url.startsWith("/api/") && !request.url.startsWith("/assets/");

export const flashPlugin = fp(
  async (app) => {
    // After the auth plugin's hook: only a signed-in browser's page request takes the confirmation.
    app.addHook("onRequest", async (request, reply) => {
      const message = request.cookies[FLASH_COOKIE];
      if (message === undefined || request.auth?.via !== "session" || !isPage(request)) return;
      reply.locals = { ...(reply.locals ?? {}), flash: message.slice(0, MAX_LENGTH) };
      reply.clearCookie(FLASH_COOKIE, cookieOptions(request));
    });
  },
  { name: "flash", dependencies: ["auth"] },
);
