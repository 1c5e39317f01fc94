import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { loadPublicArguments } from "../arguments/loaders";
import { hasRole } from "../auth/roles";
import { isPublicRequest } from "../cache/public-request";
import { loadPublicDocket, type DocketReader } from "../cases/loaders";
import { DocketQuery } from "../cases/schemas";
import { toCaseHeader } from "../cases/view-models";
import { NotFoundError } from "../errors";
import { paths } from "../paths";
import { notPublicBanner } from "../publication/view-models";
import { caseTabs } from "../shared/case-tabs";
import { loadCaseAuthorities } from "../cites/loaders";
import { createCitesRepository } from "../cites/repository";
import { toCaseAuthoritiesView, toCiteReview, type CiteFormProblem } from "../cites/view-models";

const readerOf = (request: FastifyRequest): DocketReader => (request.user && !isPublicRequest(request) ? "staff" : "public");
const staffOf = (request: FastifyRequest) => (request.user && !isPublicRequest(request) ? request.user : null);

/** Where "add it as an authority" goes: the authority form, filled in with what the extractor read. */
export const newAuthorityHref = (proposal: Record<string, string>) =>
  `${paths.staffRecordNew("authorities")}?${new URLSearchParams(proposal).toString()}`;

/**
 * A case's Authorities tab, as CourtListener's docket has one: the authorities its filings
 * cite (confirmed links only for the public, with the pin cite and sentence of each), the
 * authorities its arguments cite, or the plain reason there are none. Signed-in staff also see
 * every link found in the case's filings, with the forms to confirm, reject or reopen each and
 * to extract the filings' citations again; `problem` puts a refused decision's message beside its form.
 */
export function caseAuthoritiesHtml(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  problem?: CiteFormProblem,
): Promise<string> {
  const repo = createCitesRepository(app.db);
  const reader = readerOf(request);
  const docket = loadPublicDocket(app.db, slug, DocketQuery.parse({ per: 10 }), reader);
  if (!docket) throw new NotFoundError(`No case is at ${paths.case(slug)}.`);
  const argumentAuthorities = new Map<string, { name: string; href: string; citation: string; arguments: number }>();
  for (const a of loadPublicArguments(app.db, { caseId: docket.case.id, reader })) {
    for (const au of a.authorities) {
      const entry = argumentAuthorities.get(au.slug) ?? {
        name: au.shortName,
        href: paths.authority(au.slug),
        citation: au.citation,
        arguments: 0,
      };
      entry.arguments += 1;
      argumentAuthorities.set(au.slug, entry);
    }
  }
  const user = staffOf(request);
  const view = {
    title: `Authorities · ${docket.case.caption ?? docket.case.label}`,
    header: toCaseHeader(docket),
    tabs: caseTabs(slug, "authorities"),
    preview: notPublicBanner(docket.case, docket.notPublic),
    ...toCaseAuthoritiesView(loadCaseAuthorities(app.db, docket.case.id), [...argumentAuthorities.values()]),
    review: user
      ? {
          ...toCiteReview(repo.ofCase(docket.case.id), repo.authorityChoices(), {
            canEdit: hasRole(user.role, "editor"),
            returnTo: paths.caseAuthorities(slug),
            problem,
            newAuthorityHref,
          }),
          extractAction: hasRole(user.role, "editor") ? paths.staffCaseCitesExtract(slug) : null,
        }
      : null,
  };
  return reply.viewAsync("cites/case.hbs", view);
}
