import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { loadPublicArguments } from "../arguments/loaders";
import { paths } from "../paths";
import { listQuery, type ListSpec } from "./lists";
import { errorResponses, listOf } from "./schemas";
import { sendList } from "./send-list";
import { toApiArgument } from "./serializers/study";
import { Argument, ArgumentListQuery } from "./schemas/study";

/** The list's own filters (ArgumentListQuery) stay as they were; paging, fields and omit come from server/api/lists.ts. */
const ARGUMENT_LIST: ListSpec<ReturnType<typeof toApiArgument>> = {
  key: () => [],
  filters: {},
  orderings: {},
  extra: ArgumentListQuery.shape,
};
const ArgumentList = listOf(Argument, "One page of the arguments that fit.");

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
        querystring: listQuery(ARGUMENT_LIST),
        response: { 200: ArgumentList, 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const {
        doctrine,
        case: caseSlug,
        motion,
        reached,
      } = request.query as { doctrine?: string; case?: string; motion?: number; reached?: string };
      const data = loadPublicArguments(app.db, motion === undefined ? {} : { motionIds: [motion] })
        .filter(
          (a) =>
            (!doctrine || a.doctrine?.slug === doctrine || a.argument.doctrineTag === doctrine) &&
            (!caseSlug || a.case.slug === caseSlug) &&
            (!reached || a.argument.reached === reached),
        )
        .map((a) => toApiArgument(ctx, a));
      // The site's order (by case and motion) as each item's rank, then its id.
      return sendList(app, request, reply, {
        spec: ARGUMENT_LIST,
        schema: ArgumentList,
        rows: () => data.map((item, rank) => ({ item, key: [rank, item.id] })),
      });
    },
  );
}
