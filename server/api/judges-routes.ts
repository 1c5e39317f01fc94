import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { NotFoundError } from "../errors";
import { loadJudgeSummaries, loadPublicJudge } from "../judges/loaders";
import { paths } from "../paths";
import { errorResponses, JudgeListItem, JudgeRecord, listOf, recordOf, SlugParams } from "./schemas";
import { toJudgeListItem, toJudgeRecord } from "./serializers/judges";

export async function judgesApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = { baseUrl: app.config.publicUrl };

  app.get(
    paths.api.judges(),
    {
      schema: {
        tags: ["judges"],
        operationId: "listJudges",
        summary: "List judges",
        description: "Every judicial officer on the record with their court and how many cases and orders they have.",
        response: { 200: listOf(JudgeListItem, "Every judge.") },
      },
    },
    async () => {
      const data = loadJudgeSummaries(app.db).map((j) => toJudgeListItem(ctx, j));
      return { data, count: data.length };
    },
  );

  app.get(
    `${paths.api.judges()}/:slug`,
    {
      schema: {
        tags: ["judges"],
        operationId: "getJudge",
        summary: "One judge",
        description: "The judge with the cases assigned or referred to them and the orders they signed.",
        params: SlugParams,
        response: { 200: recordOf(JudgeRecord, "One judge."), 404: errorResponses[404] },
      },
    },
    async (request) => {
      const { slug } = request.params;
      const judge = loadPublicJudge(app.db, slug);
      if (!judge) throw new NotFoundError(`No judge has the slug "${slug}".`);
      return { data: toJudgeRecord(ctx, judge) };
    },
  );
}
