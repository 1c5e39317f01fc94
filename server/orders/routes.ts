import type { FastifyInstance } from "fastify";
import { serveCached } from "../cache/send-cached";
import { loadOrders } from "./loaders";
import { toOrdersIndexView } from "./view-models";

export async function ordersRoutes(app: FastifyInstance) {
  // Orders span every case, so any write makes the stored page stale ("global").
  app.get("/orders", async (request, reply) =>
    serveCached(request, reply, app.pageCache, "/orders", "global", () => app.view("orders/index.hbs", toOrdersIndexView(loadOrders(app.db)))),
  );
}
