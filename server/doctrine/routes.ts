import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { serveCached } from "../cache/send-cached";
import { NotFoundError } from "../errors";
import { paths } from "../paths";
import { loadDoctrine, loadDoctrines, untaggedArguments } from "./loaders";
import { sendCsv } from "../shared/csv-reply";
import { DOCTRINE_COLUMNS, doctrineCsvRows } from "./csv";
import { DoctrineParams } from "./schemas";
import { toDoctrineShowView, toDoctrinesIndexView } from "./view-models";
import { citeBox, titleCitation } from "../shared/cite-box";

export async function doctrineRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // "Cite this page": the record's name, its permalink, its last change and today (the page cache keeps a page one UTC day at most).
  const cite = (title: string, path: string, changedAt: string) =>
    citeBox({ citation: titleCitation(title), permalink: `${app.config.publicUrl}${path}`, changedAt, retrievedAt: app.clock.now() });

  // Doctrine pages gather authorities and arguments from every case, so any write makes them stale ("global").
  app.get(paths.doctrines(), async (request, reply) =>
    serveCached(request, reply, app.pageCache, paths.doctrines(), "global", () =>
      reply.viewAsync("doctrine/index.hbs", toDoctrinesIndexView(loadDoctrines(app.db), untaggedArguments(app.db))),
    ),
  );

  app.get(`${paths.doctrines()}/:slug`, { schema: { params: DoctrineParams } }, async (request, reply) => {
    const { slug } = request.params;
    const doctrine = loadDoctrine(app.db, slug);
    if (!doctrine) throw new NotFoundError(`No doctrine is at ${paths.doctrine(slug)}.`);
    return serveCached(request, reply, app.pageCache, paths.doctrine(slug), "global", () =>
      reply.viewAsync("doctrine/show.hbs", {
        ...toDoctrineShowView(doctrine),
        cite: cite(doctrine.doctrine.title, paths.doctrine(slug), doctrine.doctrine.updatedAt),
      }),
    );
  });

  app.get(paths.doctrinesCsv(), async (_request, reply) =>
    sendCsv(reply, "quash-doctrines.csv", DOCTRINE_COLUMNS, doctrineCsvRows(loadDoctrines(app.db), app.config.publicUrl)),
  );
}
