import { z } from "zod";
import type { Db } from "../../db/client";
import { isoDate } from "../deadlines/schemas";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import type { Actor, RecordStore } from "../records/store";
import type { RecordRow } from "../records/tables";
import { serializeComputation } from "./computation";
import { motionDeadlineEligibility, ruleInfo, type Eligibility } from "./motion-rules";
import { chainedFrom, planMotionDeadlines, replanFromOrderedDate, type PlannedDeadline } from "./plan";
import { createScheduleRepository } from "./repository";

/**
 * Deadlines as records: the rule defaults a motion sets running, the dates a court orders
 * instead (the order wins; the computed date stays, superseded, so the page can show both), and
 * their status. Every write goes through the record store, so each change has a revision and
 * drops the cached pages of its case. Synchronous; called inside the caller's transaction it
 * becomes part of it (better-sqlite3 nests transactions as savepoints).
 */

/** The database to read from and the store to write through; the same connection. */
export type ScheduleContext = { db: Db; store: RecordStore };

type Deadline = RecordRow<"deadline">;
type Motion = Pick<RecordRow<"motion">, "id" | "caseId" | "dateFiled" | "dateFiledPrecision" | "track" | "status" | "deletedAt">;

/** Revision reason of a computed deadline the service took back; such a deadline may come back. */
const WITHDRAWN = "computed deadline withdrawn: ";

const sameLabel = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export type MotionDeadlinesOutcome = {
  eligibility: Eligibility;
  created: Deadline[];
  updated: Deadline[];
  withdrawn: Deadline[];
};

/**
 * Creates (or brings up to date) a motion's computed deadlines. Idempotent: one computed
 * deadline per motion and rule code. When the filing date changes, the open computed ones are
 * recomputed (the old date stays in the revision); met, vacated and superseded ones are left
 * as they are. When the motion no longer qualifies (rough filing date, other track or court,
 * deleted), its open computed deadlines are withdrawn, and they come back if it qualifies again.
 * A motion that is no longer pending gets nothing new and keeps what it has.
 */
export function createMotionDeadlines(ctx: ScheduleContext, motion: Motion, options: { actor: Actor }): MotionDeadlinesOutcome {
  const repo = createScheduleRepository(ctx.db);
  const write = { actor: options.actor };
  return ctx.db.transaction(() => {
    const eligibility = motionDeadlineEligibility(motion, repo.caseCourt(motion.caseId) ?? null);
    const outcome: MotionDeadlinesOutcome = { eligibility, created: [], updated: [], withdrawn: [] };
    const computed = repo.deadlinesOfMotion(motion.id).filter((d) => d.origin === "computed");
    const withdraw = (d: Deadline, why: string) => {
      if (d.deletedAt || d.status !== "open") return;
      outcome.withdrawn.push(ctx.store.remove("deadline", d.id, { ...write, reason: `${WITHDRAWN}${why}` }));
    };

    if (!eligibility.eligible) {
      if (eligibility.code !== "not-pending") for (const d of computed) withdraw(d, eligibility.reason);
      return outcome;
    }

    const caseDeadlines = repo.liveDeadlinesOfCase(motion.caseId);
    const byRule = planMotionDeadlines(eligibility.kind, eligibility.dateFiled);
    // A deadline that counts from another (the reply from the opposition) counts from the
    // court's date for it when an order set one.
    const planned = byRule.map((plan) => {
      const source = byRule.find((p) => p.ruleCode === chainedFrom(plan.ruleCode));
      const ordered = source && courtOrderOver(caseDeadlines, motion.id, source);
      return ordered ? replanFromOrderedDate(plan, ordered.dateDue, ordered.label) : plan;
    });
    for (const d of computed) {
      if (!planned.some((p) => p.ruleCode === d.ruleCode)) withdraw(d, "the rule no longer applies to this motion");
    }

    for (const plan of planned) {
      const winner = courtOrderOver(caseDeadlines, motion.id, plan);
      const values = {
        dateDue: plan.dateDue,
        triggerDate: plan.triggerDate,
        ruleCitation: plan.ruleCitation,
        computation: serializeComputation(plan.computation),
      };
      const row = computed.find((d) => d.ruleCode === plan.ruleCode);
      if (!row) {
        outcome.created.push(
          ctx.store.insert(
            "deadline",
            {
              caseId: motion.caseId,
              motionId: motion.id,
              label: plan.label,
              ruleCode: plan.ruleCode,
              origin: "computed",
              ...values,
              status: winner ? "superseded" : "open",
              supersededById: winner?.id ?? null,
            },
            { ...write, reason: `computed from ${plan.ruleCitation}` },
          ),
        );
        continue;
      }
      if (row.deletedAt) {
        // Deleted by staff: their call stands. Withdrawn by this service: it comes back.
        const last = ctx.store.revisionsOf("deadline", row.id).at(-1);
        if (!last?.reason?.startsWith(WITHDRAWN)) continue;
        ctx.store.restore("deadline", row.id, { ...write, reason: "the motion qualifies for computed deadlines again" });
      } else if (row.status !== "open") {
        continue;
      }
      const changes = { ...values, status: winner ? ("superseded" as const) : ("open" as const), supersededById: winner?.id ?? null };
      const result = ctx.store.update("deadline", row.id, changes, { ...write, reason: `recomputed from ${plan.ruleCitation}` });
      if (result.changed || row.deletedAt) outcome.updated.push(result.row);
    }
    return outcome;
  });
}

