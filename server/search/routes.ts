import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { paths } from "../paths";
import { requireRole } from "../auth/hooks";
import { searchFilings } from "./loaders";
import { SearchQuery } from "./schemas";
import { toSearchView } from "./view-models";

/** How many matches a page shows. */
const RESULTS_SHOWN = 50;

/**
 * Staff full-text search of docket entries and documents (FTS5). Staff only, never cached:
 * the results quote sealed text. The public docket search is separate and hides sealed text.
 */
export async function searchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(paths.staffSearch(), { onRequest: requireRole("viewer"), schema: { querystring: SearchQuery } }, async (request, reply) => {
    const q = request.query.q;
    const results = q === undefined ? null : searchFilings(app.db, q, RESULTS_SHOWN);
    return reply.view("search/staff.hbs", toSearchView(results, RESULTS_SHOWN));
  });
}
