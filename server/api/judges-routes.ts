import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { NotFoundError } from "../errors";
import { loadJudgeSummaries, loadPublicJudge, surnameOf } from "../judges/loaders";
import { paths } from "../paths";
import { listQuery, type ListSpec } from "./lists";
import { errorResponses, JudgeListItem, JudgeRecord, listOf, recordOf, SlugParams } from "./schemas";
import { sendList } from "./send-list";

type JudgeItem = ReturnType<typeof toJudgeListItem>;

/** What the judge list filters and orders by (server/api/lists.ts). */
const JUDGE_LIST: ListSpec<JudgeItem> = {
  key: (j) => [j.id],
  filters: {
    court: {
      type: "text",
      description: "Only judges of this court, by its CourtListener id (`cand`).",
      example: "cand",
      of: (j) => j.court?.id ?? null,
    },
    title: { type: "text", description: "Only judges with this title (`Magistrate Judge`).", of: (j) => j.title },
  },
  orderings: {
    name: (j) => [j.name],
    case_count: (j) => [j.caseCount],
    order_count: (j) => [j.orderCount],
  },
};
const JudgeList = listOf(JudgeListItem, "One page of the judges, by surname.");
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
        description:
          "The judicial officers on the record with their court and how many cases and orders they have, by surname, a page at a time. Filter by `court` or `title`; order with `order_by`; pick members with `fields` or `omit`.",
        querystring: listQuery(JUDGE_LIST),
        response: { 200: JudgeList, 400: errorResponses[400] },
      },
    },
    async (request, reply) =>
      sendList(app, request, reply, {
        spec: JUDGE_LIST,
        schema: JudgeList,
        // The site's order: by surname, then name, then id (judges/loaders.ts).
        rows: () =>
          loadJudgeSummaries(app.db).map((j) => ({
            item: toJudgeListItem(ctx, j),
            key: [surnameOf(j.judge.name), j.judge.name, j.judge.id],
          })),
      }),
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
