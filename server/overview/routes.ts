import type { FastifyInstance } from "fastify";
import { serveCached } from "../cache/send-cached";
import { loadOverview } from "./loaders";
import { toOverviewView } from "./view-models";

export async function overviewRoutes(app: FastifyInstance) {
  // Any write can change the overview ("global" scope); "today" is in the key so upcoming
  // hearings roll over at midnight in the court's zone.
  app.get("/", async (request, reply) => {
    const today = app.clock.today();
    return serveCached(request, reply, app.pageCache, `overview@${today}`, "global", () =>
      reply.viewAsync("overview/show.hbs", toOverviewView(loadOverview(app.db, today))),
    );
  });
}
