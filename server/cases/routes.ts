import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { NotFoundError } from "../errors";
import { serveCached } from "../cache/send-cached";
import { RecordIdParam } from "../shared/record-id";
import { withDocketStaff } from "../staff/public-controls";
import { isPublicRequest } from "../cache/public-request";
import { caseNotPublicCause } from "../privacy/visibility";
import { notPublicBanner } from "../publication/view-models";
import { loadPublicDocket, type DocketReader, type PublicDocketData, loadPublicEntry, loadCaseSummaries } from "./loaders";
import { toCaseIndexView, toDocketView, toEntryView } from "./view-models";
import { loadPublicArguments } from "../arguments/loaders";
import { toArgumentView } from "../arguments/view-models";
import { caseTabs } from "../shared/case-tabs";
import { CaseIndexQuery, CaseParams, CASES_PER_PAGE, DocketQuery } from "./schemas";
import { createCasesRepository } from "./repository";
import { freshnessKey, loadFreshness } from "../freshness/loaders";
import { docketCsvStream } from "./csv";
import { citeBox } from "../shared/cite-box";
import { paths } from "../paths";
import { caseCitation } from "../shared/bluebook";

const EntryParams = CaseParams.extend({ entryId: RecordIdParam });

/** A signed-in staff member also finds a case not yet public, to see it as publishing would show it. */
const readerOf = (request: FastifyRequest): DocketReader => (request.user && !isPublicRequest(request) ? "staff" : "public");

export async function casesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // "Cite this page" on the docket: the case in Bluebook form, its permalink, when anything the page shows last changed, and today
  // (the page cache keeps a page one UTC day at most, server/cache/page-cache.ts).
  const docketCite = (data: PublicDocketData) =>
    citeBox({
      citation: caseCitation(data.case, data.court ?? null),
      permalink: `${app.config.publicUrl}${paths.case(data.case.slug)}`,
      changedAt: data.changedAt,
      retrievedAt: app.clock.now(),
    });

  // A page of cases at a time, cut in SQL: a record of thousands of cases renders a hundred.
  app.get("/cases", async (request, reply) => {
    const { page } = CaseIndexQuery.safeParse(request.query).data ?? { page: 1 };
    const { rows, total } = createCasesRepository(app.db).listPage(CASES_PER_PAGE, (page - 1) * CASES_PER_PAGE);
    return reply.view("cases/index.hbs", toCaseIndexView(loadCaseSummaries(app.db, rows), { page, perPage: CASES_PER_PAGE, total }));
  });

  // The docket page is rendered once per change; plugins/cached-pages.ts serves the stored bytes.
  app.get("/cases/:slug", { schema: { params: CaseParams } }, async (request, reply) => {
    const { slug } = request.params;
    const parsed = DocketQuery.safeParse(request.query);
    const query = parsed.success ? parsed.data : DocketQuery.parse({});
    const data = loadPublicDocket(app.db, slug, query, readerOf(request));
    if (!data) throw new NotFoundError(`No case is at /cases/${slug}.`);
    const preview = notPublicBanner(data.case, data.notPublic);
    const freshness = loadFreshness(app.db, data.case.id, app.clock);
    // The arguments of the case's motions (server/arguments), and the tabs to its Authorities.
    const study = {
      tabs: caseTabs(slug, "docket"),
      arguments: loadPublicArguments(app.db, { caseId: data.case.id, reader: readerOf(request) }).map(toArgumentView),
    };
    if (!parsed.success) {
      // A bad filter re-renders the docket with the message beside the field.
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      return reply.code(400).view("cases/show.hbs", { ...toDocketView(data, query, errors), ...study, preview, freshness });
    }
    // "Checked … 12 minutes ago" changes with the clock and with polls that write no record:
    // the stored page is keyed by what it says, so a poll or a minute renders it anew.
    const key = freshnessKey(request.url, freshness, "relative");
    return serveCached(request, reply, app.pageCache, key, { caseId: data.case.id }, () =>
      // Staff controls (and the preview of a case not yet public) only for a signed-in user, whose render is never stored.
      reply.viewAsync("cases/show.hbs", {
        ...withDocketStaff({ ...toDocketView(data, query), freshness, cite: docketCite(data) }, request, app, data.case),
        ...study,
        preview,
      }),
    );
  });

  // The whole public docket as CSV, streamed a keyset batch at a time (docs/exports.md).
  app.get("/cases/:slug/docket.csv", { schema: { params: CaseParams } }, async (request, reply) => {
    const kase = createCasesRepository(app.db).findBySlug(request.params.slug);
    if (!kase) throw new NotFoundError(`No case is at /cases/${request.params.slug}.`);
    return reply
      .type("text/csv; charset=utf-8")
      .header("Content-Disposition", `attachment; filename="quash-docket-${kase.slug}.csv"`)
      .send(docketCsvStream(app.db, kase, app.config.publicUrl));
  });

  // A citable page for one entry ("ECF No. 12"), stable whatever page of the docket it falls on.
  app.get("/cases/:slug/entries/:entryId", { schema: { params: EntryParams } }, async (request, reply) => {
    const { slug, entryId } = request.params;
    const entry = loadPublicEntry(app.db, slug, entryId, readerOf(request));
    if (!entry) throw new NotFoundError(`No entry ${entryId} in the case at /cases/${slug}.`);
    const preview = notPublicBanner(entry.case, caseNotPublicCause(entry.caseRow));
    return reply.view("cases/entry.hbs", {
      ...toEntryView(entry, { publicUrl: app.config.publicUrl, retrievedAt: app.clock.now() }),
      preview,
    });
  });
}
