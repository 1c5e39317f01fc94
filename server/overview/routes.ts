import type { FastifyInstance } from "fastify";
import { serveCached } from "../cache/send-cached";
import { loadOverview } from "./loaders";
import { toOverviewView } from "./view-models";

export async function overviewRoutes(app: FastifyInstance) {
  // Any write can change the overview ("global" scope); the page cache drops it at midnight in
  // the court's zone, when upcoming hearings roll over, so it is stored under its URL and
  // answered before any route work (plugins/cached-pages.ts).
  app.get("/", async (request, reply) => {
    const today = app.clock.today();
    return serveCached(request, reply, app.pageCache, request.url, "global", () =>
      reply.viewAsync("overview/show.hbs", toOverviewView(loadOverview(app.db, today))),
    );
  });
}
