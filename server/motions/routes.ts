import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { isPublicRequest } from "../cache/public-request";
import { serveCached } from "../cache/send-cached";
import type { DocketReader } from "../cases/loaders";
import { NotFoundError } from "../errors";
import { paths } from "../paths";
import { notPublicBanner } from "../publication/view-models";
import { withMotionStaff } from "../staff/public-controls";
import { loadMotionPage, type MotionPage } from "./loaders";
import { MotionParams } from "./schemas";
import { toMotionView } from "./view-models";
import { citeBox, titleCitation } from "../shared/cite-box";

const readerOf = (request: FastifyRequest): DocketReader => (request.user && !isPublicRequest(request) ? "staff" : "public");

export async function motionsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  // "Cite this page": the motion under its case's name, its permalink, its last change and today (the page cache keeps a page one UTC day at most).
  const motionCite = (page: MotionPage, path: string) =>
    citeBox({
      citation: titleCitation(page.motion.title, page.docket.case.caption ?? page.docket.case.label),
      permalink: `${app.config.publicUrl}${path}`,
      changedAt: page.motion.updatedAt,
      retrievedAt: app.clock.now(),
    });

  // A motion's own page: its arguments beside the court's treatment. Arguments cite authorities
  // from outside the case, so any write can change it ("global").
  app.get("/cases/:slug/motions/:motionId", { schema: { params: MotionParams } }, async (request, reply) => {
    const { slug, motionId } = request.params;
    const page = loadMotionPage(app.db, slug, motionId, readerOf(request));
    if (!page) throw new NotFoundError(`No motion ${motionId} in the case at ${paths.case(slug)}.`);
    const preview = notPublicBanner(page.docket.case, page.docket.notPublic);
    return serveCached(request, reply, app.pageCache, paths.motionPage(slug, motionId), "global", () =>
      reply.viewAsync("motions/show.hbs", {
        ...withMotionStaff({ ...toMotionView(page), cite: motionCite(page, paths.motionPage(slug, motionId)) }, request, {
          id: motionId,
          caseSlug: slug,
        }),
        preview,
      }),
    );
  });
}
