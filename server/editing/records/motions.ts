import { z } from "zod";
import { MOTION_KINDS, MOTION_STATUSES, REACHED } from "../../../db/schema";
import { defineRecord, fuzzyDateErrors, idSetLink, type Row } from "../definition";
import { fuzzyDate, idSet, oneOf, optionalRecordId, optionalText, requiredText } from "../fields";
import { createMotionDeadlines } from "../../schedule/service";

// Motions, who brought them, and the arguments they make.

export const MOTION_TRACKS = ["noticed", "administrative", "other"] as const;

/** The motion's fields its computed deadlines depend on. */
const DEADLINE_INPUTS = ["dateFiled", "dateFiledPrecision", "track", "status"] as const;
type ScheduledMotion = Parameters<typeof createMotionDeadlines>[1];

export const MotionCreate = z
  .strictObject({
    entryId: optionalRecordId().meta({ description: "The docket entry that filed it, in the same case." }),
    kind: oneOf(MOTION_KINDS),
    title: requiredText(300),
    reliefSought: optionalText(4000),
    ...fuzzyDate("dateFiled"),
    track: oneOf(MOTION_TRACKS).optional().meta({ description: "noticed (L.R. 7-2) or administrative (L.R. 7-11): decides which deadlines apply." }),
    status: oneOf(MOTION_STATUSES).optional().meta({ description: "Set for you when an order records a disposition of this motion." }),
    statusNote: optionalText(2000),
    movantPartyIds: idSet().optional().meta({ description: "Parties of the same case who brought it (replaces the whole set)." }),
  })
  .meta({ id: "MotionCreate", description: "A motion in the case in the path." });
export const MotionUpdate = MotionCreate.partial().meta({ id: "MotionUpdate" });

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
      createMotionDeadlines({ db: ctx.db, store: ctx.store }, event.row as unknown as ScheduledMotion, { actor: ctx.actor });
    }
  },
});

export const ArgumentCreate = z
  .strictObject({
    motionId: optionalRecordId(),
    entryId: optionalRecordId().meta({ description: "The filing that makes the argument." }),
    partyId: optionalRecordId(),
    doctrineTag: requiredText(100)
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "may contain only lowercase letters, digits and single hyphens")
      .meta({ description: "Doctrine tag (\"anonymous-speech\")." }),
    text: requiredText(10_000),
    reached: oneOf(REACHED).optional().meta({ description: "Whether the court reached the argument." }),
    treatment: optionalText(4000),
    authorityIds: idSet().optional().meta({ description: "Authorities the argument cites (replaces the whole set)." }),
  })
  .meta({ id: "ArgumentCreate", description: "An argument raised in a filing. Needs motionId or entryId." });
export const ArgumentUpdate = ArgumentCreate.partial().meta({ id: "ArgumentUpdate" });

export const argument = defineRecord({
  type: "argument",
  plural: "arguments",
  label: "argument",
  tag: "motions",
  create: ArgumentCreate,
  update: ArgumentUpdate,
  refs: { motionId: { type: "motion" }, entryId: { type: "entry" }, partyId: { type: "party" } },
  links: idSetLink("authorityIds", "argumentAuthorities", { type: "authority", label: "authority" }),
  check(ctx, row) {
    if (!row.motionId && !row.entryId) return [{ path: "motionId", message: "is required when there is no entryId" }];
    // The motion, the filing and the party must all be of one case.
    const caseOf = (type: "motion" | "entry" | "party", id: unknown) => (id ? (ctx.repo.byId(type, id as number) as Row | undefined)?.caseId : undefined);
    const cases = new Set([caseOf("motion", row.motionId), caseOf("entry", row.entryId), caseOf("party", row.partyId)].filter((c) => c !== undefined));
    return cases.size > 1 ? [{ path: "entryId", message: "must be in the same case as the motion and the party" }] : [];
  },
});
