import { createMotionDeadlines } from "../../../schedule/service";
import { defineRecord, fuzzyDateErrors, idSetLink } from "../../definition";
import { MotionCreate, MotionUpdate } from "./schema";

// Motions: who brought them, what they ask.
// What the write service checks, derives and updates for this record type.

/** The motion's fields its computed deadlines depend on. */
const DEADLINE_INPUTS = ["dateFiled", "dateFiledPrecision", "track", "status"] as const;

export const motion = defineRecord({
  type: "motion",
  plural: "motions",
  label: "motion",
  tag: "motions",
  parent: "case",
  create: MotionCreate,
  update: MotionUpdate,
  refs: { entryId: { type: "entry", sameCase: true } },
  links: idSetLink("movantPartyIds", "movants", { type: "party", label: "party", sameCase: true }),
  check: (_ctx, row) => fuzzyDateErrors(row, "dateFiled"),
  // Logging a motion sets its rule deadlines running (server/schedule): on create, and again
  // when what they depend on changes (filing date, track, status) or the motion is deleted or
  // restored. It runs in the write's transaction: the motion and its deadlines are saved
  // together or not at all.
  afterWrite(ctx, event) {
    const changedDeps = DEADLINE_INPUTS.some((field) => event.before?.[field] !== event.row[field]);
    if (event.action !== "update" || changedDeps) {
      createMotionDeadlines({ db: ctx.db, store: ctx.store }, event.row, { actor: ctx.actor });
    }
  },
});
