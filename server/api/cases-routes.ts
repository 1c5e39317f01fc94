import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sendCachedPage } from "../cache/send-cached";
import { loadPublicDocket, loadCaseSummaries } from "../cases/loaders";
import { NotFoundError } from "../errors";
import { paths } from "../paths";
import { CaseListItem, CaseListQuery, JSON_TYPE, CaseRecord, errorResponses, listOf, recordOf, SlugParams } from "./schemas";
import { toCaseListItem, toCaseRecord } from "./serializers/cases";
import { freshnessKey, loadFreshness } from "../freshness/loaders";
import type { FreshnessView } from "../freshness/freshness";
import { createCasesRepository } from "../cases/repository";

const CaseList = listOf(CaseListItem, "Every case in the cluster, in the record's reading order.");
const CaseResponse = recordOf(CaseRecord, "One case with its full docket.");

export async function casesApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = { baseUrl: app.config.publicUrl };

  app.get(
    paths.api.cases(),
    {
      schema: {
        tags: ["cases"],
        operationId: "listCases",
        summary: "List cases",
        description: "Every case with its court, judges, challenged subpoenas, derived status and sources.",
        querystring: CaseListQuery,
        response: { 200: CaseList, 400: errorResponses[400] },
      },
    },
    async (request) => {
      const { group } = request.query;
      const data = loadCaseSummaries(app.db)
        .filter((s) => !group || s.case.group === group)
        .map((s) => toCaseListItem(ctx, s));
      return { data, count: data.length };
    },
  );

  // A case's JSON is stored as bytes with an ETag, dropped by the same writes as its page.
  app.get(
    `${paths.api.cases()}/:slug`,
    {
      schema: {
        tags: ["cases"],
        operationId: "getCase",
        summary: "One case with its docket",
        description:
          "A case the public cannot see (not yet published) answers 404, except to staff (a token or a session), who get it as publishing would show it, with the header `X-Quash-Not-Public`. The case header, parties and counsel (no contact details), every docket entry in docket order (sealed entries as placeholders `{ number, dateFiled, dateEntered, sealed: true, description: \"SEALED\" }`), motions with status, orders with what they cover, hearings, deadlines, related cases and the subpoenas it challenges. Answers carry an ETag; send `If-None-Match` to get 304 when nothing changed.",
        params: SlugParams,
        response: { 200: CaseResponse, 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      // A case staff may preview too: the answer for one not yet public is never stored, and the public gets 404 below.
      const kase = createCasesRepository(app.db).findLiveBySlug(slug);
      // Polls change the freshness without a record write: the stored answer is keyed by it too.
      const freshness = kase ? loadFreshness(app.db, kase.id, app.clock) : null;
      const key = freshness ? freshnessKey(paths.api.case(slug), freshness, "absolute") : paths.api.case(slug);
      const cached = app.pageCache.get(key);
      if (cached) return sendCachedPage(request, reply, cached);
      // Staff (a token or a session) also find a case not yet public, as publishing it would show it; that answer is never stored.
      const data = loadPublicDocket(app.db, slug, "all", request.user ? "staff" : "public");
      if (!data || !freshness) throw new NotFoundError(`No case has the slug "${slug}".`);
      const record = { ...toCaseRecord(ctx, data), freshness: freshnessJson(freshness) };
      if (data.notPublic) return reply.header("cache-control", "private, no-store").header("x-quash-not-public", data.notPublic).send({ data: record });
      // Encoded through the response schema by hand, as the serializer would, since stored bytes bypass it.
      const json = JSON.stringify(CaseResponse.encode({ data: record }));
      return sendCachedPage(request, reply, app.pageCache.set(key, json, { caseId: data.case.id }, JSON_TYPE));
    },
  );
}

function freshnessJson(f: FreshnessView) {
  const { absolute, basis, watched, lastRssCheckAt, lastRssItemAt, lastDocketReportAt, lastDocketReportDate, lastNefAt } = f;
  return { statement: absolute, basis, watched, lastRssCheckAt, lastRssItemAt, lastDocketReportAt, lastDocketReportDate, lastNefAt };
}
