import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { sendCachedPage, serveCached } from "../cache/send-cached";
import { NotFoundError } from "../errors";
import { withJudgeStaff } from "../staff/public-controls";
import { isPublicRequest } from "../cache/public-request";
import { loadJudgeSummaries, loadPublicJudge } from "./loaders";
import { JudgeParams } from "./schemas";
import { toJudgeShowView, toJudgesIndexView } from "./view-models";
import { citeBox, titleCitation } from "../shared/cite-box";
import { paths } from "../paths";

export async function judgesRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // "Cite this page": the record's name, its permalink, its last change and today (the page cache keeps a page one UTC day at most).
  const cite = (title: string, path: string, changedAt: string) =>
    citeBox({ citation: titleCitation(title), permalink: `${app.config.publicUrl}${path}`, changedAt, retrievedAt: app.clock.now() });

  // Judge pages list cases and orders from every case, so any write makes them stale ("global").
  app.get("/judges", async (request, reply) =>
    serveCached(request, reply, app.pageCache, "/judges", "global", () =>
      reply.viewAsync("judges/index.hbs", toJudgesIndexView(loadJudgeSummaries(app.db))),
    ),
  );

  app.get("/judges/:slug", { schema: { params: JudgeParams } }, async (request, reply) => {
    const { slug } = request.params;
    const key = `/judges/${slug}`;
    // Only the public gets the stored page; a signed-in user gets a fresh one, with staff controls.
    const cached = isPublicRequest(request) ? app.pageCache.get(key) : undefined;
    if (cached) return sendCachedPage(request, reply, cached);
    const judge = loadPublicJudge(app.db, slug);
    if (!judge) throw new NotFoundError(`No judge is at /judges/${slug}.`);
    return serveCached(request, reply, app.pageCache, key, "global", () =>
      reply.viewAsync(
        "judges/show.hbs",
        withJudgeStaff({ ...toJudgeShowView(judge), cite: cite(judge.judge.name, paths.judge(slug), judge.judge.updatedAt) }, request, {
          id: judge.judge.id,
          orders: judge.orders,
        }),
      ),
    );
  });
}
