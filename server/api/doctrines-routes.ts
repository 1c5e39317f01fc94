import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { loadDoctrines } from "../doctrine/loaders";
import { paths } from "../paths";
import { errorResponses, listOf } from "./schemas";
import { toApiDoctrineRecord } from "./serializers/study";
import { DoctrineRecord, DoctrinesQuery } from "./study-schemas";

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
        querystring: DoctrinesQuery,
        response: { 200: listOf(DoctrineRecord, "Every doctrine, or the one asked for (none when no doctrine has that slug)."), 400: errorResponses[400] },
      },
    },
    async (request) => {
      const data = loadDoctrines(app.db)
        .filter((d) => !request.query.slug || d.doctrine.slug === request.query.slug)
        .map((d) => toApiDoctrineRecord(ctx, d));
      return { data, count: data.length };
    },
  );
}
