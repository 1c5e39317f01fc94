import { z } from "zod";
import { DEADLINE_ORIGINS, DEADLINE_STATUSES } from "../../../../db/schema";
import { oneOf, optionalDate, optionalRecordId, optionalText, requiredText } from "../../fields";

// Deadlines of a case: computed from a rule, set by an order, or stated by a party.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const DeadlineCreate = z
  .strictObject({
    motionId: optionalRecordId(),
    orderId: optionalRecordId().meta({ description: "The order that set the date, in the same case." }),
    label: requiredText(300),
    dateDue: optionalDate().meta({
      description:
        "Required unless `ruleCode` and `triggerDate` are given: then the date is computed as the calculator computes it, with its steps.",
    }),
    ruleCode: optionalText(60),
    ruleCitation: optionalText(300),
    origin: oneOf(DEADLINE_ORIGINS)
      .optional()
      .meta({ description: "Defaults to court_ordered: a date typed in is one an order or a party stated." }),
    triggerDate: optionalDate(),
    status: oneOf(DEADLINE_STATUSES).optional(),
    supersededById: optionalRecordId().meta({ description: "The deadline that replaces this one, in the same case." }),
    notes: optionalText(4000, { multiline: true }),
  })
  .meta({ id: "DeadlineCreate", description: "A due date in the case in the path." });
export const DeadlineUpdate = DeadlineCreate.partial().meta({ id: "DeadlineUpdate" });
