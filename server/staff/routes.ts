import { heldBannerOf, heldInCaseBannerOf } from "../guard/notice";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { hasRole } from "../auth/roles";
import { NotFoundError } from "../errors";
import { formDeps } from "../forms/record-form";
import { paths, routePatterns } from "../paths";
import { requireRole } from "../auth/hooks";
import { toCasePageView } from "./case-page";
import { toStaffHomeView } from "./view-models";

const CaseParams = z.object({ slug: z.string().min(1).max(200) });

/** The staff home (who is signed in and what they can do), and the staff page of one case. */
export async function staffRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(paths.staff(), { onRequest: requireRole("viewer") }, async (request, reply) =>
    reply.view("staff/home.hbs", toStaffHomeView(request.user!)),
  );

  // Everything of one case with a link to its form: where staff go to edit what is not an entry.
  app.get(routePatterns.staffCase(), { onRequest: requireRole("viewer"), schema: { params: CaseParams } }, async (request, reply) => {
    const id = app.editing.resolveId("case", request.params.slug);
    const kase = id === undefined ? undefined : app.editing.find("case", id);
    if (!kase) throw new NotFoundError(`No case is at /cases/${request.params.slug}.`);
    const holds = {
      keys: app.guard.repo.heldKeys(),
      caseBanner: heldBannerOf(app.guard.repo, "case", kase.id),
      recordsBanner: heldInCaseBannerOf(app.guard.repo, kase.id),
    };
    return reply.view("forms/case.hbs", toCasePageView(kase, formDeps(app), hasRole(request.user!.role, "editor"), holds));
  });
}
