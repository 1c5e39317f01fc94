import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { hasRole } from "../auth/roles";
import { CaseParams } from "../cases/schemas";
import { EDIT_TYPES, type EditType } from "../editing/definition";
import { NotFoundError, ValidationError, VersionConflictError } from "../errors";
import { paths } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../auth/hooks";
import { isEditableType } from "../records/tables";
import type { HoldRow } from "../guard/repository";
import { formText, HoldParams, NeverPublishQuery, ReviewQuery, TermParams } from "./schemas";
import { redactableFields, toHoldView, toNeverPublishView, toReviewQueueView, type HoldItem } from "./view-models";

/**
 * The staff side of the publication guard: the review queue of held records (viewers read it;
 * editors release or redact), and each case's never-publish list. Staff-only: the findings
 * are the very data the guard keeps from the public.
 */
export async function reviewRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const canEdit = (request: FastifyRequest) => hasRole(request.user!.role, "editor");

  function itemOf(hold: HoldRow): HoldItem {
    const type = hold.recordType;
    const record = !isEditableType(type)
      ? undefined
      : (EDIT_TYPES as readonly string[]).includes(type)
        ? app.editing.find(type as EditType, Number(hold.recordId))
        : (app.store.find(type, hold.recordId) as Record<string, unknown> | undefined);
    const kase = hold.caseId === null ? undefined : app.store.find("case", hold.caseId);
    // A document's findings may be in its file's metadata, which the review page shows marked.
    const metadata = type === "document" && typeof record?.fileSha256 === "string" ? app.guard.repo.pdfMetadataOf(record.fileSha256) : null;
    const withFile = metadata ? { ...record, pdfMetadata: metadata } : record;
    return { hold, record: withFile, kase: kase ? { slug: kase.slug, label: kase.label } : null };
  }

  const requireHold = (holdId: number) => {
    const hold = app.guard.repo.hold(holdId);
    if (!hold) throw new NotFoundError(`No hold has id ${holdId}.`);
    return itemOf(hold);
  };

  const requireCase = (slug: string) => {
    const id = app.editing.resolveId("case", slug);
    const kase = id === undefined ? undefined : app.store.find("case", id);
    if (!kase) throw new NotFoundError(`No case is at ${slug}.`);
    return kase;
  };

  app.get(paths.staffReview(), { onRequest: requireRole("viewer"), schema: { querystring: ReviewQuery } }, async (request, reply) =>
    reply.view(
      "review/queue.hbs",
      toReviewQueueView({
        open: app.guard.repo.holds({ status: "held" }).map(itemOf),
        settled: app.guard.repo.holds({ status: "settled", limit: 50 }).map(itemOf),
        notice: request.query.done,
      }),
    ),
  );

  app.get("/staff/review/:holdId", { onRequest: requireRole("viewer"), schema: { params: HoldParams } }, async (request, reply) =>
    reply.view("review/hold.hbs", toHoldView({ item: requireHold(request.params.holdId), canEdit: canEdit(request) })),
  );

  app.post(
    "/staff/review/:holdId/release",
    { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: HoldParams } },
    async (request, reply) => {
      const reason = formText(request.body, "reason");
      try {
        app.guard.release(request.params.holdId, reason, actorFor(request));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        const item = requireHold(request.params.holdId);
        return reply.code(422).view("review/hold.hbs", toHoldView({ item, canEdit: true, errors: error.errors, form: { reason } }));
      }
      return reply.redirect(`${paths.staffReview()}?done=released`, 303);
    },
  );

  app.post(
    "/staff/review/:holdId/redact",
    { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: HoldParams } },
    async (request, reply) => {
      const item = requireHold(request.params.holdId);
      const reason = formText(request.body, "reason");
      const values = Object.fromEntries(redactableFields(item.hold.findings).map((field) => [field, formText(request.body, field)]));
      const version = Number(formText(request.body, "version")) || undefined;
      try {
        app.guard.redact(request.params.holdId, values, reason, actorFor(request), version);
      } catch (error) {
        if (error instanceof VersionConflictError) {
          const errors = [
            {
              path: "reason",
              message: "was not saved: someone changed this record since you opened the page; the text below is theirs now",
            },
          ];
          return reply
            .code(409)
            .view("review/hold.hbs", toHoldView({ item: requireHold(request.params.holdId), canEdit: true, errors, form: { reason } }));
        }
        if (!(error instanceof ValidationError)) throw error;
        return reply.code(422).view("review/hold.hbs", toHoldView({ item, canEdit: true, errors: error.errors, form: { reason, values } }));
      }
      return reply.redirect(`${paths.staffReview()}?done=redacted`, 303);
    },
  );

  app.get(
    "/staff/cases/:slug/never-publish",
    { onRequest: requireRole("viewer"), schema: { params: CaseParams, querystring: NeverPublishQuery } },
    async (request, reply) => {
      const kase = requireCase(request.params.slug);
      return reply.view(
        "review/never-publish.hbs",
        toNeverPublishView({
          kase,
          terms: app.guard.repo.termsOfCase(kase.id),
          canEdit: canEdit(request),
          notice: request.query.done,
          held: request.query.held,
        }),
      );
    },
  );

  app.post(
    "/staff/cases/:slug/never-publish",
    { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: CaseParams } },
    async (request, reply) => {
      const kase = requireCase(request.params.slug);
      const note = formText(request.body, "note");
      try {
        const { held } = app.guard.addTerm(kase.id, { term: formText(request.body, "term"), note }, actorFor(request));
        return reply.redirect(`${paths.staffNeverPublish(kase.slug)}?done=added&held=${held}`, 303);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        // The term is never shown back, not even to the person who typed it.
        const view = toNeverPublishView({ kase, terms: app.guard.repo.termsOfCase(kase.id), canEdit: true, errors: error.errors, note });
        return reply.code(422).view("review/never-publish.hbs", view);
      }
    },
  );

  // One route per action, so a malformed action is a 404 and a forged post is refused by its CSRF check.
  for (const action of ["remove", "restore"] as const) {
    app.post(
      `/staff/cases/:slug/never-publish/:termId/${action}`,
      { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: TermParams } },
      async (request, reply) => {
        const kase = requireCase(request.params.slug);
        const term = app.guard.repo.term(request.params.termId);
        if (!term || term.caseId !== kase.id) throw new NotFoundError(`No never-publish term ${request.params.termId} in this case.`);
        app.guard.setTermRemoved(term.id, action === "remove", actorFor(request));
        return reply.redirect(`${paths.staffNeverPublish(kase.slug)}?done=${action === "remove" ? "removed" : "restored"}`, 303);
      },
    );
  }
}
