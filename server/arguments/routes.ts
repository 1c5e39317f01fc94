import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { serveCached } from "../cache/send-cached";
import { paths } from "../paths";
import { ValidationError, fieldErrors } from "../errors";
import { sendCsv } from "../shared/csv-reply";
import { ARGUMENT_COLUMNS, argumentCsvRows } from "./csv";
import { loadPublicArguments } from "./loaders";
import { ArgumentsQuery } from "./schemas";
import { filterArguments, toArgumentsIndexView } from "./view-models";

export async function argumentsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // Arguments of every case: any write makes the page stale ("global"). A bad filter is shown beside its field.
  app.get(paths.arguments(), async (request, reply) => {
    const parsed = ArgumentsQuery.safeParse(request.query);
    if (!parsed.success) {
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      return reply.code(400).view("arguments/index.hbs", toArgumentsIndexView(loadPublicArguments(app.db), {}, errors));
    }
    return serveCached(request, reply, app.pageCache, request.url, "global", () =>
      reply.viewAsync("arguments/index.hbs", toArgumentsIndexView(loadPublicArguments(app.db), parsed.data)),
    );
  });

  // The same arguments as CSV, with the page's filters; a bad filter is a 400 naming the field.
  app.get(paths.argumentsCsv(), async (request, reply) => {
    const parsed = ArgumentsQuery.safeParse(request.query);
    if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error), "A filter of the arguments is not valid.");
    return sendCsv(
      reply,
      "quash-arguments.csv",
      ARGUMENT_COLUMNS,
      argumentCsvRows(filterArguments(loadPublicArguments(app.db), parsed.data), app.config.publicUrl),
    );
  });
}
