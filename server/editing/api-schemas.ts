import { getTableColumns } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { MOTION_STATUSES, COVERAGE_STATUSES } from "../../db/schema";
import { ApiError } from "../shared/problem";
import { RECORD_TABLES } from "../records/tables";
import type { RecordDefinition } from "./definition";
import { PublicationHoldOut } from "../guard/notice";

/*
 * What the write API answers. A record is answered as staff see it: every column of its table
 * (including staff-only ones such as an attorney's contact lines) plus its link sets. These
 * schemas are built from the drizzle tables, so a new column appears in the document without
 * a second list to keep in step; the answers are encoded through them.
 */

function columnSchema(column: SQLiteColumn): z.ZodType {
  const enumValues = (column as unknown as { enumValues?: string[] }).enumValues;
  let schema: z.ZodType;
  if (enumValues && enumValues.length > 0) schema = z.enum(enumValues as [string, ...string[]]);
  else if (column.dataType === "boolean") schema = z.boolean();
  else if (column.dataType === "number") schema = column.columnType === "SQLiteReal" ? z.number() : z.number().int();
  else schema = z.string();
  return column.notNull ? schema : schema.nullable();
}

const ids = z.array(z.number().int());

/** The link sets' answers, by field name. */
const LINK_OUTPUT: Record<string, z.ZodType> = {
  accountIds: ids,
  subpoenaIds: ids,
  movantPartyIds: ids,
  authorityIds: ids,
  demands: z.array(z.string()),
  dispositions: z.array(z.object({ motionId: z.number().int(), disposition: z.enum(MOTION_STATUSES) })),
  coverage: z.array(
    z.object({
      subpoenaId: z.number().int(),
      accountId: z.number().int().nullable(),
      addresseeId: z.number().int().nullable(),
      endCondition: z.string().nullable(),
      status: z.enum(COVERAGE_STATUSES),
      statusReason: z.string().nullable(),
      dateEnded: z.string().nullable(),
    }),
  ),
  related: z.array(z.object({ recordType: z.string(), recordId: z.string(), role: z.enum(["actor", "subject"]) })),
};

export const pascal = (type: string) => type.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());

const cache = new Map<string, z.ZodObject>();

/** `StaffEntry`, `StaffOrder`…: one record as the write API answers it. */
export function staffRecordSchema(definition: RecordDefinition): z.ZodObject {
  const cached = cache.get(definition.type);
  if (cached) return cached;
  const columns = getTableColumns(RECORD_TABLES[definition.type]) as Record<string, SQLiteColumn>;
  const shape: Record<string, z.ZodType> = {};
  for (const [name, column] of Object.entries(columns)) shape[name] = columnSchema(column);
  for (const field of definition.links?.fields ?? []) shape[field] = LINK_OUTPUT[field] ?? z.unknown();
  // Optional: answers made elsewhere (publish, seal) carry the record without it.
  shape.publicationHold = PublicationHoldOut.nullable().optional();
  const schema = z.object(shape).meta({
    id: `Staff${pascal(definition.type)}`,
    description: `A ${definition.label} as staff see it: every field, its \`version\` (send it back in If-Match), \`deletedAt\` when hidden, and \`publicationHold\` when the publication guard holds it for review.`,
  });
  cache.set(definition.type, schema);
  return schema;
}

/**
 * A refused write: the API's problem details (RFC 9457), under the name the write routes have
 * always given it in the document.
 */
export const WriteError = ApiError.meta({
  id: "WriteError",
  description: "A refused write, as RFC 9457 problem details. Nothing was changed. 400 lists the fields in `errors`.",
});

const preconditionFailedSchemas = new WeakMap<z.ZodObject, z.ZodObject>();

/** The 412 answer around a record's schema; built once per record schema (schemas never change). */
export function preconditionFailed(record: z.ZodObject) {
  let schema = preconditionFailedSchemas.get(record);
  if (!schema) {
    schema = WriteError.extend({
      current: record.meta({ description: "The record as it is now, so the edit can be redone on top of it." }),
    }).meta({ description: "The record changed since the version in If-Match; nothing was written." });
    preconditionFailedSchemas.set(record, schema);
  }
  return schema;
}

export const StaffRevision = z
  .object({
    id: z.number().int(),
    action: z.enum(["create", "update", "delete", "restore"]),
    at: z.string().meta({ description: "When, as an ISO instant." }),
    actor: z.string().meta({ description: 'Who: the user\'s e-mail (with the API token\'s number), or a process ("seed", "import #4").' }),
    userId: z.number().int().nullable(),
    reason: z.string().nullable(),
    version: z.number().int().nullable().meta({ description: "The record's version after this change." }),
    before: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: "The record before the change (null for a create); link sets under `$links`." }),
    after: z.record(z.string(), z.unknown()).nullable().meta({ description: "The record after the change; link sets under `$links`." }),
  })
  .meta({ id: "StaffRevision", description: "One change to a record." });

export const RevisionList = z
  .object({ data: z.array(StaffRevision), count: z.number().int() })
  .meta({ description: "Every revision of the record, oldest first." });

/**
 * `{id}` in a record's URL: its numeric id, or its slug where it has one. Where the public
 * read API already answers the URL (cases, subpoenas) the parameter keeps the read's name,
 * `{slug}`, so the document has one path, not two that differ only in a name.
 */
export function recordParams(name: "id" | "slug") {
  return RECORD_PARAMS[name];
}

const recordKey = () =>
  z
    .string()
    .min(1)
    .max(200)
    .meta({ description: "The record's numeric id; for cases, subpoenas, accounts, orders, events and attorneys also its slug." });
// Built once: every write route of every record type shares them (about 120 routes per app).
const RECORD_PARAMS = { id: z.object({ id: recordKey() }), slug: z.object({ slug: recordKey() }) };

/** The body of DELETE, …/restore and …/strike: nothing, or an empty JSON object; any field is refused. */
export const NoFields = z
  .strictObject({})
  .nullish()
  .meta({ description: "These requests take no fields; send no body (or `{}`). A field sent is refused with 400." });

export const EditHeaders = z.looseObject({
  "if-match": z.string().optional().meta({
    description:
      'The version the edit started from, as an entity tag: `"3"`. Required on every change to an existing record (PATCH, DELETE, restore, strike): without it 428; a stale version gets 412.',
  }),
  "x-reason": z.string().optional().meta({ description: "Why, in a few words (at most 500 characters); kept in the revision." }),
});
