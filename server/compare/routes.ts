import type { FastifyInstance } from "fastify";
import { serveCached } from "../cache/send-cached";
import { ValidationError, fieldErrors } from "../errors";
import { paths } from "../paths";
import { sendCsv } from "../shared/csv-reply";
import { loadComparison } from "./loaders";
import { CompareQuery } from "./schemas";
import { COMPARE_COLUMNS, compareCsvRows, toCompareView } from "./view-models";

export async function compareRoutes(app: FastifyInstance) {
  // Every proceeding compared: any write may change a row ("global"). A bad filter is shown beside its field (400).
  app.get(paths.compare(), async (request, reply) => {
    const parsed = CompareQuery.safeParse(request.query);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      return reply.code(400).view("compare/index.hbs", toCompareView(loadComparison(app.db), CompareQuery.parse({}), errors));
    }
    return serveCached(request, reply, app.pageCache, request.url, "global", () =>
      reply.viewAsync("compare/index.hbs", toCompareView(loadComparison(app.db), parsed.data)),
    );
  });

  // The same rows as CSV, with the same filters and sort; a bad filter is a 400 naming the field.
  app.get(paths.compareCsv(), async (request, reply) => {
    const parsed = CompareQuery.safeParse(request.query);
    if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error), "A filter of the comparison is not valid.");
    return sendCsv(
      reply,
      "quash-comparison.csv",
      COMPARE_COLUMNS,
      compareCsvRows(loadComparison(app.db), parsed.data, app.config.publicUrl),
    );
  });
}
