import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { serveCached } from "../cache/send-cached";
import { loadCaseSummaries } from "../cases/loaders";
import { loadJudgeSummaries } from "../judges/loaders";
import { paths } from "../paths";
import { loadSubpoenaSummaries } from "../subpoenas/loaders";
import { casesApiRoutes } from "./cases-routes";
import { caseEntriesApiRoutes } from "./case-entries-routes";
import { doctrinesApiRoutes } from "./doctrines-routes";
import { authoritiesApiRoutes } from "./authorities-routes";
import { argumentsApiRoutes } from "./arguments-routes";
import { exportApiRoutes } from "./export-routes";
import { judgesApiRoutes } from "./judges-routes";
import { searchApiRoutes } from "./search-routes";
import { registerApiRoutes } from "./register-routes";
import { subpoenasApiRoutes } from "./subpoenas-routes";
import { toApiDocsView, type OpenApiDocument } from "./docs-view-model";
import { ApiRoot } from "./schemas";

const COLLECTIONS = [
  { name: "cases", href: paths.api.cases(), description: "Court proceedings, each with its full docket." },
  { name: "subpoenas", href: paths.api.subpoenas(), description: "Subpoenas and summonses with their derived status." },
  { name: "judges", href: paths.api.judges(), description: "Judicial officers and their cases." },
  { name: "orders", href: paths.api.orders(), description: "Court orders and what each protects." },
  { name: "timeline", href: paths.api.timeline(), description: "Dated facts, filterable by year and kind." },
  { name: "sources", href: paths.api.sources(), description: "The source register and the conflicts between sources." },
  {
    name: "doctrines",
    href: paths.api.doctrines(),
    description: "The doctrines at stake, each with its sourced explanation, authorities and arguments.",
  },
  {
    name: "authorities",
    href: paths.api.authorities(),
    description: "Cases, statutes and rules, with the filings and arguments that cite them.",
  },
  {
    name: "search",
    href: paths.api.search(),
    description: "The public search: ranked hits with snippets across entries, orders, motions, events, subpoenas, cases and sources.",
  },
  {
    name: "arguments",
    href: paths.api.arguments(),
    description: "Arguments made on each motion, the authorities cited, and whether the court reached them.",
  },
];

/** The JSON API under /api/v1 and its documentation page at /api. */
export async function apiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const base = app.config.publicUrl;

  app.get(
    paths.api.root(),
    {
      schema: {
        tags: ["meta"],
        operationId: "getApiRoot",
        summary: "The collections",
        description: "Lists every collection of the API with its URL, and links to this OpenAPI document.",
        response: { 200: ApiRoot },
      },
    },
    async () => ({
      name: "Quash public API",
      description: "The public records of the Quash docket tracker, through the same public projection as the pages.",
      openapiUrl: `${base}${paths.api.openapi()}`,
      docsUrl: `${base}${paths.apiDocs()}`,
      collections: COLLECTIONS.map((c) => ({ name: c.name, url: `${base}${c.href}`, description: c.description })),
    }),
  );

  await app.register(casesApiRoutes);
  await app.register(caseEntriesApiRoutes);
  await app.register(subpoenasApiRoutes);
  await app.register(judgesApiRoutes);
  await app.register(searchApiRoutes);
  await app.register(registerApiRoutes);
  await app.register(doctrinesApiRoutes);
  await app.register(authoritiesApiRoutes);
  await app.register(argumentsApiRoutes);
  await app.register(exportApiRoutes);

  // The documentation page reads the generated OpenAPI document, so it lists every route there
  // is. Its curl lines use real slugs, so any write may change it ("global").
  app.get(paths.apiDocs(), async (request, reply) =>
    serveCached(request, reply, app.pageCache, paths.apiDocs(), "global", () => {
      const examples: Record<string, Record<string, string>> = {};
      const firstCase = loadCaseSummaries(app.db)[0];
      if (firstCase) examples["cases"] = { slug: firstCase.case.slug };
      const firstSubpoena = loadSubpoenaSummaries(app.db)[0];
      if (firstSubpoena) examples["subpoenas"] = { slug: firstSubpoena.subpoena.slug };
      const firstJudge = loadJudgeSummaries(app.db)[0];
      if (firstJudge) examples["judges"] = { slug: firstJudge.judge.slug };
      return reply.viewAsync("api/index.hbs", toApiDocsView(app.swagger() as OpenApiDocument, base, examples));
    }),
  );
}