/** A live court-ordered deadline that already sets this date for the motion, if any. */
function courtOrderOver(caseDeadlines: Deadline[], motionId: number, plan: PlannedDeadline): Deadline | undefined {
  return caseDeadlines.find(
    (d) =>
      d.origin === "court_ordered" &&
      (d.status === "open" || d.status === "met") &&
      d.motionId === motionId &&
      (d.ruleCode === plan.ruleCode || sameLabel(d.label, plan.label)),
  );
}

const ruleCode = z
  .string()
  .trim()
  .refine((code) => ruleInfo(code) !== undefined, { error: (issue) => `unknown rule "${String(issue.input)}"` });

export const CourtOrderedDeadlineInput = z.object({
  caseId: z.number().int().positive(),
  motionId: z.number().int().positive().nullish(),
  orderId: z.number({ error: "orderId is required: a court-ordered deadline names its order" }).int().positive(),
  label: z
    .string({ error: "label is required" })
    .trim()
    .min(1, { error: "label is required" })
    .max(200, { error: "label must be at most 200 characters" }),
  dateDue: isoDate("dateDue"),
  ruleCode: z.preprocess((value) => (value === "" ? null : value), ruleCode.nullish()),
  notes: z.string().trim().max(2000).nullish(),
});

export type CourtOrderedDeadlineInput = z.input<typeof CourtOrderedDeadlineInput>;

function invalid(path: string, message: string): ValidationError {
  return new ValidationError([{ path, message }], message);
}

/**
 * Records a date an order sets. The order wins: the open deadline it replaces (the computed one
 * for the same motion and rule, or one with the same label, or an earlier order's) is marked
 * superseded and points at the new one, and the motion's computed deadlines that count from it
 * (the reply) are counted again from the order's date. Entering the same order's deadline
 * again updates it.
 */
export function setCourtOrderedDeadline(
  ctx: ScheduleContext,
  input: CourtOrderedDeadlineInput,
  options: { actor: Actor },
): { deadline: Deadline; superseded: Deadline[] } {
  const parsed = CourtOrderedDeadlineInput.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "input", message: i.message }));
    throw new ValidationError(errors, errors[0]!.message);
  }
  const data = parsed.data;
  const motionId = data.motionId ?? null;
  const code = data.ruleCode || null;
  const write = { actor: options.actor };

  return ctx.db.transaction(() => {
    const order = ctx.store.find("order", data.orderId);
    if (!order || order.deletedAt || order.caseId !== data.caseId)
      throw invalid("orderId", `order ${data.orderId} is not an order of this case`);
    if (motionId !== null) {
      const motion = ctx.store.find("motion", motionId);
      if (!motion || motion.deletedAt || motion.caseId !== data.caseId)
        throw invalid("motionId", `motion ${motionId} is not a motion of this case`);
    }

    const live = createScheduleRepository(ctx.db).liveDeadlinesOfCase(data.caseId);
    const matches = (d: Deadline) =>
      (motionId !== null && code !== null && d.motionId === motionId && d.ruleCode === code) ||
      (sameLabel(d.label, data.label) && (motionId === null || d.motionId === motionId));
    const values = {
      label: data.label,
      dateDue: data.dateDue,
      ruleCode: code,
      ruleCitation: ruleInfo(code)?.citation ?? null,
      notes: data.notes ?? null,
    };
    const again = live.find((d) => d.origin === "court_ordered" && d.orderId === data.orderId && matches(d));
    const deadline = again
      ? ctx.store.update("deadline", again.id, values, { ...write, reason: "the order's date entered again" }).row
      : ctx.store.insert(
          "deadline",
          { caseId: data.caseId, motionId, orderId: data.orderId, origin: "court_ordered", status: "open", ...values },
          { ...write, reason: `set by order ${order.title}` },
        );
    return { deadline, superseded: applyCourtOrderedDeadline(ctx, deadline, options) };
  });
}

