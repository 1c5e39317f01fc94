import { z } from "zod";
import { optionalRecordId, optionalSlug, optionalText, requiredText } from "../../fields";

// Attorneys, whom counsel of record are drawn from.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const AttorneyCreate = z
  .strictObject({
    slug: optionalSlug(),
    name: requiredText(300),
    organizationId: optionalRecordId(),
    position: optionalText(300),
    contact: optionalText(4000, { multiline: true }).meta({ description: "Address lines as on a PACER docket; staff-only, never public." }),
  })
  .meta({ id: "AttorneyCreate", description: "A lawyer, whether or not confirmed as counsel of record." });
export const AttorneyUpdate = AttorneyCreate.partial().meta({ id: "AttorneyUpdate" });
