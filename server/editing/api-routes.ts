import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError, PreconditionFailedError, VersionConflictError } from "../errors";
import { paths, routePatterns } from "../paths";
import { actorFor, requireRole } from "../auth/hooks";
import {
  EditHeaders,
  NoFields,
  RevisionList,
  WriteError,
  pascal,
  preconditionFailed,
  recordParams,
  staffRecordSchema,
} from "./api-schemas";
import type { RecordDefinition } from "./definition";
import { API_BODY_LIMIT, acceptJsonOnly, etag, reasonFrom, versionFrom } from "./api-request";
import { RECORD_DEFINITIONS } from "./records";
import { PROBLEM_TYPE, problemOf } from "../shared/problem";
import type { EditableRecord, EditOptions } from "./service";
import { publicationHoldOf } from "../guard/notice";

/** Record types whose single-record GET is the public read API's (server/api); their 201 points there. */
const PUBLIC_RECORD_URL: Partial<Record<string, (row: EditableRecord) => string>> = {
  case: (row) => paths.api.case(String(row.slug)),
  subpoena: (row) => paths.api.subpoena(String(row.slug)),
  authority: (row) => paths.api.authority(String(row.slug)),
};

/** How the one-record URL of a type names the record: its slug where the public API reads it by slug. */
const keyOf = (type: string): "slug" | "id" => (PUBLIC_RECORD_URL[type] ? "slug" : "id");

const SECURITY = [{ bearerAuth: [] }];
/** Which revision to go back to (its id, as GET …/revisions lists them). */
const RevertBody = z
  .strictObject({ revisionId: z.number().int().positive().meta({ description: "The id of the revision whose fields to put back." }) })
  .meta({ id: "RevertRequest" });
type RevertBody = z.infer<typeof RevertBody>;

/** "a docket entry", "an order". */
const article = (label: string) => (/^[aeiou]/i.test(label) ? "an" : "a");
const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [code, WriteError]));

/**
 * The write API for scripts: for every editable record type, POST to the collection, GET /
 * PATCH / DELETE one record, POST …/restore (undo a delete or strike), POST …/revert (back to a
 * revision), GET …/revisions; docket entries also
 * POST …/strike. Bearer tokens only (no cookies, so no CSRF): editor or admin writes, viewer
 * reads. Every refusal leaves the database as it was.
 */
