import type { FastifyInstance } from "fastify";
import { serveCached } from "../cache/send-cached";
import { paths } from "../paths";
import { sendCsv } from "../shared/csv-reply";
import { loadInstrumentPaths } from "./loaders";
import { PATTERN_COLUMNS, patternCsvRows, toPatternsView } from "./view-models";

export async function patternsRoutes(app: FastifyInstance) {
  // Every instrument's stages: any write may move a date ("global").
  app.get(paths.patterns(), async (request, reply) =>
    serveCached(request, reply, app.pageCache, paths.patterns(), "global", () =>
      reply.viewAsync("patterns/index.hbs", toPatternsView(loadInstrumentPaths(app.db))),
    ),
  );

  app.get(paths.patternsCsv(), async (_request, reply) =>
    sendCsv(reply, "quash-patterns.csv", PATTERN_COLUMNS, patternCsvRows(loadInstrumentPaths(app.db), app.config.publicUrl)),
  );
}
