import { z } from "zod";
import { flag, idSet, integer, optionalDate, optionalRecordId, optionalText, requiredText } from "../../fields";

// Parties of a case, as the docket names them.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const PartyCreate = z
  .strictObject({
    name: requiredText(300).meta({ description: 'Exactly as on the docket ("J. Doe"). Never a pseudonymous party\'s true name.' }),
    role: requiredText(100).meta({ description: "As on the docket: Movant, Respondent, Plaintiff, Defendant, Interested Party…" }),
    pseudonymous: flag().optional(),
    description: optionalText(1000, { multiline: true }),
    organizationId: optionalRecordId(),
    extraInfo: optionalText(4000, { multiline: true }).meta({ description: "What PACER prints under the name; staff-only." }),
    dateTerminated: optionalDate(),
    position: integer(0, 10_000).optional(),
    accountIds: idSet().optional().meta({ description: "The public accounts the party operates (replaces the whole set)." }),
  })
  .meta({ id: "PartyCreate", description: "A party to the case in the path." });
export const PartyUpdate = PartyCreate.partial().meta({ id: "PartyUpdate" });
