import type { FieldError } from "../../../errors";
import { defineRecord, recordErrors, TYPE_LABELS } from "../../definition";
import { LINKABLE_TYPES } from "../../fields";
import { FactSourceCreate, FactSourceUpdate } from "./schema";

// Source links: which source backs which fact.
// What the write service checks, derives and updates for this record type.

export const factSource = defineRecord({
  type: "fact_source",
  plural: "fact-sources",
  label: "fact source",
  tag: "sources",
  create: FactSourceCreate,
  update: FactSourceUpdate,
  refs: { sourceId: { type: "source" } },
  check(ctx, row) {
    const type = row.recordType as (typeof LINKABLE_TYPES)[number];
    const errors: FieldError[] = recordErrors(ctx, "recordId", row.recordId, type, TYPE_LABELS[type]);
    if (row.field && !ctx.repo.hasColumn(type, String(row.field))) {
      errors.push({ path: "field", message: `is not a field of a ${TYPE_LABELS[type]}` });
    }
    if (row.inferred && !row.inferredReason) errors.push({ path: "inferredReason", message: "is required when inferred is true" });
    return errors;
  },
});
