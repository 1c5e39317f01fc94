import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { paths } from "../paths";
import { toSearchFilters } from "./filters";
import { searchPublicRecord, type PublicSearch } from "./loaders";
import { SearchQueryError } from "./query";
import { PublicSearchPageQuery } from "./schemas";
import { RESULTS_PER_PAGE, toPublicSearchView, type SearchForm } from "./view-models";

/**
 * The public search page (`/search`, with a box in every page's header): the public index only,
 * so it is a public page like any other. A query that cannot be read re-renders the form with
 * the message beside the box (400), never SQLite's error. A page ranks only as many hits as it
 * shows (and one more, to know there is a next page), up to the loader's cap.
 */
export async function publicSearchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(paths.search(), { schema: { querystring: PublicSearchPageQuery } }, async (request, reply) => {
    const { page = 1, q, ...filters } = request.query;
    const form: SearchForm = {
      q: q ?? "",
      kind: filters.kind ?? "",
      case: filters.case ?? "",
      court: filters.court ?? "",
      judge: filters.judge ?? "",
      entry_kind: filters.entry_kind ?? "",
      date__gte: filters.date__gte ?? "",
      date__lte: filters.date__lte ?? "",
    };
    const pageHref = (n: number) => {
      const params = new URLSearchParams(Object.entries(form).filter(([, value]) => value !== ""));
      params.set("page", String(n));
      return `${paths.search()}?${params.toString()}`;
    };
    let search: PublicSearch | null = null;
    let error: string | null = null;
    try {
      search = q ? searchPublicRecord(app.db, q, toSearchFilters(app.db, filters), page * RESULTS_PER_PAGE + 1) : null;
    } catch (caught) {
      if (!(caught instanceof SearchQueryError)) throw caught;
      error = caught.message;
    }
    if (error) reply.code(400);
    return reply.view("search/public.hbs", toPublicSearchView(form, search, page, error, pageHref));
  });
}
