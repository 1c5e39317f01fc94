import type { FastifyInstance } from "fastify";
import { serveCached } from "../cache/send-cached";
import { paths } from "../paths";
import { loadSourceRegister } from "./register";
import { SourcesQuery } from "./schemas";
import { toSourcesView } from "./view-models";

export async function sourcesRoutes(app: FastifyInstance) {
  app.get("/sources", async (request, reply) => {
    const parsed = SourcesQuery.safeParse(request.query);
    if (!parsed.success) {
      // A bad filter answers 400 with the whole register and the message beside the field.
      const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
      return reply.code(400).view("sources/index.hbs", toSourcesView(loadSourceRegister(app.db), {}, errors));
    }
    const query = parsed.data;
    const key = query.reliability ? `${paths.sources()}?reliability=${query.reliability}` : paths.sources();
    // Sources back facts on every page, so any write makes the stored page stale ("global").
    return serveCached(request, reply, app.pageCache, key, "global", () =>
      reply.viewAsync("sources/index.hbs", toSourcesView(loadSourceRegister(app.db, query), query)),
    );
  });
}
