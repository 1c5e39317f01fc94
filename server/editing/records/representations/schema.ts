import { z } from "zod";
import { COUNSEL_STANDINGS } from "../../../../db/schema";
import { oneOf, optionalRecordId, optionalText, recordId } from "../../fields";

// Counsel of record: who represents a party (staff edit it at …/counsel).
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const RepresentationCreate = z
  .strictObject({
    partyId: recordId(),
    attorneyId: optionalRecordId(),
    organizationId: optionalRecordId().meta({ description: "The firm, when no attorney is named." }),
    roles: optionalText(300).meta({ description: "PACER's lines: LEAD ATTORNEY, ATTORNEY TO BE NOTICED, PRO HAC VICE…" }),
    standing: oneOf(COUNSEL_STANDINGS).optional(),
  })
  .meta({ id: "RepresentationCreate", description: "Counsel for a party: an attorney, or a firm. Needs attorneyId or organizationId." });
export const RepresentationUpdate = RepresentationCreate.partial().meta({ id: "RepresentationUpdate" });
