import { z } from "zod";
import { AnyRecordId, flag, LINKABLE_TYPES, oneOf, optionalText, recordId } from "../../fields";

// Source links: which source backs which fact.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const FactSourceCreate = z
  .strictObject({
    recordType: oneOf(LINKABLE_TYPES),
    recordId: AnyRecordId,
    field: optionalText(60).meta({ description: "The field (camelCase) the source backs; null for the record as a whole." }),
    sourceId: recordId(),
    quote: optionalText(4000, { multiline: true }).meta({ description: "The words in the source that support the fact." }),
    verifiedAgainstDocket: flag().optional(),
    inferred: flag().optional(),
    inferredReason: optionalText(2000, { multiline: true }).meta({
      description: "Why the fact is inferred; required when inferred is true.",
    }),
  })
  .meta({ id: "FactSourceCreate", description: "Links a record, or one field of it, to a source." });
export const FactSourceUpdate = FactSourceCreate.partial().meta({ id: "FactSourceUpdate" });
