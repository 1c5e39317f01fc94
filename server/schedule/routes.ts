import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError, ValidationError, fieldErrors } from "../errors";
import { setFlash } from "../forms/flash";
import { dayText, withDate } from "../forms/words";
import { paths } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../auth/hooks";
import { RecordIdParam } from "../shared/record-id";
import { markDeadline } from "./service";

const MarkParams = z.object({ slug: z.string().min(1).max(200), id: RecordIdParam });
const MarkBody = z.object({ status: z.enum(["met", "vacated", "open"]), version: z.coerce.number().int().positive() });
const MARKED: Record<string, string> = { met: "Marked met", vacated: "Marked vacated", open: "Reopened" };

/** Marking a deadline met or vacated, or open again: one click on the case's staff page or the deadline's form. */
export async function scheduleRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    "/staff/cases/:slug/deadlines/:id/mark",
    { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: MarkParams } },
    async (request, reply) => {
      const { slug, id } = request.params;
      const caseId = app.editing.resolveId("case", slug);
      const deadline = app.editing.find("deadline", id);
      if (caseId === undefined || !deadline || deadline.caseId !== caseId)
        throw new NotFoundError(`No deadline ${id} in the case at /cases/${slug}.`);
      const parsed = MarkBody.safeParse(request.body);
      if (!parsed.success)
        throw new ValidationError(
          fieldErrors(parsed.error),
          "The form did not say how to mark the deadline, or from which version; nothing was saved.",
        );
      const body = parsed.data;
      const marked = markDeadline({ db: app.db, store: app.store }, id, body.status, {
        actor: actorFor(request),
        expectedVersion: body.version,
      });
      setFlash(reply, `${MARKED[body.status]}: ${withDate(marked.label, "due", dayText(marked.dateDue))}.`);
      return reply.redirect(paths.deadline(slug, id), 303);
    },
  );
}
