import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadCaseSummaries, publicEntryBatches } from "../cases/loaders";
import { publicOrderBatches } from "../orders/loaders";
import { paths } from "../paths";
import { loadSourceRegister } from "../sources/register";
import { loadSubpoenaSummaries } from "../subpoenas/loaders";
import { publicTimelineItems } from "../timeline/loaders";
import {
  CaseListItem,
  DocketEntry,
  errorResponses,
  OrderItem,
  RegisterConflict,
  RegisterSource,
  SubpoenaListItem,
  TimelineItem,
} from "./schemas";
import { EXPORT_SCHEMA_VERSION, ExportDocument, exportJsonSchema } from "./schemas/export";
import { toCaseListItem, toEntryItems } from "./serializers/cases";
import { toOrderItem } from "./serializers/orders";
import { toRegisterConflict, toRegisterSource } from "./serializers/sources";
import { toSubpoenaListItem } from "./serializers/subpoenas";
import { toTimelineItem } from "./serializers/timeline";
import type { Db } from "../../db/client";
import type { Clock } from "../shared/clock";

/** A member of the document, each item encoded through its schema (the API's second allow-list), written as it is made. */
function* arrayMember<T>(name: string, items: Iterable<T>, schema: z.ZodType, first = false): Generator<string> {
  yield `${first ? "" : ","}${JSON.stringify(name)}:[`;
  let n = 0;
  for (const item of items) yield `${n++ ? "," : ""}${JSON.stringify(schema.encode(item))}`;
  yield "]";
}

/**
 * The whole public record as JSON text, a piece at a time: each case's entries, the orders and the
 * timeline are read a keyset batch at a time (publicEntryBatches, publicOrderBatches,
 * publicTimelineItems), so a docket of 100,000 entries or a timeline of 100,000 events never
 * sits in memory. The cases, subpoenas and sources are read whole: one row each, not per entry.
 * `batchSize` is for tests.
 */
export function* exportDocument(db: Db, baseUrl: string, clock: Clock, batchSize?: number): Generator<string> {
  const ctx = { baseUrl };
  yield `{"schemaVersion":${EXPORT_SCHEMA_VERSION},"generatedAt":${JSON.stringify(clock.now())},"publicUrl":${JSON.stringify(baseUrl)},"cases":[`;
  let n = 0;
  for (const summary of loadCaseSummaries(db)) {
    const head = JSON.stringify(CaseListItem.encode(toCaseListItem(ctx, summary)));
    yield `${n++ ? "," : ""}${head.slice(0, -1)},"entries":[`;
    let m = 0;
    for (const batch of publicEntryBatches(db, summary.case.id, batchSize)) {
      for (const entry of toEntryItems(ctx, { case: summary.case, court: summary.court, ...batch }))
        yield `${m++ ? "," : ""}${JSON.stringify(DocketEntry.encode(entry))}`;
    }
    yield "]}";
  }
  yield "]";
  yield* arrayMember(
    "subpoenas",
    loadSubpoenaSummaries(db).map((s) => toSubpoenaListItem(ctx, s)),
    SubpoenaListItem,
  );
  yield* arrayMember(
    "orders",
    (function* () {
      for (const batch of publicOrderBatches(db, batchSize)) for (const o of batch) yield toOrderItem(ctx, o);
    })(),
    OrderItem,
  );
  yield* arrayMember(
    "timeline",
    (function* () {
      for (const t of publicTimelineItems(db, batchSize)) yield toTimelineItem(ctx, t);
    })(),
    TimelineItem,
  );
  const register = loadSourceRegister(db);
  yield* arrayMember(
    "sources",
    register.sources.map((s) => toRegisterSource(ctx, s)),
    RegisterSource,
  );
  yield* arrayMember(
    "conflicts",
    register.conflicts.map((c) => toRegisterConflict(ctx, c)),
    RegisterConflict,
  );
  yield "}";
}

/** The pieces joined into chunks of about 64 KB: one socket write per chunk, not per entry. */
function* inChunks(pieces: Iterable<string>, size = 65_536): Generator<string> {
  let chunk = "";
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= size) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

export async function exportApiRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // Declared on the untyped instance: the answer is a stream of the document's text, which the
  // typed reply (the document's zod type) would not take; the schema still documents it.
  fastify.get(
    paths.api.export(),
    {
      schema: {
        tags: ["export"],
        operationId: "exportPublicRecord",
        summary: "The whole public record as one JSON document",
        description:
          "Every public case with its whole docket, the subpoenas with their status, the orders, the timeline and the source register, in the API's own item shapes, with a `schemaVersion`. Streamed as it is read. Its JSON Schema is at /api/v1/export.schema.json (and docs/export.schema.json).",
        response: { 200: ExportDocument, 400: errorResponses[400] },
      },
    },
    async (_request, reply) =>
      reply
        .type("application/json; charset=utf-8")
        .header("Content-Disposition", 'attachment; filename="quash-export.json"')
        .send(Readable.from(inChunks(exportDocument(app.db, app.config.publicUrl, app.clock)))),
  );

  app.get(
    paths.api.exportSchema(),
    {
      schema: {
        tags: ["export"],
        operationId: "getExportSchema",
        summary: "The JSON Schema of the export",
        description: "The JSON Schema (draft 2020-12) that /api/v1/export.json conforms to.",
        response: { 200: z.record(z.string(), z.unknown()), 400: errorResponses[400] },
      },
    },
    async () => exportJsonSchema(),
  );
}
