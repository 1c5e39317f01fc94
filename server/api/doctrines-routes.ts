import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { loadDoctrines } from "../doctrine/loaders";
import { paths } from "../paths";
import { listQuery, type ListSpec } from "./lists";
import { sendList } from "./send-list";
import { errorResponses, listOf } from "./schemas";
import { toApiDoctrineRecord } from "./serializers/study";
import { DoctrineRecord, DoctrinesQuery } from "./schemas/study";

/** The list's own filter (DoctrinesQuery) stays as it was; paging, fields and omit come from server/api/lists.ts. */
const DOCTRINE_LIST: ListSpec<ReturnType<typeof toApiDoctrineRecord>> = {
  key: () => [],
  filters: {},
  orderings: {},
  extra: DoctrinesQuery.shape,
};
const DoctrineList = listOf(DoctrineRecord, "One page of the doctrines, or the one asked for (none when no doctrine has that slug).");

export async function doctrinesApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = { baseUrl: app.config.publicUrl };

  app.get(
    paths.api.doctrines(),
    {
      schema: {
        tags: ["doctrine"],
        operationId: "listDoctrines",
        summary: "List doctrines",
        description:
          "The doctrines at stake in the cluster, in the order a seminar takes them, each with its sourced explanation, its leading authorities and every public argument tagged with it; `slug` asks for one.",
        querystring: listQuery(DOCTRINE_LIST),
        response: { 200: DoctrineList, 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const slug = (request.query as { slug?: string }).slug;
      const data = loadDoctrines(app.db)
        .filter((d) => !slug || d.doctrine.slug === slug)
        .map((d) => toApiDoctrineRecord(ctx, d));
      return sendList(app, request, reply, {
        spec: DOCTRINE_LIST,
        schema: DoctrineList,
        rows: () => data.map((item, rank) => ({ item, key: [rank, item.id] })),
      });
    },
  );
}
