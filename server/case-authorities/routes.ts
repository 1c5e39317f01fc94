import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { serveCached } from "../cache/send-cached";
import { paths } from "../paths";
import { CaseCitesParams } from "./schemas";
import { caseAuthoritiesHtml } from "./tab";

/** The Authorities tab of every case (tab.ts renders it; server/cites keeps the links). */
export async function caseAuthoritiesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get("/cases/:slug/authorities", { schema: { params: CaseCitesParams } }, async (request, reply) => {
    const { slug } = request.params;
    // Argument authorities come from outside the case: any write can change the tab ("global").
    return serveCached(request, reply, app.pageCache, paths.caseAuthorities(slug), "global", () =>
      caseAuthoritiesHtml(app, request, reply, slug),
    );
  });
}
