import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { NotFoundError } from "../errors";
import { sendCachedPage, serveCached } from "../cache/send-cached";
import { withSubpoenaStaff } from "../staff/public-controls";
import { isPublicRequest } from "../cache/public-request";
import { loadPublicSubpoena, loadSubpoenaSummaries } from "./loaders";
import { toSubpoenaIndexView, toSubpoenaShowView } from "./view-models";
import { SubpoenaListQuery, SubpoenaParams } from "./schemas";
import { sendCsv } from "../shared/csv-reply";
import { COVERAGE_COLUMNS, coverageCsvRows, SUBPOENA_COLUMNS, subpoenaCsvRows } from "./csv";
import { citeBox, titleCitation } from "../shared/cite-box";
import { paths } from "../paths";

/*
 * Subpoena pages list across cases, so any write can change them: they are cached with the
 * "global" scope, which every recorded change drops.
 */
export async function subpoenasRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // "Cite this page": the record's name, its permalink, its last change and today (the page cache keeps a page one UTC day at most).
  const cite = (title: string, path: string, changedAt: string) =>
    citeBox({ citation: titleCitation(title), permalink: `${app.config.publicUrl}${path}`, changedAt, retrievedAt: app.clock.now() });

  app.get("/subpoenas", { schema: { querystring: SubpoenaListQuery } }, async (request, reply) => {
    const query = request.query;
    return serveCached(request, reply, app.pageCache, `subpoenas?group=${query.group}`, "global", () =>
      reply.viewAsync("subpoenas/index.hbs", toSubpoenaIndexView(loadSubpoenaSummaries(app.db), query)),
    );
  });

  // Every subpoena with its current status, and one subpoena's account × order coverage, as CSV (docs/exports.md).
  app.get("/subpoenas.csv", async (_request, reply) =>
    sendCsv(reply, "quash-subpoenas.csv", SUBPOENA_COLUMNS, subpoenaCsvRows(loadSubpoenaSummaries(app.db), app.config.publicUrl)),
  );

  app.get("/subpoenas/:slug/coverage.csv", { schema: { params: SubpoenaParams } }, async (request, reply) => {
    const data = loadPublicSubpoena(app.db, request.params.slug);
    if (!data) throw new NotFoundError(`No subpoena or summons is at /subpoenas/${request.params.slug}.`);
    return sendCsv(reply, `quash-coverage-${data.subpoena.slug}.csv`, COVERAGE_COLUMNS, coverageCsvRows(data, app.config.publicUrl));
  });

  app.get("/subpoenas/:slug", { schema: { params: SubpoenaParams } }, async (request, reply) => {
    const { slug } = request.params;
    const key = `subpoena:${slug}`;
    // Only the public gets the stored page; a signed-in user gets a fresh one, with staff controls.
    const cached = isPublicRequest(request) ? app.pageCache.get(key) : undefined;
    if (cached) return sendCachedPage(request, reply, cached);
    const data = loadPublicSubpoena(app.db, slug);
    if (!data) throw new NotFoundError(`No subpoena or summons is at /subpoenas/${slug}.`);
    return serveCached(request, reply, app.pageCache, key, "global", () =>
      reply.viewAsync(
        "subpoenas/show.hbs",
        withSubpoenaStaff(
          { ...toSubpoenaShowView(data), cite: cite(data.subpoena.title, paths.subpoena(slug), data.subpoena.updatedAt) },
          request,
          data.subpoena,
        ),
      ),
    );
  });
}
