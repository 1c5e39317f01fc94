import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { hasRole } from "../auth/roles";
import { NotFoundError, ValidationError, VersionConflictError, errorsByField } from "../errors";
import { setFlash } from "../forms/flash";
import { paths } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../auth/hooks";
import { RecordIdParam } from "../shared/record-id";
import { SEAL_KINDS, SealForm, type SealKind } from "./schemas";
import { createSealRepository } from "./seal-repository";
import { sealState } from "./seals";
import { toSealView, toSealedListView, type SealFormInput } from "./seal-view-models";

const SealParams = z.object({ id: RecordIdParam });

/**
 * Staff pages to seal after the fact, and unseal: one page per record (an entry, a document,
 * a party's name, a case) with its state, the form (the court's order and a reason, both
 * required) and its seal decisions; and the list of everything sealed. Viewers read, editors
 * decide (CSRF on every post); a refused form comes back with the message beside the field (422).
 */
export async function sealRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const repo = createSealRepository(app.db);

  function show(
    request: FastifyRequest,
    reply: FastifyReply,
    kind: SealKind,
    id: number,
    extra: { form?: SealFormInput; errors?: Record<string, string> } = {},
  ) {
    const context = repo.context(kind, id);
    const row = app.seals.find(kind, id);
    if (!context || !row) throw new NotFoundError(`No ${app.seals.words(kind)} has id ${id}.`);
    return reply.view(
      "publication/seal.hbs",
      toSealView({
        kind,
        id,
        context,
        state: sealState(kind, row),
        version: row.version,
        decisions: repo.decisions(kind, id),
        canDecide: hasRole(request.user!.role, "editor") && !row.deletedAt,
        ...extra,
      }),
    );
  }

  app.get(paths.staffSealed(), { onRequest: requireRole("viewer") }, async (_request, reply) =>
    reply.view("publication/sealed.hbs", toSealedListView(repo.sealed())),
  );

  function decide(kind: SealKind, seal: boolean) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      // Already checked and read by the route's schema (the id is a number by now).
      const { id } = request.params as z.infer<typeof SealParams>;
      // A body that is no form (a JSON string, a version that is no number) is refused beside the fields, not a 500.
      const body = typeof request.body === "object" && request.body !== null ? request.body : {};
      const parsed = SealForm.safeParse(body);
      if (!parsed.success) {
        const errors = Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0] ?? "reason"), "is not valid"]));
        return show(request, reply.code(422), kind, id, { form: { reason: "", orderReference: "" }, errors });
      }
      const form = parsed.data;
      const input = { reason: form.reason, orderReference: form.orderReference };
      try {
        app.seals[seal ? "seal" : "unseal"](kind, id, input, { actor: actorFor(request), expectedVersion: form.version });
      } catch (error) {
        if (error instanceof ValidationError)
          return show(request, reply.code(422), kind, id, { form: input, errors: errorsByField(error.errors) });
        if (error instanceof VersionConflictError) {
          const errors = { reason: "was not saved: someone changed this record since you opened the page; check it and decide again" };
          return show(request, reply.code(409), kind, id, { form: input, errors });
        }
        throw error;
      }
      setFlash(reply, seal ? "Sealed: it left every public page, feed and API answer." : "Unsealed: the public sees it again.");
      return reply.redirect(paths.staffSeal(kind, id), 303);
    };
  }

  // One route per kind, so each reads plainly in the route table.
  const post = { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: SealParams } };
  for (const kind of SEAL_KINDS) {
    app.get(`/staff/seal/${kind}/:id`, { onRequest: requireRole("viewer"), schema: { params: SealParams } }, async (request, reply) =>
      show(request, reply, kind, request.params.id),
    );
    app.post(`/staff/seal/${kind}/:id`, post, decide(kind, true));
    app.post(`/staff/seal/${kind}/:id/unseal`, post, decide(kind, false));
  }
}
