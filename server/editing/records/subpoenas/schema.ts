import { z } from "zod";
import { SUBPOENA_KINDS } from "../../../../db/schema";
import {
  fuzzyDate,
  idSet,
  oneOf,
  optionalDate,
  optionalInteger,
  optionalRecordId,
  optionalSlug,
  optionalText,
  requiredText,
} from "../../fields";

// Subpoenas and summonses.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const SubpoenaCreate = z
  .strictObject({
    slug: optionalSlug(),
    title: requiredText(300),
    kind: oneOf(SUBPOENA_KINDS),
    issuerId: optionalRecordId(),
    issuingComponent: optionalText(300),
    recipientId: optionalRecordId(),
    authorityCited: optionalText(300),
    ...fuzzyDate("dateIssued"),
    dateReturn: optionalDate(),
    statedPurpose: optionalText(4000, { multiline: true }),
    howKnown: optionalText(4000, { multiline: true }),
    accountsCovered: optionalInteger(0, 1_000_000),
    summary: optionalText(20_000, { multiline: true }),
    // Link sets: replaced as a whole when sent.
    accountIds: idSet().optional().meta({ description: "The accounts the subpoena names (replaces the whole set)." }),
    demands: z
      .array(z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(1000, "must be at most 1000 characters"), {
        error: "must be a list of texts",
      })
      .max(100, "must have at most 100 items")
      .optional()
      .meta({ description: "Each item of data the subpoena demands, in order (replaces the whole list)." }),
  })
  .meta({ id: "SubpoenaCreate", description: "A new subpoena or summons. `slug` is made from the title when left out." });
export const SubpoenaUpdate = SubpoenaCreate.partial().meta({ id: "SubpoenaUpdate" });
