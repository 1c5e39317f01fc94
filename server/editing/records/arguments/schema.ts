import { z } from "zod";
import { REACHED } from "../../../../db/schema";
import { idSet, oneOf, optionalRecordId, optionalText, requiredText } from "../../fields";

// Arguments a filing or a motion makes, with the authorities they cite.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const ArgumentCreate = z
  .strictObject({
    motionId: optionalRecordId(),
    entryId: optionalRecordId().meta({ description: "The filing that makes the argument." }),
    partyId: optionalRecordId(),
    doctrineTag: requiredText(100)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "may contain only lowercase letters, digits and single hyphens")
      .meta({ description: 'Doctrine tag ("anonymous-speech").' }),
    text: requiredText(10_000, { multiline: true }),
    reached: oneOf(REACHED).optional().meta({ description: "Whether the court reached the argument." }),
    treatment: optionalText(4000, { multiline: true }),
    authorityIds: idSet().optional().meta({ description: "Authorities the argument cites (replaces the whole set)." }),
  })
  .meta({ id: "ArgumentCreate", description: "An argument raised in a filing. Needs motionId or entryId." });
export const ArgumentUpdate = ArgumentCreate.partial().meta({ id: "ArgumentUpdate" });
