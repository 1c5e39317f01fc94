import { DEADLINE_RULES } from "../../../deadlines";
import { DEEMED_SUBMITTED_CODE, ruleInfo } from "../../../schedule/motion-rules";
import { applyCourtOrderedDeadline } from "../../../schedule/service";
import { defineRecord } from "../../definition";
import { DeadlineCreate, DeadlineUpdate } from "./schema";

// Deadlines of a case: computed from a rule, set by an order, or stated by a party.
// What the write service checks, derives and updates for this record type.

const RULE_CODES = [...DEADLINE_RULES.map((rule) => rule.code), DEEMED_SUBMITTED_CODE].join(", ");

export const deadline = defineRecord({
  type: "deadline",
  plural: "deadlines",
  label: "deadline",
  tag: "schedule",
  parent: "case",
  create: DeadlineCreate,
  update: DeadlineUpdate,
  refs: {
    motionId: { type: "motion", sameCase: true },
    orderId: { type: "order", sameCase: true },
    supersededById: { type: "deadline", sameCase: true },
  },
  prepare: (_ctx, values, current) => (current === null && !values.origin ? { origin: "court_ordered" } : {}),
  check: (_ctx, row, current) => [
    ...(current && row.supersededById === current.id ? [{ path: "supersededById", message: "must be another deadline" }] : []),
    // A rule code names the catalogue rule the date stands for; one the catalogue lacks would be
    // shown as a rule nobody can look up, and would never match the computed date it replaces.
    ...(typeof row.ruleCode === "string" && row.ruleCode !== current?.ruleCode && !ruleInfo(row.ruleCode)
      ? [{ path: "ruleCode", message: `names no rule in the catalogue ("${row.ruleCode}"); use one of ${RULE_CODES}, or leave it empty` }]
      : []),
  ],
  // An open court-ordered date wins: the computed date it replaces is kept, superseded (server/schedule).
  afterWrite(ctx, event) {
    if (event.action === "delete") return;
    applyCourtOrderedDeadline({ db: ctx.db, store: ctx.store }, event.row as unknown as Parameters<typeof applyCourtOrderedDeadline>[1], { actor: ctx.actor });
  },
});
