import { z } from "zod";
import { DATE_PRECISIONS, RELIABILITY_LEVELS } from "../../../db/schema";
import { ConflictError, type FieldError } from "../../errors";
import { TYPE_LABELS, defineRecord, recordErrors } from "../definition";
import { flag, oneOf, optionalDate, optionalOneOf, optionalText, optionalUrl, recordId, requiredText } from "../fields";
import { AnyRecordId, LINKABLE_TYPES } from "./events";

export const SourceCreate = z
  .strictObject({
    tag: optionalText(40).meta({ description: "The source's tag in the register (\"S01\"); made up when left out." }),
    url: optionalUrl(),
    publisher: optionalText(300),
    title: requiredText(500),
    description: optionalText(4000),
    datePublished: optionalDate(),
    datePublishedPrecision: optionalOneOf(DATE_PRECISIONS),
    reliability: oneOf(RELIABILITY_LEVELS),
    reliabilityNote: optionalText(2000),
  })
  .meta({ id: "SourceCreate", description: "Where facts come from: a page, a filing, a report." });
export const SourceUpdate = SourceCreate.partial().meta({ id: "SourceUpdate" });

export const source = defineRecord({
  type: "source",
  plural: "sources",
  label: "source",
  tag: "sources",
  create: SourceCreate,
  update: SourceUpdate,
  unique: ["tag"],
  prepare(ctx, values, current) {
    if (current !== null || values.tag) return {};
    let n = 1;
    while (ctx.repo.valueTaken("source", "tag", `STAFF-${n}`, null)) n++;
    return { tag: `STAFF-${n}` };
  },
  beforeRemove(ctx, row) {
    const citations = ctx.repo.liveCitationsOfSource(row.id as number);
    if (citations > 0) {
      throw new ConflictError(`This source still backs ${citations} fact(s); remove or move those citations before deleting it.`);
    }
  },
});

export const FactSourceCreate = z
  .strictObject({
    recordType: oneOf(LINKABLE_TYPES),
    recordId: AnyRecordId,
    field: optionalText(60).meta({ description: "The field (camelCase) the source backs; null for the record as a whole." }),
    sourceId: recordId(),
    quote: optionalText(4000).meta({ description: "The words in the source that support the fact." }),
    verifiedAgainstDocket: flag().optional(),
    inferred: flag().optional(),
    inferredReason: optionalText(2000).meta({ description: "Why the fact is inferred; required when inferred is true." }),
  })
  .meta({ id: "FactSourceCreate", description: "Links a record, or one field of it, to a source." });
export const FactSourceUpdate = FactSourceCreate.partial().meta({ id: "FactSourceUpdate" });

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
