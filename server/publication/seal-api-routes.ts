import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { NotFoundError, PreconditionFailedError, VersionConflictError } from "../errors";
import { API_BODY_LIMIT, acceptJsonOnly, etag, versionFrom } from "../editing/api-request";
import { EditHeaders, WriteError, recordParams } from "../editing/api-schemas";
import { paths } from "../paths";
import { actorFor, requireRole } from "../auth/hooks";
import { PROBLEM_TYPE, problemOf } from "../shared/problem";
import { parseRecordId } from "../shared/record-id";
import { SEAL_KINDS, SealBody, type SealKind } from "./schemas";
import { sealState, type SealedRow } from "./seals";

const SECURITY = [{ bearerAuth: [] }];
const OPERATION_NOUN: Record<SealKind, string> = { entry: "Entry", document: "Document", party: "PartyName", case: "Case" };
const errors = (...codes: number[]) => Object.fromEntries(codes.map((code) => [code, WriteError]));

/** Where each kind of seal is in the API, and what its `{id}` is. */
const ROUTES: Record<SealKind, { plural: string; param: "id" | "slug"; tag: string; words: string }> = {
  entry: { plural: "entries", param: "id", tag: "docket entries", words: "a docket entry (its text, filer, documents and sources)" },
  document: { plural: "documents", param: "id", tag: "docket entries", words: "a document (its description and file)" },
  party: { plural: "parties", param: "id", tag: "cases", words: "a party's name (the party stays, as “Sealed party”, with its role)" },
  case: { plural: "cases", param: "slug", tag: "cases", words: "a whole case (it leaves every public surface)" },
};

export const SealOutcome = z
  .object({
    kind: z.enum(SEAL_KINDS),
    id: z.number().int(),
    sealed: z.boolean(),
    reason: z.string().nullable().meta({ description: "Why it is sealed; null when not sealed." }),
    orderReference: z.string().nullable().meta({ description: "The court's order behind the seal; null when not sealed." }),
    version: z.number().int().meta({ description: "The record's version now (send it in If-Match next time)." }),
  })
  .meta({ id: "SealOutcome", description: "The record's seal as it now stands." });

const outcome = (kind: SealKind, row: SealedRow) => {
  const state = sealState(kind, row);
  return { kind, id: row.id, sealed: state.sealed, reason: state.reason, orderReference: state.orderReference, version: row.version };
};

/**
 * Sealing after the fact through the write API: POST …/seal and …/unseal on an entry, a
 * document, a party (its name) or a case, with `{ reason, orderReference }`. An editor's token;
 * If-Match optional (a stale one gets 412). A missing reason or order is 400 naming the field.
 * The public surfaces follow in the same request.
 */
export async function sealApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  acceptJsonOnly(app);

  function idOf(kind: SealKind, raw: string): number {
    const id = kind === "case" ? app.editing.resolveId("case", raw) : parseRecordId(raw);
    const row = id === undefined ? undefined : app.seals.find(kind, id);
    if (!row) throw new NotFoundError(`No ${app.seals.words(kind)} is at ${raw}.`);
    return row.id;
  }

  for (const kind of SEAL_KINDS) {
    const route = ROUTES[kind];
    for (const seal of [true, false]) {
      app.post(
        `${paths.api.records(route.plural)}/:${route.param}/${seal ? "seal" : "unseal"}`,
        {
          bodyLimit: API_BODY_LIMIT,
          onRequest: requireRole("editor", { via: "token" }),
          schema: {
            tags: [route.tag],
            operationId: `${seal ? "seal" : "unseal"}${OPERATION_NOUN[kind]}`,
            security: SECURITY,
            summary: `${seal ? "Seal" : "Unseal"} ${route.words.split(" (")[0]}`,
            description: seal
              ? `Seals ${route.words} after the fact, citing the court's order; it leaves every public page, feed, calendar and API answer in this request and stays in the staff view and history with the reason. Sealing a sealed record again records a newer reason or order.`
              : `Unseals ${route.words}, citing the court's order; the public sees it again in this request.`,
            params: recordParams(route.param),
            headers: EditHeaders,
            body: SealBody,
            response: { 200: SealOutcome, 412: WriteError, ...errors(400, 401, 403, 404, 413, 415) },
          },
        },
        async (request, reply) => {
          const id = idOf(kind, (request.params as Record<string, string>)[route.param]!);
          try {
            const { row } = app.seals[seal ? "seal" : "unseal"](kind, id, request.body, {
              actor: actorFor(request),
              expectedVersion: versionFrom(request.headers["if-match"], false),
            });
            return reply.header("etag", etag(row)).send(outcome(kind, row));
          } catch (error) {
            if (!(error instanceof VersionConflictError)) throw error;
            const failed = new PreconditionFailedError(
              `This record is at version ${error.currentVersion}; your request started from version ${error.expectedVersion}. Nothing was changed.`,
              error.currentVersion,
            );
            return reply
              .code(412)
              .type(PROBLEM_TYPE)
              .send(problemOf({ status: 412, code: failed.code, message: failed.message }, request.url));
          }
        },
      );
    }
  }
}
