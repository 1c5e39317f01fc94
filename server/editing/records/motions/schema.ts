import { z } from "zod";
import { MOTION_KINDS, MOTION_STATUSES } from "../../../../db/schema";
import { fuzzyDate, idSet, oneOf, optionalRecordId, optionalText, requiredText } from "../../fields";

// Motions: who brought them, what they ask.
// The edit schemas: what a form or an API call may send (server/editing/README.md).

export const MOTION_TRACKS = ["noticed", "administrative", "other"] as const;

export const MotionCreate = z
  .strictObject({
    entryId: optionalRecordId().meta({ description: "The docket entry that filed it, in the same case." }),
    kind: oneOf(MOTION_KINDS),
    title: requiredText(300),
    reliefSought: optionalText(4000, { multiline: true }),
    ...fuzzyDate("dateFiled"),
    track: oneOf(MOTION_TRACKS)
      .optional()
      .meta({ description: "noticed (L.R. 7-2) or administrative (L.R. 7-11): decides which deadlines apply." }),
    status: oneOf(MOTION_STATUSES).optional().meta({ description: "Set for you when an order records a disposition of this motion." }),
    statusNote: optionalText(2000, { multiline: true }),
    movantPartyIds: idSet().optional().meta({ description: "Parties of the same case who brought it (replaces the whole set)." }),
  })
  .meta({ id: "MotionCreate", description: "A motion in the case in the path." });
export const MotionUpdate = MotionCreate.partial().meta({ id: "MotionUpdate" });
