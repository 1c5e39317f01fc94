import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AuthUser } from "../auth/accounts";
import { ConflictError, ValidationError } from "../errors";
import { paths } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../auth/hooks";
import { AdminUsersQuery, TokenIdParams, UserIdParams } from "./schemas";
import { toAdminUsersView, type AddUserInput } from "./view-models";

/** The admin page: staff accounts and API tokens. Every form is CSRF-protected and answers 303. */
export async function adminRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.addHook("onRequest", requireRole("admin"));

  const pageData = (me: AuthUser) => ({
    me,
    users: app.accounts.listUsers(),
    tokens: app.accounts.listTokens(),
  });

  app.get(paths.adminUsers(), { schema: { querystring: AdminUsersQuery } }, async (request, reply) =>
    reply.view("admin/users.hbs", toAdminUsersView({ ...pageData(request.user!), notice: request.query.done })),
  );

  app.post(paths.adminUsers(), { preHandler: requireCsrf }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      await app.accounts.addUser(body, actorFor(request));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const form: AddUserInput = { email: String(body["email"] ?? ""), name: String(body["name"] ?? ""), role: String(body["role"] ?? "") };
      return reply.code(422).view("admin/users.hbs", toAdminUsersView({ ...pageData(request.user!), form, errors: error.errors }));
    }
    return reply.redirect(`${paths.adminUsers()}?done=added`, 303);
  });

  app.post("/admin/users/:id/disable", { schema: { params: UserIdParams }, preHandler: requireCsrf }, async (request, reply) => {
    if (request.params.id === request.user!.id) throw new ConflictError("You cannot disable your own account.");
    app.accounts.setDisabled(request.params.id, true, actorFor(request));
    return reply.redirect(`${paths.adminUsers()}?done=disabled`, 303);
  });

  app.post("/admin/users/:id/enable", { schema: { params: UserIdParams }, preHandler: requireCsrf }, async (request, reply) => {
    app.accounts.setDisabled(request.params.id, false, actorFor(request));
    return reply.redirect(`${paths.adminUsers()}?done=enabled`, 303);
  });

  app.post("/admin/tokens/:id/revoke", { schema: { params: TokenIdParams }, preHandler: requireCsrf }, async (request, reply) => {
    app.accounts.revokeToken(request.params.id);
    return reply.redirect(`${paths.adminUsers()}?done=revoked`, 303);
  });
}
