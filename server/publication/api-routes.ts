import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { NotFoundError, PreconditionFailedError, VersionConflictError } from "../errors";
import { API_BODY_LIMIT, acceptJsonOnly, etag, versionFrom } from "../editing/api-request";
import { EditHeaders, WriteError, preconditionFailed, recordParams, staffRecordSchema } from "../editing/api-schemas";
import { RECORD_DEFINITIONS } from "../editing/records";
import { paths } from "../paths";
import { actorFor, requireRole } from "../auth/hooks";
import { PublishBody, UnpublishBody } from "./schemas";
import { PROBLEM_TYPE, problemOf } from "../shared/problem";

const SECURITY = [{ bearerAuth: [] }];
const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [code, WriteError]));

/**
 * Publication through the write API: POST /api/v1/cases/{slug}/publish and …/unpublish, with
 * the reason (and, to publish, the group) in a JSON body. An editor's token; If-Match is
 * optional, and a stale one gets 412. A refusal is 400 naming the field; nothing changes.
 */
export async function publicationApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  acceptJsonOnly(app);
  const caseDefinition = RECORD_DEFINITIONS.case;
  const CaseOut = staffRecordSchema(caseDefinition);

  for (const decision of ["publish", "unpublish"] as const) {
    app.post(
      decision === "publish" ? `${paths.api.cases()}/:slug/publish` : `${paths.api.cases()}/:slug/unpublish`,
      {
        bodyLimit: API_BODY_LIMIT,
        onRequest: requireRole("editor", { via: "token" }),
        schema: {
          tags: ["cases"],
          operationId: decision === "publish" ? "publishCase" : "unpublishCase",
          security: SECURITY,
          summary: decision === "publish" ? "Publish a case" : "Unpublish a case",
          description:
            decision === "publish"
              ? "Makes the case and everything of it (entries, parties, counsel, motions, orders, hearings, deadlines, the source of its imports) public on every page, feed, calendar and API answer, in this request. Needs a `reason`; a case in the group `unsorted` also needs a `group`. Publishing a published case changes nothing."
              : "Takes the case and everything of it back from every public surface, in this request; staff still see it and its history. Needs a `reason`.",
          params: recordParams("slug"),
          headers: EditHeaders,
          body: decision === "publish" ? PublishBody : UnpublishBody,
          response: { 200: CaseOut, 412: preconditionFailed(CaseOut), ...errors(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const { slug } = request.params as { slug: string };
        const id = app.editing.resolveId("case", slug);
        if (id === undefined) throw new NotFoundError(`No case is at ${slug}.`);
        try {
          app.publication[decision](id, request.body, {
            actor: actorFor(request),
            expectedVersion: versionFrom(request.headers["if-match"], false),
          });
        } catch (error) {
          if (!(error instanceof VersionConflictError)) throw error;
          const current = app.editing.find("case", id)!;
          const failed = new PreconditionFailedError(
            `This case is at version ${error.currentVersion}; your request started from version ${error.expectedVersion}. Nothing was changed.`,
            error.currentVersion,
          );
          return reply
            .code(412)
            .header("etag", etag(current))
            .type(PROBLEM_TYPE)
            .send({ ...problemOf({ status: 412, code: failed.code, message: failed.message }, request.url), current });
        }
        const record = app.editing.find("case", id)!;
        return reply.header("etag", etag(record)).send(record);
      },
    );
  }
}