/**
 * Lets a court-ordered deadline win, however it was recorded (this service, a form, the write
 * API): the open deadlines it replaces — the computed one for the same motion and rule, one with
 * the same label, an earlier order's — become superseded and point at it, and the motion's
 * computed deadlines that count from it (the reply) are counted again from its date. Returns
 * the deadlines it superseded; does nothing for other deadlines.
 */
export function applyCourtOrderedDeadline(ctx: ScheduleContext, deadline: Deadline, options: { actor: Actor }): Deadline[] {
  const caseId = deadline.caseId;
  if (deadline.origin !== "court_ordered" || deadline.status !== "open" || deadline.deletedAt || caseId === null) return [];
  return ctx.db.transaction(() => {
    const { motionId, ruleCode: code, label } = deadline;
    const live = createScheduleRepository(ctx.db).liveDeadlinesOfCase(caseId);
    const matches = (d: Deadline) =>
      (motionId !== null && code !== null && d.motionId === motionId && d.ruleCode === code) ||
      (sameLabel(d.label, label) && (motionId === null || d.motionId === motionId));
    const replaced = live.filter((d) => d.id !== deadline.id && d.status === "open" && d.origin !== "stated" && matches(d));
    if (motionId === null && new Set(replaced.map((d) => d.motionId)).size > 1) {
      throw invalid("motionId", `several motions in this case have a deadline called "${label}"; say which motion the order sets it for`);
    }
    const order = deadline.orderId !== null ? ctx.store.find("order", deadline.orderId) : undefined;
    const by = order ? order.title : "a court order";
    const superseded = replaced.map(
      (d) =>
        ctx.store.update(
          "deadline",
          d.id,
          { status: "superseded", supersededById: deadline.id },
          { actor: options.actor, reason: `superseded by ${by}` },
        ).row,
    );
    // Deadlines that count from the one replaced (the reply from the opposition) now count from the order's date.
    const motionIds = new Set([motionId, ...superseded.map((d) => d.motionId)].filter((id): id is number => id !== null));
    for (const id of motionIds) {
      // Only motions whose rule defaults are already on the record: entering an order creates none.
      if (!live.some((d) => d.origin === "computed" && d.motionId === id)) continue;
      const motion = ctx.store.find("motion", id);
      if (motion) createMotionDeadlines(ctx, motion, options);
    }
    return superseded;
  });
}

export type MarkableStatus = "met" | "vacated" | "open";

/**
 * Marks a deadline met or vacated, or opens it again. Reopening a superseded deadline drops the
 * link to the order's deadline (the rule default applies again); a superseded one cannot be
 * marked met or vacated, since the order's deadline is the one that runs.
 */
export function markDeadline(
  ctx: ScheduleContext,
  id: number,
  status: MarkableStatus,
  options: { actor: Actor; expectedVersion: number; reason?: string },
): Deadline {
  const current = ctx.store.find("deadline", id);
  if (!current || current.deletedAt) throw new NotFoundError(`No deadline with id ${id}.`);
  if (current.status === "superseded" && status !== "open") {
    throw new ConflictError(
      `This deadline was superseded by a court-ordered one (deadline ${current.supersededById ?? "unknown"}); mark that one, or reopen this one first.`,
    );
  }
  const changes = status === "open" ? { status, supersededById: null } : { status };
  return ctx.store.update("deadline", id, changes, {
    actor: options.actor,
    expectedVersion: options.expectedVersion,
    reason: options.reason ?? `marked ${status}`,
  }).row;
}
