import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { paths } from "../paths";
import { robotsTxt, sitemapXml } from "./sitemap";

/** /sitemap.xml (every public page, streamed) and /robots.txt (staff pages disallowed, the sitemap named). */
export async function sharingRoutes(app: FastifyInstance) {
  app.get(paths.sitemap(), async (_request, reply) =>
    reply.type("application/xml; charset=utf-8").send(Readable.from(sitemapXml(app.db, app.config.publicUrl))),
  );
  app.get(paths.robots(), async (_request, reply) => reply.type("text/plain; charset=utf-8").send(robotsTxt(app.config.publicUrl)));
}
