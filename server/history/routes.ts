import { heldBannerOf } from "../guard/notice";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { hasRole } from "../auth/roles";
import { ConflictError, NotFoundError, ValidationError, VersionConflictError } from "../errors";
import { paths } from "../paths";
import { actorFor, requireCsrf, requireRole } from "../auth/hooks";
import type { EditableType } from "../records/tables";
import { currentLinksOf, loadDeleted, loadHistory } from "./loaders";
import { HistoryParams, RestoreForm, RevertForm } from "./schemas";
import { createHistoryActions } from "./service";
import { toDeletedView, toHistoryView } from "./view-models";

/** Why a restore form did not parse, in words ("reason must be at most 500 characters"). */
function formProblem(issues: { path: PropertyKey[]; message: string }[]): string {
  return `Nothing was changed: ${issues.map((i) => `${String(i.path[0] ?? "form")} ${i.message}`).join("; ")}. Reload the page and try again.`;
}

/** A refusal the page explains (409 stale or conflicting, 422 invalid); anything else is thrown on. */
function refusal(error: unknown): { status: number; message: string } | null {
  if (error instanceof VersionConflictError || error instanceof ConflictError) return { status: 409, message: error.message };
  if (error instanceof ValidationError) {
    const fields = error.errors.map((e) => `${e.path} ${e.message}`).join("; ");
    return { status: 422, message: `Nothing was changed: ${fields}.` };
  }
  return null;
}

/**
 * Staff history pages (every revision of a record, with diffs and "Restore this version") and
 * the deleted-records page. Viewers read; editors restore, with a CSRF token and the version
 * the page showed, so a stale page is refused and nothing changes. Never cached (requireRole).
 */
export async function historyRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const actions = createHistoryActions({ editing: app.editing, store: app.store });
  const canEdit = (request: FastifyRequest) => hasRole(request.user!.role, "editor");

  const showHistory = (request: FastifyRequest, reply: FastifyReply, type: string, id: string, error: string | null = null) => {
    const data = loadHistory(app.db, type, id);
    if (!data) throw new NotFoundError(`No ${type} record has id ${id}.`);
    const currentLinks = currentLinksOf(app.editing, data.type, data.row.id as number);
    const held = heldBannerOf(app.guard.repo, data.type, data.row.id as string | number);
    return reply.view("history/show.hbs", { ...toHistoryView(data, { canEdit: canEdit(request), error, currentLinks }), held });
  };

  const showDeleted = (request: FastifyRequest, reply: FastifyReply, error: string | null = null) =>
    reply.view("history/deleted.hbs", toDeletedView(loadDeleted(app.db), { canEdit: canEdit(request), error }));

  app.get("/staff/history/:type/:id", { onRequest: requireRole("viewer"), schema: { params: HistoryParams } }, async (request, reply) =>
    showHistory(request, reply, request.params.type, request.params.id),
  );

  app.post(
    "/staff/history/:type/:id/revert",
    { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: HistoryParams } },
    async (request, reply) => {
      const { type, id } = request.params;
      const data = loadHistory(app.db, type, id);
      if (!data) throw new NotFoundError(`No ${type} record has id ${id}.`);
      const form = RevertForm.safeParse(request.body ?? {});
      if (!form.success) return showHistory(request, reply.code(400), type, id, formProblem(form.error.issues));
      try {
        const { revisionId, version, reason } = form.data;
        actions.revert(data.type, id, revisionId, { actor: actorFor(request), reason, expectedVersion: version });
      } catch (error) {
        const refused = refusal(error);
        if (!refused) throw error;
        return showHistory(request, reply.code(refused.status), type, id, refused.message);
      }
      return reply.redirect(paths.staffHistory(type, id), 303);
    },
  );

  app.get(paths.staffDeleted(), { onRequest: requireRole("viewer") }, async (request, reply) => showDeleted(request, reply));

  app.post(
    "/staff/deleted/:type/:id/restore",
    { onRequest: requireRole("editor"), preHandler: requireCsrf, schema: { params: HistoryParams } },
    async (request, reply) => {
      const { type, id } = request.params;
      const data = loadHistory(app.db, type, id);
      if (!data) throw new NotFoundError(`No ${type} record has id ${id}.`);
      const form = RestoreForm.safeParse(request.body ?? {});
      if (!form.success) return showDeleted(request, reply.code(400), formProblem(form.error.issues));
      try {
        actions.restore(data.type as EditableType, id, {
          actor: actorFor(request),
          reason: form.data.reason,
          expectedVersion: form.data.version,
        });
      } catch (error) {
        const refused = refusal(error);
        if (!refused) throw error;
        return showDeleted(request, reply.code(refused.status), refused.message);
      }
      return reply.redirect(paths.staffHistory(type, id), 303);
    },
  );
}
