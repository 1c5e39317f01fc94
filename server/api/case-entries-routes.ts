import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { isPublicRequest } from "../cache/public-request";
import { sendCachedPage } from "../cache/send-cached";
import { loadPublicEntriesPage, type EntriesPageQuery } from "../cases/loaders";
import { NotFoundError, ValidationError } from "../errors";
import { paths } from "../paths";
import { CaseEntriesList, CaseEntriesQuery } from "./schemas/case-entries";
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, selectMembers } from "./lists";
import { JSON_TYPE, OpenEntry, errorResponses, SlugParams } from "./schemas";
import { toEntryItems } from "./serializers/cases";

type Query = Record<string, unknown>;

/** What `fields`/`omit` may name: an open entry's members (a sealed placeholder has a few of them). */
const ENTRY_MEMBERS = Object.keys(OpenEntry.shape);
type Key = [number, number];

const isKey = (key: unknown): key is Key =>
  Array.isArray(key) && key.length === 2 && key.every((k) => typeof k === "number" && Number.isFinite(k));

/** The page a query asks for, its cursor decoded to an entry's (sequence, id). */
function pageQuery(query: Query): EntriesPageQuery {
  const cursor = typeof query["cursor"] === "string" ? decodeCursor(query["cursor"], "") : null;
  const key = cursor?.after ?? cursor?.before;
  if (cursor && !isKey(key)) throw new ValidationError([{ path: "cursor", message: "is not one this list gave out" }]);
  const kinds = [query["kind"], ...(typeof query["kind__in"] === "string" ? query["kind__in"].split(",") : [])]
    .filter((k): k is string => typeof k === "string")
    .map((k) => k.trim())
    .filter(Boolean);
  const day = (suffix: string) => (typeof query[`date_filed${suffix}`] === "string" ? (query[`date_filed${suffix}`] as string) : undefined);
  return {
    limit: typeof query["page_size"] === "number" ? query["page_size"] : DEFAULT_PAGE_SIZE,
    after: cursor?.after ? (key as Key) : undefined,
    before: cursor?.before ? (key as Key) : undefined,
    kind: kinds.length ? kinds : undefined,
    dateFiled: { eq: day(""), gte: day("__gte"), lte: day("__lte"), gt: day("__gt"), lt: day("__lt") },
  };
}

/** A page's URL: the same path and parameters, with the page's cursor. */
function pageUrl(baseUrl: string, url: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  return `${baseUrl}${url.split("?")[0]}?${params.toString()}`;
}

/**
 * A case's docket entries, a keyset page at a time: a 100,000-entry docket answers its last page
 * as quickly as its first, and nothing is loaded beyond the page (its documents, its sources).
 */
export async function caseEntriesApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = { baseUrl: app.config.publicUrl };

  app.get(
    `${paths.api.cases()}/:slug/entries`,
    {
      schema: {
        tags: ["cases"],
        operationId: "listCaseEntries",
        summary: "List a case's docket entries",
        description:
          "The case's docket entries in docket order, a page at a time (follow `next`; `previous` goes back). Sealed entries are placeholders. Filter by `kind` (`kind__in` for several) and the filing date (`date_filed__gte=2025-10-01`); pick members with `fields` or `omit`. A case the public cannot see answers 404, except to staff.",
        params: SlugParams,
        querystring: CaseEntriesQuery,
        response: { 200: CaseEntriesList, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (request, reply) => {
      const cached = isPublicRequest(request) ? app.pageCache.get(request.url) : undefined;
      if (cached) return sendCachedPage(request, reply, cached);
      const { slug } = request.params;
      const query = request.query as Query;
      const page = loadPublicEntriesPage(app.db, slug, pageQuery(query), request.user ? "staff" : "public");
      if (!page) throw new NotFoundError(`No case has the slug "${slug}".`);
      const { cursor: _drop, ...rest } = query;
      const link = (c: { after?: Key; before?: Key }) =>
        pageUrl(app.config.publicUrl, request.url, { ...rest, cursor: encodeCursor({ order: "", ...c }) });
      const encoded = CaseEntriesList.encode({
        data: toEntryItems(ctx, page),
        count: page.entries.length,
        next: page.hasNext ? link({ after: page.keys.at(-1)! }) : null,
        previous: page.hasPrevious ? link({ before: page.keys[0]! }) : null,
      });
      const json = JSON.stringify({ ...encoded, data: selectMembers(encoded.data, query, ENTRY_MEMBERS) });
      // Encoded through the response schema above, so the bytes are sent as they are.
      const raw = reply as FastifyReply;
      if (page.notPublic)
        return raw.header("cache-control", "private, no-store").header("x-quash-not-public", page.notPublic).type(JSON_TYPE).send(json);
      if (!isPublicRequest(request)) return raw.type(JSON_TYPE).send(json);
      return sendCachedPage(request, reply, app.pageCache.set(request.url, json, { caseId: page.case.id }, JSON_TYPE));
    },
  );
}
