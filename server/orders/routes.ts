import type { FastifyInstance } from "fastify";
import { NotFoundError } from "../errors";
import { serveCached } from "../cache/send-cached";
import { paths } from "../paths";
import { withOrdersIndexStaff } from "../staff/public-controls";
import { loadOrdersPage } from "./loaders";
import { OrdersQuery } from "./schemas";
import { toOrdersIndexView } from "./view-models";

export async function ordersRoutes(app: FastifyInstance) {
  // A keyset page of orders at a time, cut in SQL: a record of ten thousand orders renders a hundred.
  // Orders span every case, so any write makes the stored pages stale ("global").
  app.get("/orders", async (request, reply) => {
    const parsed = OrdersQuery.safeParse(request.query);
    const at = parsed.success ? parsed.data : {};
    // One of the two, `after` first: each page has one address, the one its neighbours link to.
    const cursor = at.after !== undefined ? { after: at.after } : at.before !== undefined ? { before: at.before } : {};
    const key = paths.ordersPage(cursor);
    return serveCached(request, reply, app.pageCache, key, "global", () => {
      const page = loadOrdersPage(app.db, cursor);
      if (!page) throw new NotFoundError("No such page of orders");
      return reply.viewAsync("orders/index.hbs", withOrdersIndexStaff(toOrdersIndexView(page), request, page.records));
    });
  });
}
