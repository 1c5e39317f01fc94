import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { serveCached } from "../cache/send-cached";
import { NotFoundError } from "../errors";
import { paths } from "../paths";
import { loadAuthoritySummaries, loadPublicAuthority } from "./loaders";
import { ValidationError, fieldErrors } from "../errors";
import { sendCsv } from "../shared/csv-reply";
import { AUTHORITY_COLUMNS, authorityCsvRows } from "./csv";
import { AuthoritiesQuery, AuthorityParams } from "./schemas";
import { filterAuthorities, toAuthoritiesIndexView, toAuthorityShowView } from "./view-models";
import { citeBox, titleCitation } from "../shared/cite-box";

export async function authoritiesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // "Cite this page": the record's name, its permalink, its last change and today (the page cache keeps a page one UTC day at most).
  const cite = (title: string, path: string, changedAt: string) =>
    citeBox({ citation: titleCitation(title), permalink: `${app.config.publicUrl}${path}`, changedAt, retrievedAt: app.clock.now() });

  // What cites an authority comes from every case, so any write makes these pages stale ("global").
  app.get(paths.authorities(), async (request, reply) => {
    const parsed = AuthoritiesQuery.safeParse(request.query);
    const query = parsed.success ? parsed.data : {};
    const render = () => reply.viewAsync("authorities/index.hbs", toAuthoritiesIndexView(loadAuthoritySummaries(app.db), query));
    if (!parsed.success)
      return reply
        .code(400)
        .type("text/html; charset=utf-8")
        .send(await render());
    return serveCached(request, reply, app.pageCache, request.url, "global", render);
  });

  app.get(`${paths.authorities()}/:slug`, { schema: { params: AuthorityParams } }, async (request, reply) => {
    const { slug } = request.params;
    const authority = loadPublicAuthority(app.db, slug);
    if (!authority) throw new NotFoundError(`No authority is at ${paths.authority(slug)}.`);
    return serveCached(request, reply, app.pageCache, paths.authority(slug), "global", () =>
      reply.viewAsync("authorities/show.hbs", {
        ...toAuthorityShowView(authority),
        cite: cite(authority.authority.citation, paths.authority(slug), authority.authority.updatedAt),
      }),
    );
  });

  // The same authorities as CSV, with the page's filters, leading ones first.
  app.get(paths.authoritiesCsv(), async (request, reply) => {
    const parsed = AuthoritiesQuery.safeParse(request.query);
    if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error), "A filter of the authorities is not valid.");
    return sendCsv(
      reply,
      "quash-authorities.csv",
      AUTHORITY_COLUMNS,
      authorityCsvRows(filterAuthorities(loadAuthoritySummaries(app.db), parsed.data), app.config.publicUrl),
    );
  });
}
