import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sendCachedPage } from "../cache/send-cached";
import { loadPublicDocket, loadCaseSummaries, loadCaseOutlines } from "../cases/loaders";
import { NotFoundError, ValidationError } from "../errors";
import { paths } from "../paths";
import { PUBLIC_CASE_GROUPS } from "../../db/schema";
import { fuzzyDateKey } from "../shared/date-ordering";
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, listQuery, pageOf, type Cursor, type ListSpec, type Page } from "./lists";
import type { Db } from "../../db/client";
import { DocketQuery } from "../cases/schemas";
import { CaseListItem, JSON_TYPE, CaseRecord, errorResponses, listOf, recordOf, SlugParams } from "./schemas";
import { sendPage } from "./send-list";
import { toCaseListItem, toCaseRecord } from "./serializers/cases";
import { freshnessKey, loadFreshness } from "../freshness/loaders";
import type { FreshnessView } from "../freshness/freshness";
import { createCasesRepository } from "../cases/repository";

const CaseList = listOf(CaseListItem, "One page of the cases, in the record's reading order unless `order_by` says otherwise.");

type CaseItem = ReturnType<typeof toCaseListItem>;

/** What the case list filters and orders by (server/api/lists.ts). */
const CASE_LIST: ListSpec<CaseItem> = {
  key: (c) => [c.id],
  filters: {
    group: { type: "enum", values: PUBLIC_CASE_GROUPS, description: "Only cases in this group of the cluster.", of: (c) => c.group },
    court: {
      type: "text",
      description: "Only cases in this court, by its CourtListener id (`cand`).",
      example: "cand",
      of: (c) => c.court?.id ?? null,
    },
    judge: {
      type: "text",
      description: "Only cases assigned or referred to this judge, by slug.",
      of: (c) => [c.assignedJudge?.slug ?? null, c.referredJudge?.slug ?? null],
    },
    subpoena: {
      type: "text",
      description: "Only cases challenging this subpoena or summons, by slug.",
      of: (c) => c.subpoenas.map((sp) => sp.slug),
    },
    docket_number: {
      type: "text",
      description: "Only the case with this docket number, with or without the judge's initials (`3:25-mc-80200`).",
      of: (c) => [c.docketNumber, c.docketNumberCore],
    },
    status: {
      type: "text",
      description: "Only cases whose derived status reads so (`Closed`, `Motion pending`, `No motion pending`, `Status unknown`).",
      of: (c) => c.status.label,
    },
    date_filed: { type: "date", description: "Filed:", of: (c) => c.dateFiled.date },
    date_terminated: { type: "date", description: "Terminated:", of: (c) => c.dateTerminated },
  },
  orderings: {
    date_filed: (c) => fuzzyDateKey(c.dateFiled),
    docket_number: (c) => [c.docketNumber],
    caption: (c) => [c.caption ?? c.label],
  },
};
const CaseListQuery = listQuery(CASE_LIST);
/** Parameters that only page or select: with nothing else, the list is paged in SQL. */
const PAGE_ONLY = ["page_size", "cursor", "fields", "omit"];
const CaseResponse = recordOf(CaseRecord, "One case with the first page of its docket.");

