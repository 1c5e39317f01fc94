import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { CacheScope } from "../cache/page-cache";
import { sendCachedPage } from "../cache/send-cached";
import { createCasesRepository } from "../cases/repository";
import { CaseParams } from "../cases/schemas";
import { NotFoundError } from "../errors";
import { paths } from "../paths";
import { toPublic } from "../privacy/projection";
import { createSubpoenasRepository } from "../subpoenas/repository";
import { SubpoenaParams } from "../subpoenas/schemas";
import { toAtom, type FeedMeta } from "./atom";
import { loadFeedRecords, type FeedScope } from "./loaders";
import { freshnessKey, loadFreshness } from "../freshness/loaders";

const ATOM_TYPE = "application/atom+xml; charset=utf-8";

/** Atom feeds for journalists: everything, one case, one subpoena. Stored until a write. */
export async function feedsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  function serveFeed(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: FeedScope,
    cacheScope: CacheScope,
    meta: Omit<FeedMeta, "publicUrl">,
    key = request.url,
  ) {
    const page =
      app.pageCache.get(key) ??
      app.pageCache.set(key, toAtom(loadFeedRecords(app.db, scope), { ...meta, publicUrl: app.config.publicUrl }), cacheScope, ATOM_TYPE);
    return sendCachedPage(request, reply, page);
  }

  app.get("/feed.atom", async (request, reply) =>
    serveFeed(request, reply, { kind: "all" }, "global", {
      title: "Quash: DHS subpoenas to unmask anonymous accounts",
      description: "New docket entries and events across every case and subpoena in the cluster.",
      selfPath: paths.feeds.all(),
      htmlPath: paths.home(),
      emptyUpdated: app.clock.now(),
    }),
  );

  app.get("/cases/:slug/feed.atom", { schema: { params: CaseParams } }, async (request, reply) => {
    const row = createCasesRepository(app.db).findBySlug(request.params.slug);
    if (!row) throw new NotFoundError(`No case is at /cases/${request.params.slug}.`);
    const kase = toPublic("case", row);
    // The feed says how current the docket is; a poll moves that without a record write, so it keys the stored copy.
    const freshness = loadFreshness(app.db, kase.id, app.clock);
    return serveFeed(
      request,
      reply,
      { kind: "case", caseId: kase.id },
      { caseId: kase.id },
      {
        title: `${kase.caption ?? kase.label} — Quash`,
        description:
          `Docket entries and events of ${kase.docketNumber ? `No. ${kase.docketNumber}` : "this case"}. ${freshness.absolute}`.trim(),
        selfPath: paths.feeds.case(kase.slug),
        htmlPath: paths.case(kase.slug),
        emptyUpdated: row.updatedAt,
      },
      freshnessKey(request.url, freshness, "absolute"),
    );
  });

  app.get("/subpoenas/:slug/feed.atom", { schema: { params: SubpoenaParams } }, async (request, reply) => {
    const row = createSubpoenasRepository(app.db).findBySlug(request.params.slug);
    if (!row) throw new NotFoundError(`No subpoena or summons is at /subpoenas/${request.params.slug}.`);
    const subpoena = toPublic("subpoena", row);
    return serveFeed(request, reply, { kind: "subpoena", subpoenaId: subpoena.id }, "global", {
      title: `${subpoena.title} — Quash`,
      description: "Events of this demand and the docket entries of the cases challenging it.",
      selfPath: paths.feeds.subpoena(subpoena.slug),
      htmlPath: paths.subpoena(subpoena.slug),
      emptyUpdated: row.updatedAt,
    });
  });
}