export async function writeApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  acceptJsonOnly(app);

  const editor = requireRole("editor", { via: "token" });
  const viewer = requireRole("viewer", { via: "token" });

  /** The id behind `{id}` (numeric id, or slug where the type has one), or 404. */
  function recordIdOf(definition: RecordDefinition, idOrSlug: string): number {
    const id = app.editing.resolveId(definition.type, idOrSlug);
    if (id === undefined) throw new NotFoundError(`No ${definition.label} is at ${idOrSlug}.`);
    return id;
  }

  /** The record with the publication guard's hold on it, if any: saved is not the same as public. */
  const withHold = (definition: RecordDefinition, record: EditableRecord) => ({
    ...record,
    publicationHold: publicationHoldOf(app.guard.repo, definition.type, record.id),
  });

  /** Runs an edit; a stale version becomes 412 with the current record, nothing written. */
  function guarded(reply: FastifyReply, definition: RecordDefinition, write: () => EditableRecord) {
    try {
      const record = write();
      return reply.header("etag", etag(record)).send(withHold(definition, record));
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      const current = app.editing.find(definition.type, Number(error.recordId))!;
      const failed = new PreconditionFailedError(
        `This ${definition.label} is at version ${error.currentVersion}; your edit started from version ${error.expectedVersion}. Nothing was changed.`,
        error.currentVersion,
      );
      return reply
        .code(412)
        .header("etag", etag(current))
        .type(PROBLEM_TYPE)
        .send({
          ...problemOf({ status: 412, code: failed.code, message: failed.message }, reply.request.url),
          current: withHold(definition, current),
        });
    }
  }

  /**
   * DELETE, …/restore and …/strike are one kind of route: no fields in the body (a field sent
   * is refused, as on PATCH, never ignored), If-Match required as on PATCH (428 without it, 412
   * when stale: a script must say which version it meant to hide or bring back), an editor's
   * token, and the record as it now is in the answer.
   */
  function bodilessEdit(
    method: "DELETE" | "POST",
    url: string,
    definition: RecordDefinition,
    doc: { operationId: string; summary: string; description: string; params: z.ZodType; errorCodes: number[] },
    idOf: (request: FastifyRequest) => string,
    edit: (id: number, options: EditOptions) => EditableRecord,
  ) {
    const RecordOut = staffRecordSchema(definition);
    app.route({
      method,
      url,
      onRequest: editor,
      schema: {
        tags: [definition.tag],
        operationId: doc.operationId,
        security: SECURITY,
        summary: doc.summary,
        description: doc.description,
        params: doc.params,
        headers: EditHeaders,
        body: NoFields,
        response: { 200: RecordOut, 412: preconditionFailed(RecordOut), ...errors(400, ...doc.errorCodes, 428) },
      },
      handler: async (request, reply) => {
        const id = recordIdOf(definition, idOf(request));
        const options = {
          actor: actorFor(request),
          reason: reasonFrom(request),
          expectedVersion: versionFrom(request.headers["if-match"], true),
        };
        return guarded(reply, definition, () => edit(id, options));
      },
    });
  }

  for (const definition of Object.values(RECORD_DEFINITIONS)) {
    const RecordOut = staffRecordSchema(definition);
    const base = routePatterns.apiRecords(definition.plural);
    const key = keyOf(definition.type);
    const RecordParams = recordParams(key);
    const idOf = (request: FastifyRequest) => (request.params as Record<string, string>)[key]!;
    const one = routePatterns.apiRecord(definition.plural, key);
    const collection = definition.parent === "case" ? routePatterns.apiCaseRecords(definition.plural) : base;
    const tags = [definition.tag];
    const { label } = definition;
    const a = article(label);
    const name = pascal(definition.type);

    app.post(
      collection,
      {
        bodyLimit: API_BODY_LIMIT,
        onRequest: editor,
        schema: {
          tags,
          operationId: `create${name}`,
          security: SECURITY,
          summary: `Create ${a} ${label}`,
          description: `Creates ${a} ${label}${definition.parent ? " in the case given by id or slug" : ""} and answers 201 with it (including \`id\` and \`version\`), a Location header and an ETag. Needs an editor's token.`,
          ...(definition.parent ? { params: recordParams("slug") } : {}),
          headers: EditHeaders,
          body: definition.create,
          response: { 201: RecordOut, ...errors(400, 401, 403, 404, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const caseId = definition.parent ? recordIdOf(RECORD_DEFINITIONS.case, (request.params as { slug: string }).slug) : undefined;
        const record = app.editing.create(definition.type, request.body as Record<string, unknown>, {
          actor: actorFor(request),
          reason: reasonFrom(request),
          caseId,
        });
        const location = PUBLIC_RECORD_URL[definition.type]?.(record) ?? paths.api.record(definition.plural, record.id);
        return reply.code(201).header("location", location).header("etag", etag(record)).send(withHold(definition, record));
      },
    );

    if (!PUBLIC_RECORD_URL[definition.type]) {
      app.get(
        one,
        {
          onRequest: viewer,
          schema: {
            tags,
            operationId: `getStaff${name}`,
            security: SECURITY,
            summary: `One ${label}, as staff see it`,
            description: `Every field of the ${label}, hidden ones too (\`deletedAt\` set). The ETag is its version, for If-Match. Needs a viewer's token.`,
            params: RecordParams,
            response: { 200: RecordOut, ...errors(401, 403, 404) },
          },
        },
        async (request, reply) => {
          const record = app.editing.find(definition.type, recordIdOf(definition, idOf(request)))!;
          return reply.header("etag", etag(record)).send(withHold(definition, record));
        },
      );
    }

    app.patch(
      one,
      {
        bodyLimit: API_BODY_LIMIT,
        onRequest: editor,
        schema: {
          tags,
          operationId: `update${name}`,
          security: SECURITY,
          summary: `Change ${a} ${label}`,
          description: `Changes the fields sent (a link set such as \`movantPartyIds\` is replaced whole) and answers 200 with the new version. Send \`If-Match: "<version>"\`: without it 428; when the ${label} changed since, 412 and nothing is written.`,
          params: RecordParams,
          headers: EditHeaders,
          body: definition.update,
          response: { 200: RecordOut, 412: preconditionFailed(RecordOut), ...errors(400, 401, 403, 404, 409, 413, 415, 428) },
        },
      },
      async (request, reply) => {
        const id = recordIdOf(definition, idOf(request));
        const expectedVersion = versionFrom(request.headers["if-match"], true);
        const options = { actor: actorFor(request), reason: reasonFrom(request), expectedVersion };
        return guarded(
          reply,
          definition,
          () => app.editing.update(definition.type, id, request.body as Record<string, unknown>, options).record,
        );
      },
    );

    bodilessEdit(
      "DELETE",
      one,
      definition,
      {
        operationId: `delete${name}`,
        summary: definition.type === "entry" ? "Refused: docket entries are struck, not deleted" : `Delete (hide) ${a} ${label}`,
        description:
          definition.type === "entry"
            ? "Always 409: a docket entry is never deleted. Use POST /api/v1/entries/{id}/strike."
            : `Hides the ${label}: it leaves every public page but stays in the database, and POST …/restore brings it back. Send \`If-Match: "<version>"\`: without it 428; a stale version gets 412 and nothing changes.`,
        params: RecordParams,
        errorCodes: [401, 403, 404, 409],
      },
      idOf,
      (id, options) => app.editing.remove(definition.type, id, options),
    );

    bodilessEdit(
      "POST",
      `${one}/restore`,
      definition,
      {
        operationId: `restore${name}`,
        summary: definition.type === "entry" ? "Un-strike a docket entry" : `Restore a deleted ${label}`,
        description: `Undoes ${definition.type === "entry" ? "a strike" : "a delete"}, with a revision; the fields stay as they are. It does not go back to an earlier version: that is POST …/revert with \`{ "revisionId": N }\`. Send \`If-Match: "<version>"\`: without it 428; a stale version gets 412 and nothing changes.`,
        params: RecordParams,
        errorCodes: [401, 403, 404, 409],
      },
      idOf,
      (id, options) => app.editing.restore(definition.type, id, options),
    );

    // Going back to an earlier version is its own operation, named apart from restore (which only
    // undoes a delete or a strike), so that a script asks for the one it means.
    app.post(
      `${one}/revert`,
      {
        bodyLimit: API_BODY_LIMIT,
        onRequest: editor,
        schema: {
          tags,
          operationId: `revert${name}`,
          security: SECURITY,
          summary: `Revert ${a} ${label} to an earlier revision`,
          description: `Puts back the fields the ${label} had after revision \`revisionId\` (from GET …/revisions), as a new revision; nothing is lost, and the version you replace stays in the history. It does not un-delete${definition.type === "entry" ? " or un-strike" : ""}: that is POST …/restore. Send \`If-Match: "<version>"\`: without it 428; a stale version gets 412 and nothing changes.`,
          params: RecordParams,
          headers: EditHeaders,
          body: RevertBody,
          response: { 200: RecordOut, 412: preconditionFailed(RecordOut), ...errors(400, 401, 403, 404, 409, 415, 428) },
        },
      },
      async (request, reply) => {
        const id = recordIdOf(definition, idOf(request));
        const options = {
          actor: actorFor(request),
          reason: reasonFrom(request),
          expectedVersion: versionFrom(request.headers["if-match"], true),
        };
        return guarded(
          reply,
          definition,
          () => app.editing.revert(definition.type, id, (request.body as RevertBody).revisionId, options).record,
        );
      },
    );

    app.get(
      `${one}/revisions`,
      {
        onRequest: viewer,
        schema: {
          tags,
          operationId: `list${name}Revisions`,
          security: SECURITY,
          summary: `Revisions of ${a} ${label}`,
          description:
            "Every change, oldest first: who, when, the record before and after, and why. Revisions hold text the public pages hold back (sealed entries, staff-only fields), so this needs a viewer's token at least.",
          params: RecordParams,
          response: { 200: RevisionList, ...errors(401, 403, 404) },
        },
      },
      async (request) => {
        const revisions = app.editing.revisions(definition.type, recordIdOf(definition, idOf(request)));
        return { data: revisions, count: revisions.length };
      },
    );
  }

  const entry = RECORD_DEFINITIONS.entry;
  bodilessEdit(
    "POST",
    `${routePatterns.apiRecord(entry.plural, "id")}/strike`,
    entry,
    {
      operationId: "strikeEntry",
      summary: "Strike a docket entry",
      description:
        'Marks the entry stricken, as a court does; it stays on the docket. POST …/restore un-strikes it. Send `If-Match: "<version>"`: without it 428; a stale version gets 412 and nothing changes.',
      params: recordParams("id"),
      errorCodes: [401, 403, 404],
    },
    (request) => (request.params as { id: string }).id,
    (id, options) => app.editing.setStricken(id, true, options),
  );
}
