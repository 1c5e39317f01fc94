import type { FastifyInstance } from "fastify";
import { serveCached } from "../cache/send-cached";
import { withOrdersIndexStaff } from "../staff/public-controls";
import { loadOrders } from "./loaders";
import { toOrdersIndexView } from "./view-models";

export async function ordersRoutes(app: FastifyInstance) {
  // Orders span every case, so any write makes the stored page stale ("global").
  app.get("/orders", async (request, reply) =>
    serveCached(request, reply, app.pageCache, "/orders", "global", () => {
      const records = loadOrders(app.db);
      return reply.viewAsync("orders/index.hbs", withOrdersIndexStaff(toOrdersIndexView(records), request, records));
    }),
  );
}
