import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { hasRole } from "../auth/roles";
import { NotFoundError, ValidationError, VersionConflictError, errorsByField, fieldErrors } from "../errors";
import { setFlash } from "../forms/flash";
import { paths } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../auth/hooks";
import type { RecordRow } from "../records/tables";
import { createPublicationRepository } from "./repository";
import { PublishForm } from "./schemas";
import { toCasePublicationView, toUnpublishedListView, type PublicationFormInput } from "./view-models";

const CaseParams = z.object({ slug: z.string().min(1).max(200) });

/**
 * The staff side of publication: the list of cases the public does not see yet, and one
 * case's publication page, whose form publishes it (with a group and a reason) or takes it
 * back. Viewers read; editors decide (CSRF on every post). A refused decision re-renders the
 * page with the message beside the field (422) and changes nothing.
 */
export async function publicationRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const repo = createPublicationRepository(app.db);
  const mayDecide = (request: FastifyRequest) => hasRole(request.user!.role, "editor");

  function caseOr404(slug: string): RecordRow<"case"> {
    const kase = repo.caseBySlug(slug);
    if (!kase) throw new NotFoundError(`No case is at /staff/cases/${slug}.`);
    return kase;
  }

  function showCase(
    request: FastifyRequest,
    reply: FastifyReply,
    kase: RecordRow<"case">,
    extra: { form?: PublicationFormInput; errors?: Record<string, string> } = {},
  ) {
    return reply.view(
      "publication/case.hbs",
      toCasePublicationView({
        kase,
        court: repo.courts([kase.courtId])[0] ?? null,
        holdings: repo.holdings([kase.id]).get(kase.id)!,
        arrivals: repo.importsOf([kase.id]),
        creation: repo.creations([kase.id])[0],
        decisions: repo.decisions(kase.id),
        canPublish: mayDecide(request),
        ...extra,
      }),
    );
  }

  app.get(paths.staffUnpublished(), { onRequest: requireRole("viewer") }, async (request, reply) => {
    const cases = repo.unpublishedCases();
    const ids = cases.map((c) => c.id);
    const arrivals = new Map<number, ReturnType<typeof repo.importsOf>>();
    for (const a of repo.importsOf(ids)) arrivals.set(a.caseId, [...(arrivals.get(a.caseId) ?? []), a]);
    return reply.view(
      "publication/unpublished.hbs",
      toUnpublishedListView({
        cases,
        courts: new Map(repo.courts(cases.map((c) => c.courtId)).map((c) => [c.id, c])),
        holdings: repo.holdings(ids),
        arrivals,
        creations: new Map(repo.creations(ids).map((c) => [c.caseId, c])),
        canPublish: mayDecide(request),
      }),
    );
  });

  app.get("/staff/cases/:slug/publication", { onRequest: requireRole("viewer"), schema: { params: CaseParams } }, async (request, reply) =>
    showCase(request, reply, caseOr404(request.params.slug)),
  );

  /** Publish or unpublish from the form; the service checks the reason and the group. */
  function decide(decision: "publish" | "unpublish") {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const { slug } = CaseParams.parse(request.params);
      const kase = caseOr404(slug);
      const parsed = PublishForm.safeParse(request.body ?? {});
      // A hand-made post (a repeated field, a version that is no number) is refused beside its field, not thrown.
      if (!parsed.success)
        return showCase(request, reply.code(422), kase, {
          form: { reason: "", group: "" },
          errors: errorsByField(fieldErrors(parsed.error)),
        });
      const form = parsed.data;
      const input =
        decision === "publish" ? { reason: form.reason, ...(form.group ? { group: form.group } : {}) } : { reason: form.reason };
      try {
        app.publication[decision](kase.id, input, { actor: actorFor(request), expectedVersion: form.version });
      } catch (error) {
        if (error instanceof ValidationError) {
          return showCase(request, reply.code(422), kase, {
            form: { reason: form.reason, group: form.group },
            errors: errorsByField(error.errors),
          });
        }
        if (error instanceof VersionConflictError) {
          const errors = { reason: "was not saved: someone changed the case since you opened this page; check it below and decide again" };
          return showCase(request, reply.code(409), caseOr404(slug), { form: { reason: form.reason, group: form.group }, errors });
        }
        throw error;
      }
      setFlash(
        reply,
        decision === "publish"
          ? "Published: the public now sees the case and everything of it."
          : "Unpublished: only staff see the case now.",
      );
      return reply.redirect(paths.staffCasePublication(kase.slug), 303);
    };
  }

  const post = { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: CaseParams } };
  app.post("/staff/cases/:slug/publish", post, decide("publish"));
  app.post("/staff/cases/:slug/unpublish", post, decide("unpublish"));
}
