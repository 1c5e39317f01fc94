import { z } from "zod";
import { COVERAGE_STATUSES, MOTION_STATUSES, ORDER_KINDS } from "../../../../db/schema";
import { fuzzyDate, oneOf, optionalDate, optionalRecordId, optionalSlug, optionalText, recordId, requiredText } from "../../fields";

// Court orders: what they decide (the motions' dispositions) and what they protect (stay coverage).
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const coverageFields = {
  subpoenaId: recordId(),
  accountId: optionalRecordId().meta({ description: "Null when the order covers every account of the movant." }),
  addresseeId: optionalRecordId().meta({ description: "Who is told not to produce (the platform)." }),
  endCondition: optionalText(500).meta({ description: '"until further order of the Court"' }),
  status: oneOf(COVERAGE_STATUSES).optional(),
  statusReason: optionalText(1000),
  dateEnded: optionalDate(),
};

export const CoverageItem = z
  .strictObject(coverageFields)
  .meta({ id: "CoverageItem", description: "What a stay or non-production order protects: one subpoena, one account or all." });

export const OrderCreate = z
  .strictObject({
    slug: optionalSlug(),
    entryId: optionalRecordId().meta({ description: "The docket entry of the order, in the same case." }),
    judgeId: optionalRecordId(),
    title: requiredText(300),
    kind: oneOf(ORDER_KINDS),
    ...fuzzyDate("dateSigned"),
    summary: optionalText(20_000, { multiline: true }),
    quotedText: optionalText(20_000, { multiline: true }),
    dispositions: z
      .array(z.strictObject({ motionId: recordId(), disposition: oneOf(MOTION_STATUSES) }), { error: "must be a list" })
      .max(100, "must have at most 100 items")
      .optional()
      .meta({ description: "How the order disposes of motions of the same case (replaces the whole list); each motion's status follows." }),
    coverage: z.array(CoverageItem, { error: "must be a list" }).max(500, "must have at most 500 items").optional().meta({
      description:
        "What the order protects, one row per subpoena and account (replaces the whole list; rows matched by subpoena and account).",
    }),
  })
  .meta({ id: "OrderCreate", description: "A court order in the case in the path." });
export const OrderUpdate = OrderCreate.partial().meta({ id: "OrderUpdate" });