/** The entries a case's record carries; the rest are paged from its entries list (case-entries-routes.ts). */
const FIRST_ENTRIES = DocketQuery.parse({ per: DEFAULT_PAGE_SIZE });

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
        description:
          "The cases with their court, judges, challenged subpoenas, derived status and sources, a page at a time (follow `next`). Filter by `group`, `court`, `judge`, `subpoena`, `docket_number`, `status` and the filing and termination dates (`date_filed__gte=2025-10-01`), `__in` for several values; order with `order_by`; pick members with `fields` or `omit`.",
        querystring: CaseListQuery,
        response: { 200: CaseList, 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const query = request.query as Record<string, unknown>;
      // The list in its own order is cut in SQL by keyset, a page of summaries at a time; a filter
      // or another order (the derived status is computed, not stored; captions sort as pageOf compares
      // text, which SQLite's collation does not) sorts an outline of every case.
      if (!Object.keys(query).some((name) => !PAGE_ONLY.includes(name))) {
        return sendPage(app, request, reply, { schema: CaseList, page: (linkTo) => casePage(app.db, query, linkTo) });
      }
      // Filtered and ordered on every case's outline (no sources: no filter or ordering reads them), then only the page's cases summarised in full.
      return sendPage(app, request, reply, {
        schema: CaseList,
        page: (linkTo) => {
          const { outlines, complete } = loadCaseOutlines(app.db);
          const rows = outlines.map((s) => ({ item: toCaseListItem(ctx, s), key: [s.case.position, s.case.id] }));
          const page = pageOf(rows, CASE_LIST, query, linkTo);
          return { ...page, items: complete(page.items.map((c) => c.id)).map((s) => toCaseListItem(ctx, s)) };
        },
      });
    },
  );

  /** One keyset page of the case list in its own order, with the same cursors pageOf gives out. */
  function casePage(db: Db, query: Record<string, unknown>, linkTo: (query: Record<string, unknown>) => string): Page<CaseItem> {
    const repo = createCasesRepository(db);
    const limit = typeof query["page_size"] === "number" ? query["page_size"] : DEFAULT_PAGE_SIZE;
    const cursor = typeof query["cursor"] === "string" ? decodeCursor(query["cursor"], "") : null;
    const key = cursor?.after ?? cursor?.before;
    if (cursor && !(key?.length === 2 && (key[0] === null || typeof key[0] === "number") && typeof key[1] === "number")) {
      throw new ValidationError([{ path: "cursor", message: "is not one this list gave out" }]);
    }
    const at = key as [number | null, number] | undefined;
    const rows = repo.keysetPage({ limit, after: cursor?.after ? at : undefined, before: cursor?.before ? at : undefined });
    const keyOf = (c: (typeof rows)[number]): [number | null, number] => [c.position, c.id];
    const first = rows[0];
    const last = rows.at(-1);
    const { cursor: _drop, ...rest } = query;
    const link = (c: Cursor) => linkTo({ ...rest, cursor: encodeCursor(c) });
    return {
      items: loadCaseSummaries(db, rows).map((sm) => toCaseListItem(ctx, sm)),
      next: last && repo.keysetPage({ limit: 1, after: keyOf(last) }).length ? link({ order: "", after: keyOf(last) }) : null,
      previous: first && repo.keysetPage({ limit: 1, before: keyOf(first) }).length ? link({ order: "", before: keyOf(first) }) : null,
    };
  }

  // A case's JSON is stored as bytes with an ETag, dropped by the same writes as its page.
  app.get(
    `${paths.api.cases()}/:slug`,
    {
      schema: {
        tags: ["cases"],
        operationId: "getCase",
        summary: "One case with its docket",
        description:
          'A case the public cannot see (not yet published) answers 404, except to staff (a token or a session), who get it as publishing would show it, with the header `X-Quash-Not-Public`. The case header, parties and counsel (no contact details), the first 100 docket entries in docket order (sealed entries as placeholders `{ number, dateFiled, dateEntered, sealed: true, description: "SEALED" }`) with `entriesCount` and `entriesUrl`, the paginated list of them all, motions with status, orders with what they cover, hearings, deadlines, related cases and the subpoenas it challenges. Answers carry an ETag; send `If-None-Match` to get 304 when nothing changed.',
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
      const data = loadPublicDocket(app.db, slug, FIRST_ENTRIES, request.user ? "staff" : "public");
      if (!data || !freshness) throw new NotFoundError(`No case has the slug "${slug}".`);
      const record = { ...toCaseRecord(ctx, data), freshness: freshnessJson(freshness) };
      if (data.notPublic)
        return reply.header("cache-control", "private, no-store").header("x-quash-not-public", data.notPublic).send({ data: record });
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
