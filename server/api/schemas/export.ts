import { z } from "zod";
import { CaseListItem, DocketEntry } from "./cases";
import { OrderItem } from "./orders";
import { RegisterConflict, RegisterSource } from "./sources";
import { SubpoenaListItem } from "./subpoenas";
import { TimelineItem } from "./timeline";

/*
 * The whole public record as one JSON document (/api/v1/export.json), made of the same items as
 * the API's lists, so a reader of one can read the other. Its JSON Schema is committed as
 * docs/export.schema.json (test/exports/export-json.test.ts keeps the two in step).
 */

/** Raised whenever a member is removed or changes meaning; adding a member does not raise it. */
export const EXPORT_SCHEMA_VERSION = 1;

export const ExportCase = CaseListItem.extend({
  entries: z
    .array(DocketEntry)
    .meta({ description: "Every public docket entry of the case, in docket order; a sealed entry as its placeholder." }),
}).meta({ id: "ExportCase" });

export const ExportDocument = z
  .object({
    schemaVersion: z
      .literal(EXPORT_SCHEMA_VERSION)
      .meta({ description: "The version of this document's shape (docs/export.schema.json)." }),
    generatedAt: z.string().meta({ description: "When the export was made (ISO 8601, UTC)." }),
    publicUrl: z.string().meta({ description: "The tracker the export comes from; every htmlUrl starts with it." }),
    cases: z.array(ExportCase),
    subpoenas: z.array(SubpoenaListItem),
    orders: z.array(OrderItem),
    timeline: z.array(TimelineItem),
    sources: z.array(RegisterSource),
    conflicts: z.array(RegisterConflict),
  })
  .meta({
    id: "ExportDocument",
    description: "The whole public record: every public case with its docket, the subpoenas, orders, timeline and source register.",
  });

/** The export's JSON Schema (draft 2020-12), as committed in docs/export.schema.json. */
export function exportJsonSchema() {
  return {
    $id: "quash-export.schema.json",
    ...z.toJSONSchema(ExportDocument, { target: "draft-2020-12", io: "output", unrepresentable: "any" }),
  };
}
