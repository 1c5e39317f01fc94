import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ENTRY_KINDS } from "../../db/schema";
import { paths } from "../paths";
import { toSearchFilters } from "../public-search/filters";
import { searchPublicRecord, type PublicResult } from "../public-search/loaders";
import { MAX_QUERY_LENGTH, SearchQueryError } from "../public-search/query";
import { SEARCH_KINDS, type SearchKind } from "../records/public-search-index";
import { ValidationError } from "../errors";
import { listQuery, type ListSpec } from "./lists";
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
        results = query.q ? (searchPublicRecord(app.db, query.q, filters)?.results ?? []) : [];
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
