import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorFor, requireCsrf, requireRole, safeNext } from "../auth/hooks";
import { hasRole } from "../auth/roles";
import { loadPublicDocket } from "../cases/loaders";
import { DocketQuery } from "../cases/schemas";
import { NotFoundError, ValidationError, VersionConflictError } from "../errors";
import { setFlash } from "../forms/flash";
import { paths } from "../paths";
import { citationExtractor } from "../cites/extractor";
import { createCitesRepository } from "../cites/repository";
import { CaseCitesParams, CiteDecisionForm, CiteParams } from "./schemas";
import { decideCite, extractCaseCites, type CiteDecision } from "../cites/service";

const CITE_DECISIONS: CiteDecision[] = ["confirm", "reject", "reopen"];
import { caseAuthoritiesHtml, newAuthorityHref } from "./tab";
import { toCiteReview, type CiteFormProblem } from "../cites/view-models";

const DONE: Record<CiteDecision, string> = {
  confirm: "Link confirmed",
  reject: "Link rejected: a later extraction will not propose it again",
  reopen: "Link reopened for review",
};

/**
 * Staff decisions on the "cites" links found in filings: confirm (naming the authority),
 * reject, reopen, each with the version the page showed (a stale one is refused, 409); extract
 * a case's filings again; and the list of every link waiting for a decision.
 */
export async function citeReviewRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const repo = createCitesRepository(app.db);

  /** A refused decision: the tab again, with the message beside the link's form. */
  async function refuse(request: FastifyRequest, reply: FastifyReply, slug: string, status: number, problem: CiteFormProblem) {
    return reply
      .code(status)
      .type("text/html; charset=utf-8")
      .send(await caseAuthoritiesHtml(app, request, reply, slug, problem));
  }

  /** One decision on one link: refused with the message beside its form (422, or 409 when stale). */
  async function decide(request: FastifyRequest, reply: FastifyReply, id: number, decision: CiteDecision) {
    const kase = repo.caseOf(id);
    if (!kase) throw new NotFoundError(`No citation link with id ${id}.`);
    const parsed = CiteDecisionForm.safeParse(request.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return refuse(request, reply, kase.slug, 422, { citeId: id, field: String(issue.path[0]), message: issue.message });
    }
    try {
      decideCite(
        app.db,
        app.store,
        id,
        decision,
        { authorityId: parsed.data.authorityId, note: parsed.data.note, expectedVersion: parsed.data.version },
        actorFor(request),
      );
    } catch (error) {
      if (error instanceof ValidationError)
        return refuse(request, reply, kase.slug, 422, {
          citeId: id,
          field: error.errors[0]?.path ?? "authorityId",
          message: error.errors[0]?.message ?? error.message,
        });
      if (error instanceof VersionConflictError) {
        return refuse(request, reply, kase.slug, 409, {
          citeId: id,
          field: "version",
          message: `was changed by someone else since this page was opened (it is now at version ${error.currentVersion}, shown here as it now stands). Nothing was saved; decide again.`,
        });
      }
      throw error;
    }
    setFlash(reply, `${DONE[decision]}.`);
    return reply.redirect(`${safeNext(request, parsed.data.next) ?? paths.caseAuthorities(kase.slug)}#cite-${id}`, 303);
  }

  // One route per decision, so every form post has a fixed path its guards are checked on.
  for (const decision of CITE_DECISIONS) {
    app.post(
      `/staff/cites/:id/${decision}`,
      { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: CiteParams } },
      async (request, reply) => decide(request, reply, request.params.id, decision),
    );
  }

  app.post(
    "/staff/cases/:slug/cites/extract",
    { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: CaseCitesParams } },
    async (request, reply) => {
      const docket = loadPublicDocket(app.db, request.params.slug, DocketQuery.parse({ per: 10 }), "staff");
      if (!docket) throw new NotFoundError(`No case is at ${paths.case(request.params.slug)}.`);
      const result = extractCaseCites({ db: app.db, store: app.store, extract: citationExtractor }, docket.case.id, actorFor(request));
      setFlash(
        reply,
        `Citations extracted again: ${result.found} found, ${result.created} new, ${result.updated} changed, ${result.kept} unchanged, ${result.lost} no longer in the text. Decisions already made were kept.`,
      );
      return reply.redirect(paths.caseAuthorities(docket.case.slug), 303);
    },
  );

  // Every link waiting for a decision, across the cases.
  app.get(paths.staffCites(), { onRequest: requireRole("viewer") }, async (request, reply) => {
    const user = request.user!;
    const rows = repo.proposed();
    const review = toCiteReview(rows, repo.authorityChoices(), {
      canEdit: hasRole(user.role, "editor"),
      returnTo: paths.staffCites(),
      newAuthorityHref,
    });
    const byCase = new Map<string, { title: string; href: string; items: typeof review.items }>();
    rows.forEach((row, i) => {
      const group = byCase.get(row.kase.slug) ?? {
        title: row.kase.caption ?? row.kase.label,
        href: paths.caseAuthorities(row.kase.slug),
        items: [],
      };
      group.items.push(review.items[i]!);
      byCase.set(row.kase.slug, group);
    });
    return reply.viewAsync("cites/review.hbs", {
      title: "Citations waiting for review",
      groups: [...byCase.values()],
      count: review.counts.proposed,
    });
  });
}
