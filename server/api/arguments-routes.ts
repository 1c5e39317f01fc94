import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { loadPublicArguments } from "../arguments/loaders";
import { paths } from "../paths";
import { errorResponses, listOf } from "./schemas";
import { toApiArgument } from "./serializers/study";
import { Argument, ArgumentListQuery } from "./study-schemas";

export async function argumentsApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = { baseUrl: app.config.publicUrl };

  app.get(
    paths.api.arguments(),
    {
      schema: {
        tags: ["arguments"],
        operationId: "listArguments",
        summary: "List arguments",
        description:
          "Every argument the sources attribute to a motion or filing, by case and motion: who made it, its doctrine, the authorities it cites, and whether the court reached it and how. Arguments of sealed or stricken filings, and of cases not public, are never listed.",
        querystring: ArgumentListQuery,
        response: { 200: listOf(Argument, "Every argument that fits."), 400: errorResponses[400] },
      },
    },
    async (request) => {
      const { doctrine, case: caseSlug, motion, reached } = request.query;
      const data = loadPublicArguments(app.db, motion === undefined ? {} : { motionIds: [motion] })
        .filter(
          (a) =>
            (!doctrine || a.doctrine?.slug === doctrine || a.argument.doctrineTag === doctrine) &&
            (!caseSlug || a.case.slug === caseSlug) &&
            (!reached || a.argument.reached === reached),
        )
        .map((a) => toApiArgument(ctx, a));
      return { data, count: data.length };
    },
  );
}
