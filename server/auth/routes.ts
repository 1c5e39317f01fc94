import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from "fastify";
import rateLimit from "@fastify/rate-limit";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { paths } from "../paths";
import { requireCsrf, requireCsrfIfSignedIn, safeNext } from "./hooks";
import { LOGIN_LIMITS } from "./limits";
import { LoginForm } from "./schemas";
import { DISABLED_ACCOUNT, TOO_MANY_ATTEMPTS, WRONG_CREDENTIALS, toLoginView } from "./view-models";

const LoginQuery = z.object({
  next: z.string().max(500).optional(),
  signedOut: z.literal("1").optional(),
});

function renderLogin(reply: FastifyReply, status: number, view: Omit<Parameters<typeof toLoginView>[0], "csrfToken">) {
  return reply
    .code(status)
    .header("cache-control", "private, no-store")
    .view("auth/login.hbs", toLoginView({ ...view, csrfToken: reply.csrfToken() }));
}

const emailOf = (request: FastifyRequest) => {
  const body = request.body as Record<string, unknown> | undefined;
  return typeof body?.["email"] === "string" ? body["email"].trim().toLowerCase() : "";
};

/** Sign-in and sign-out pages. */
export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // Only the sign-in form is limited; the limiters below are called by hand so the refusal is the form again.
  await app.register(rateLimit, { global: false });
  const perAccount = app.createRateLimit({ ...LOGIN_LIMITS.perAccount, keyGenerator: (r) => `login:${r.ip}:${emailOf(r)}` });
  const perAddress = app.createRateLimit({ ...LOGIN_LIMITS.perAddress, keyGenerator: (r) => `login:${r.ip}` });

  const limitAttempts: preHandlerAsyncHookHandler = async (request, reply) => {
    const results = [await perAccount(request), await perAddress(request)];
    const exceeded = results.find((r) => !r.isAllowed && r.isExceeded);
    if (exceeded && !exceeded.isAllowed) {
      reply.header("retry-after", String(exceeded.ttlInSeconds));
      return renderLogin(reply, 429, { email: emailOf(request), message: TOO_MANY_ATTEMPTS });
    }
  };

  app.get(paths.login(), { schema: { querystring: LoginQuery } }, async (request, reply) => {
    const next = safeNext(request, request.query.next);
    if (request.user) return reply.redirect(next ?? paths.staff(), 303);
    return renderLogin(reply, 200, { next, signedOut: request.query.signedOut === "1" });
  });

  app.post(paths.login(), { preHandler: [limitAttempts, requireCsrf] }, async (request, reply) => {
    const form = LoginForm.safeParse(request.body ?? {});
    const email = form.success ? form.data.email : emailOf(request);
    const next = form.success ? safeNext(request, form.data.next) : undefined;
    if (!form.success || !form.data.email || !form.data.password) {
      return renderLogin(reply, 422, { email, next, message: "Enter your e-mail address and your password." });
    }
    const result = await app.accounts.authenticate(form.data.email, form.data.password);
    if (result.status !== "ok") {
      return renderLogin(reply, 422, { email, next, message: result.status === "disabled" ? DISABLED_ACCOUNT : WRONG_CREDENTIALS });
    }
    // A new sign-in never reuses a session: the one this browser had (if any) ends here.
    if (request.auth?.via === "session") app.accounts.endSession(request.auth.sessionId);
    reply.startSession(result.auth.id);
    return reply.redirect(next ?? paths.staff(), 303);
  });

  app.post(paths.logout(), { preHandler: requireCsrfIfSignedIn }, async (_request, reply) => {
    reply.endSession();
    return reply.redirect(`${paths.login()}?signedOut=1`, 303);
  });
}
