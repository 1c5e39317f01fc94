import { computeRule, DEADLINE_RULES, DeadlineInputError } from "../../../deadlines";
import { fromRuleDeadline, serializeComputation } from "../../../schedule/computation";
import { DEEMED_SUBMITTED_CODE, ruleInfo } from "../../../schedule/motion-rules";
import { applyCourtOrderedDeadline } from "../../../schedule/service";
import { defineRecord } from "../../definition";
import { DeadlineCreate, DeadlineUpdate } from "./schema";

// Deadlines of a case: computed from a rule, set by an order, or stated by a party.
// What the write service checks, derives and updates for this record type.

const RULE_CODES = [...DEADLINE_RULES.map((rule) => rule.code), DEEMED_SUBMITTED_CODE].join(", ");

/** The calculator's answer for a rule and a trigger date, as a deadline's columns; or why there is none. */
function computeFromRule(
  ruleCode: string,
  triggerDate: string,
): { dateDue: string; computation: string; ruleCitation: string } | { why: string } {
  try {
    const result = computeRule(ruleCode, triggerDate);
    return { dateDue: result.due, computation: serializeComputation(fromRuleDeadline(result)), ruleCitation: result.rule.citation };
  } catch (error) {
    if (error instanceof DeadlineInputError) return { why: error.message };
    throw error;
  }
}

function dueDateMissing(row: Record<string, unknown>) {
  if (row.ruleCode && row.triggerDate) {
    const computed = computeFromRule(String(row.ruleCode), String(row.triggerDate));
    if ("why" in computed) return { path: "dateDue", message: `is needed: it cannot be computed from the rule (${computed.why})` };
  }
  return { path: "dateDue", message: "is needed, or give the rule code and the date it counts from to have it computed" };
}

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
  // A rule and the date it counts from, without a due date: computed as the calculator does
  // (the steps are kept in `computation`), so staff need not work the date out by hand.
  prepare: (_ctx, values, current) => {
    const merged = { ...current, ...values };
    const computed =
      !merged.dateDue && merged.ruleCode && merged.triggerDate
        ? computeFromRule(String(merged.ruleCode), String(merged.triggerDate))
        : null;
    if (computed && "dateDue" in computed) {
      return { ...computed, origin: values.origin ?? ("computed" as const), ruleCitation: merged.ruleCitation ?? computed.ruleCitation };
    }
    return current === null && !values.origin ? { origin: "court_ordered" as const } : {};
  },
  check: (_ctx, row, current) => [
    ...(current && row.supersededById === current.id ? [{ path: "supersededById", message: "must be another deadline" }] : []),
    // A rule code names the catalogue rule the date stands for; one the catalogue lacks would be
    // shown as a rule nobody can look up, and would never match the computed date it replaces.
    ...(typeof row.ruleCode === "string" && row.ruleCode !== current?.ruleCode && !ruleInfo(row.ruleCode)
      ? [{ path: "ruleCode", message: `names no rule in the catalogue ("${row.ruleCode}"); use one of ${RULE_CODES}, or leave it empty` }]
      : []),
    ...(!row.dateDue ? [dueDateMissing(row)] : []),
  ],
  // An open court-ordered date wins: the computed date it replaces is kept, superseded (server/schedule).
  afterWrite(ctx, event) {
    if (event.action === "delete") return;
    applyCourtOrderedDeadline({ db: ctx.db, store: ctx.store }, event.row, { actor: ctx.actor });
  },
});
