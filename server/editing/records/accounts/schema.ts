import { z } from "zod";
import { optionalRecordId, optionalSlug, optionalText } from "../../fields";

// Accounts a subpoena targets, by public handle only.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const AccountCreate = z
  .strictObject({
    slug: optionalSlug(),
    platformId: optionalRecordId(),
    handle: optionalText(200),
    displayName: optionalText(300),
    description: optionalText(4000, { multiline: true }),
  })
  .meta({ id: "AccountCreate", description: "A targeted account, by public handle only. Needs a handle or a display name." });
export const AccountUpdate = AccountCreate.partial().meta({ id: "AccountUpdate" });
