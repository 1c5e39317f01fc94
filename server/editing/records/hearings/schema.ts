import { z } from "zod";
import { HEARING_STATUSES } from "../../../../db/schema";
import { fuzzyDate, oneOf, optionalRecordId, optionalText, optionalTime, requiredText } from "../../fields";

// Hearings of a case.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const HearingCreate = z
  .strictObject({
    motionId: optionalRecordId().meta({ description: "The motion heard, in the same case." }),
    judgeId: optionalRecordId(),
    title: requiredText(300),
    ...fuzzyDate("date"),
    time: optionalTime().meta({ description: "Local time at the court, HH:MM." }),
    place: optionalText(300),
    status: oneOf(HEARING_STATUSES).optional(),
    notes: optionalText(4000, { multiline: true }),
  })
  .meta({ id: "HearingCreate", description: "A hearing in the case in the path." });
export const HearingUpdate = HearingCreate.partial().meta({ id: "HearingUpdate" });
