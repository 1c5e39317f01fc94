import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { NotFoundError } from "../errors";
import { serveCached } from "../cache/send-cached";
import { paths } from "../paths";
import { withOrderStaff, withOrdersIndexStaff } from "../staff/public-controls";
import { loadOrderPage, loadOrdersPage } from "./loaders";
import { OrderParams, OrdersQuery } from "./schemas";
import { toOrderShowView, toOrdersIndexView } from "./view-models";

export async function ordersRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
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

  // An order's own page, whatever page of /orders it falls on. It shows its case's records (the
  // docket entry, motions) and shared ones (judge, subpoenas, sources), whose writes drop every
  // page: so it is stored under its case (server/records/affected-cases.ts).
  app.get("/orders/:slug", { schema: { params: OrderParams } }, async (request, reply) => {
    const { slug } = request.params;
    const page = loadOrderPage(app.db, slug);
    if (!page) throw new NotFoundError(`No order is at ${paths.order(slug)}.`);
    return serveCached(request, reply, app.pageCache, paths.order(slug), { caseId: page.record.case.id }, () =>
      reply.viewAsync(
        "orders/show.hbs",
        withOrderStaff(toOrderShowView(page, { publicUrl: app.config.publicUrl, retrievedAt: app.clock.now() }), request, page.record),
      ),
    );
  });
}
