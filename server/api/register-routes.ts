import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { loadOrders } from "../orders/loaders";
import { paths } from "../paths";
import { loadSourceRegister } from "../sources/register";
import { loadTimeline } from "../timeline/loaders";
import { errorResponses, listOf, OrderItem, OrderListQuery, SourceRegisterResponse, SourcesQuery, TimelineItem, TimelineQuery } from "./schemas";
import { toOrderItem } from "./serializers/orders";
import { toSourceRegister } from "./serializers/sources";
import { toTimelineItem } from "./serializers/timeline";

/** The collections that span every case: orders, the timeline and the source register. */
export async function registerApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = { baseUrl: app.config.publicUrl };

  app.get(
    paths.api.orders(),
    {
      schema: {
        tags: ["orders"],
        operationId: "listOrders",
        summary: "List orders",
        description: "Every order of a live case in date order, with its case, judge, the motions it decided and, for stay and non-production orders, what it protects.",
        querystring: OrderListQuery,
        response: { 200: listOf(OrderItem, "Orders, earliest first."), 400: errorResponses[400] },
      },
    },
    async (request) => {
      const { standing, kind } = request.query;
      const data = loadOrders(app.db)
        .filter((o) => (!standing || o.standing === standing) && (!kind || o.order.kind === kind))
        .map((o) => toOrderItem(ctx, o));
      return { data, count: data.length };
    },
  );

  app.get(
    paths.api.timeline(),
    {
      schema: {
        tags: ["timeline"],
        operationId: "listTimeline",
        summary: "The timeline",
        description:
          "Every dated fact in order of the earliest day it could have happened (more precise dates first on a tie, unknown dates last): events, and the signing of orders no event tells of.",
        querystring: TimelineQuery,
        response: { 200: listOf(TimelineItem, "Timeline items in date order."), 400: errorResponses[400] },
      },
    },
    async (request) => {
      const data = loadTimeline(app.db, request.query).items.map((item) => toTimelineItem(ctx, item));
      return { data, count: data.length };
    },
  );

  app.get(
    paths.api.sources(),
    {
      schema: {
        tags: ["sources"],
        operationId: "listSources",
        summary: "The source register",
        description: "Every source with how many facts it backs, every conflict between sources with the records it affects, and how much of the record was checked against a docket.",
        querystring: SourcesQuery,
        response: { 200: SourceRegisterResponse, 400: errorResponses[400] },
      },
    },
    async (request) => toSourceRegister(ctx, loadSourceRegister(app.db, request.query)),
  );
}
