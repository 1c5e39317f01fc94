import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { NotFoundError } from "../errors";
import { paths } from "../paths";
import { loadPublicSubpoena, loadSubpoenaSummaries } from "../subpoenas/loaders";
import { errorResponses, listOf, recordOf, SlugParams, SubpoenaListItem, SubpoenaListQuery, SubpoenaRecord } from "./schemas";
import { toSubpoenaListItem, toSubpoenaRecord } from "./serializers/subpoenas";

export async function subpoenasApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = { baseUrl: app.config.publicUrl };

  app.get(
    paths.api.subpoenas(),
    {
      schema: {
        tags: ["subpoenas"],
        operationId: "listSubpoenas",
        summary: "List subpoenas and summonses",
        description: "Every subpoena and summons with its issuer, recipient, derived status line (with the sources behind it) and the cases challenging it.",
        querystring: SubpoenaListQuery,
        response: { 200: listOf(SubpoenaListItem, "Every subpoena, unknown issue dates last."), 400: errorResponses[400] },
      },
    },
    async (request) => {
      const { status } = request.query;
      const data = loadSubpoenaSummaries(app.db)
        .filter((s) => !status || s.status.key === status)
        .map((s) => toSubpoenaListItem(ctx, s));
      return { data, count: data.length };
    },
  );

  app.get(
    `${paths.api.subpoenas()}/:slug`,
    {
      schema: {
        tags: ["subpoenas"],
        operationId: "getSubpoena",
        summary: "One subpoena",
        description:
          "The subpoena with its derived status line, the data demanded, the accounts it names, the platform's notices (dates and stated window only), which order protects which account, its events and the cases challenging it.",
        params: SlugParams,
        response: { 200: recordOf(SubpoenaRecord, "One subpoena."), 404: errorResponses[404] },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const subpoena = loadPublicSubpoena(app.db, slug);
      if (!subpoena) throw new NotFoundError(`No subpoena has the slug "${slug}".`);
      return { data: toSubpoenaRecord(ctx, subpoena) };
    },
  );
}
