import { z } from "zod";
import { CASE_GROUPS } from "../../../../db/schema";
import { flag, fuzzyDate, idSet, integer, oneOf, optionalDate, optionalRecordId, optionalSlug, optionalText } from "../../fields";

// Cases (the dockets).
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const CaseCreate = z
  .strictObject({
    slug: optionalSlug(),
    courtId: optionalText(40).meta({ description: "The court's id (`cand`, `dcd`)." }),
    docketNumber: optionalText(100).meta({ description: "As the court prints it (`5:26-mc-80026-TSH`); its parts are derived." }),
    pacerCaseId: optionalText(40),
    caption: optionalText(1000),
    label: optionalText(300).meta({
      description: "What to call the case while the caption is unknown; defaults to the caption or docket number.",
    }),
    group: oneOf(CASE_GROUPS).optional(),
    position: integer(0, 10_000).nullable().optional(),
    ...fuzzyDate("dateFiled"),
    dateTerminated: optionalDate(),
    assignedJudgeId: optionalRecordId(),
    referredJudgeId: optionalRecordId(),
    nature: optionalText(300),
    cause: optionalText(300),
    jurisdiction: optionalText(300),
    summary: optionalText(20_000, { multiline: true }),
    statusNote: optionalText(2000, { multiline: true }),
    watched: flag().optional().meta({ description: "Poll the court's RSS feed for this case (needs a court and a docket number)." }),
    subpoenaIds: idSet().optional().meta({ description: "The subpoenas the case challenges (replaces the whole set)." }),
    published: flag().optional().meta({
      description:
        "Publish the case at once (false unless sent): an unpublished case and everything of it is seen by staff only. A published case needs a group other than `unsorted`. Later, POST …/publish and …/unpublish, with a reason.",
    }),
  })
  .meta({
    id: "CaseCreate",
    description:
      "A new court proceeding. Needs a caption, a docket number or a label. Lands in the group `unsorted`, unpublished, unless told otherwise.",
  });
// Publishing is an action with its own reason (POST …/publish), never a field edit.
export const CaseUpdate = CaseCreate.omit({ published: true }).partial().meta({ id: "CaseUpdate" });

/** Why a published case cannot be Unsorted: the public sees every case in its group. */
export const UNSORTED_PUBLISHED = "must be a group the public sees (not Unsorted) for a published case";
