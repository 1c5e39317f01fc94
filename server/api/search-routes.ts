import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ENTRY_KINDS } from "../../db/schema";
import { paths } from "../paths";
import { toSearchFilters } from "../public-search/filters";
import { RANKED_CAP, searchPublicRecord, type PublicResult } from "../public-search/loaders";
import { MAX_QUERY_LENGTH, SearchQueryError } from "../public-search/query";
import { SEARCH_KINDS, type SearchKind } from "../records/public-search-index";
import { ValidationError } from "../errors";
import { decodeCursor, DEFAULT_PAGE_SIZE, listQuery, type Cursor, type ListSpec } from "./lists";
import { errorResponses, listOf } from "./schemas";
import { sendList } from "./send-list";

const KINDS = Object.keys(SEARCH_KINDS) as [SearchKind, ...SearchKind[]];

const SearchHit = z
  .object({
    kind: z.enum(KINDS),
    id: z.number().int(),
    title: z.string(),
    snippet: z
      .array(z.object({ text: z.string(), mark: z.boolean() }))
      .meta({ description: "The text around the best match, in runs; `mark` is true on the words that matched." }),
    url: z.string(),
    date: z.string().nullable(),
    entryKind: z.string().nullable(),
    case: z.object({ slug: z.string(), name: z.string(), docketNumber: z.string().nullable(), url: z.string() }).nullable(),
  })
  .meta({ id: "SearchHit", description: "One record that matched, best first." });

type Hit = z.infer<typeof SearchHit> & { rank: number; court: string | null };

/** What the search list filters by (server/api/lists.ts); they are applied in the search's SQL too, before its ranking cap. */
const SEARCH_LIST: ListSpec<Hit> = {
  key: (hit) => [hit.rank],
  filters: {
    kind: { type: "enum", values: KINDS, description: "Only records of this kind.", of: (hit) => hit.kind },
    case: { type: "text", description: "Only records of this case, by its slug.", of: (hit) => hit.case?.slug ?? null },
    entry_kind: { type: "enum", values: ENTRY_KINDS, description: "Only docket entries of this kind.", of: (hit) => hit.entryKind },
    date: { type: "date", description: "The record's date.", of: (hit) => hit.date },
  },
  orderings: {},
  extra: {
    q: z
      .string()
      .max(MAX_QUERY_LENGTH)
      .optional()
      .meta({ description: 'What to find: words, "a phrase", -word to leave one out, word* for a prefix. Without it, no hits.' }),
    court: z.string().min(1).max(20).optional().meta({ description: "Only records of cases in this court (`cand`)." }),
    judge: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Only records of cases assigned or referred to this judge, by slug." }),
  },
};
const SearchList = listOf(SearchHit, "One page of the public search's hits, best first (at most 1,000 are ranked).");

/** The search list's filters only pageOf applies, to the ranked hits (the search's SQL applies the others). */
const IN_MEMORY_ONLY = ["kind__in", "case__in", "entry_kind__in", "date__gt", "date__lt"];

/**
 * How many of the best hits the asked page needs: a hit's key is its rank, so the page after
 * rank r needs the hits to r + 1 + the page size, and one more to know whether there is a next
 * page; the page before rank r, the hits before it and the one at r. Ranking (and snippeting)
 * 1,000 hits for a page of 20 was most of the API's time on a common word. When pageOf may
 * narrow the ranked hits further (a filter the SQL does not apply, or `date` with a bound, which
 * the SQL reads as a range), or the cursor is not one this list gave out (pageOf refuses it, after
 * the query's own errors), all are ranked, as before.
 */
function hitsNeeded(query: Record<string, unknown>): number {
  if (IN_MEMORY_ONLY.some((name) => query[name] !== undefined)) return RANKED_CAP;
  if (query.date !== undefined && (query.date__gte !== undefined || query.date__lte !== undefined)) return RANKED_CAP;
  const pageSize = typeof query.page_size === "number" ? query.page_size : DEFAULT_PAGE_SIZE;
  if (query.cursor === undefined) return pageSize + 1;
  let cursor: Cursor;
  try {
    cursor = decodeCursor(String(query.cursor), "");
  } catch {
    return RANKED_CAP;
  }
  const rank = (cursor.after ?? cursor.before)?.[0];
  if (typeof rank !== "number" || !Number.isInteger(rank) || rank < 0) return RANKED_CAP;
  return Math.min(RANKED_CAP, cursor.after ? rank + 2 + pageSize : rank + 1);
}

/** `/api/v1/search`: the public search as JSON, over the same index as /search. */
export async function searchApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = app.config.publicUrl;

  app.get(
    paths.api.search(),
    {
      schema: {
        tags: ["search"],
        operationId: "searchRecord",
        summary: "Search the public record",
        description:
          "Docket entries, orders, motions, events, subpoenas, cases and sources that match `q`, ranked by bm25 (a title outweighs body text, an order counts double, routine papers half), with a snippet. Only what the public pages show is indexed. A query that cannot be read is a 400 saying why.",
        querystring: listQuery(SEARCH_LIST),
        response: { 200: SearchList, 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      const filters = toSearchFilters(app.db, {
        kind: query.kind as SearchKind | undefined,
        case: query.case,
        court: query.court,
        judge: query.judge,
        entry_kind: query.entry_kind,
        date__gte: query.date__gte ?? query.date,
        date__lte: query.date__lte ?? query.date,
      });
      let results: PublicResult[] = [];
      try {
        results = query.q
          ? (searchPublicRecord(app.db, query.q, filters, hitsNeeded(request.query as Record<string, unknown>))?.results ?? [])
          : [];
      } catch (error) {
        if (error instanceof SearchQueryError) throw new ValidationError([{ path: "q", message: error.message }]);
        throw error;
      }
      return sendList(app, request, reply, {
        spec: SEARCH_LIST,
        schema: SearchList,
        rows: () =>
          results.map((result, rank) => ({
            item: {
              ...result,
              url: `${base}${result.url}`,
              case: result.case ? { ...result.case, url: `${base}${paths.case(result.case.slug)}` } : null,
              rank,
              court: null,
            },
            key: [rank],
          })),
      });
    },
  );
}
