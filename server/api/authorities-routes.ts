import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { loadAuthoritySummaries, loadPublicAuthority } from "../authorities/loaders";
import { compareAuthorities } from "../authorities/rank";
import { NotFoundError } from "../errors";
import { paths } from "../paths";
import { listQuery, type ListSpec } from "./lists";
import { sendList } from "./send-list";
import { errorResponses, listOf, recordOf, SlugParams } from "./schemas";
import { toApiAuthorityListItem, toApiAuthorityRecord } from "./serializers/study";
import { AuthorityListItem, AuthorityListQuery, AuthorityRecord } from "./schemas/study";

/** The list's own filters (AuthorityListQuery) stay as they were; paging, fields and omit come from server/api/lists.ts. */
const AUTHORITY_LIST: ListSpec<ReturnType<typeof toApiAuthorityListItem>> = {
  key: () => [],
  filters: {},
  orderings: {},
  extra: AuthorityListQuery.shape,
};
const AuthorityList = listOf(AuthorityListItem, "One page of the authorities that fit, leading ones first.");

export async function authoritiesApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = { baseUrl: app.config.publicUrl };

  app.get(
    paths.api.authorities(),
    {
      schema: {
        tags: ["authorities"],
        operationId: "listAuthorities",
        summary: "List authorities",
        description:
          "The cases, statutes and rules at stake, leading ones first, each with its holding, doctrines and how often the cluster cites it.",
        querystring: listQuery(AUTHORITY_LIST),
        response: { 200: AuthorityList, 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { doctrine, kind } = request.query as { doctrine?: string; kind?: string };
      const data = loadAuthoritySummaries(app.db)
        .filter((a) => (!kind || a.authority.kind === kind) && (!doctrine || a.doctrines.some((d) => d.slug === doctrine)))
        .sort((a, b) => compareAuthorities(a.authority, b.authority))
        .map((a) => toApiAuthorityListItem(ctx, a));
      return sendList(app, request, reply, {
        spec: AUTHORITY_LIST,
        schema: AuthorityList,
        rows: () => data.map((item, rank) => ({ item, key: [rank, item.id] })),
      });
    },
  );

  app.get(
    `${paths.api.authorities()}/:slug`,
    {
      schema: {
        tags: ["authorities"],
        operationId: "getAuthority",
        summary: "One authority",
        description:
          "The authority with every filing and order in the cluster whose text cites it (the pin cite and the sentence of each citation staff confirmed; `byCourt` marks the court's own papers) and every argument that cites it, with whether the court reached it.",
        params: SlugParams,
        response: { 200: recordOf(AuthorityRecord, "One authority."), 404: errorResponses[404] },
      },
    },
    async (request) => {
      const authority = loadPublicAuthority(app.db, request.params.slug);
      if (!authority) throw new NotFoundError(`No authority has the slug "${request.params.slug}".`);
      return { data: toApiAuthorityRecord(ctx, authority) };
    },
  );
}
