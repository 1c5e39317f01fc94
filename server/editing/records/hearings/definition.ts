import { defineRecord, fuzzyDateErrors } from "../../definition";
import { HearingCreate, HearingUpdate } from "./schema";

// Hearings of a case.
// What the write service checks, derives and updates for this record type.

export const hearing = defineRecord({
  type: "hearing",
  plural: "hearings",
  label: "hearing",
  tag: "schedule",
  parent: "case",
  create: HearingCreate,
  update: HearingUpdate,
  refs: { motionId: { type: "motion", sameCase: true }, judgeId: { type: "judge" } },
  check: (_ctx, row) => fuzzyDateErrors(row, "date"),
});
