import { computeRule, deadlinesForMotion, findRule, type RuleDeadline } from "../deadlines";
import { ADMINISTRATIVE_OPPOSITION } from "../deadlines/rules";
import { formatIsoDate, parseIsoDate } from "../deadlines/civil-date";
import { fromRuleDeadline, type StoredComputation } from "./computation";
import { DEEMED_SUBMITTED_CODE, MOTION_DEADLINE_LABELS, ruleInfo, type MotionDeadlineKey } from "./motion-rules";

/** One computed deadline a motion should have, ready to be stored. */
export type PlannedDeadline = {
  key: MotionDeadlineKey;
  ruleCode: string;
  ruleCitation: string;
  label: string;
  dateDue: string;
  triggerDate: string;
  computation: StoredComputation;
};

function fromRule(key: MotionDeadlineKey, result: RuleDeadline): PlannedDeadline {
  return {
    key,
    ruleCode: result.rule.code,
    ruleCitation: result.rule.citation,
    label: MOTION_DEADLINE_LABELS[key],
    dateDue: result.due,
    triggerDate: result.request.trigger,
    computation: fromRuleDeadline(result),
  };
}

/** The rule whose due date starts this one's clock (the reply counts from the opposition's). */
export function chainedFrom(ruleCode: string): string | undefined {
  if (ruleCode === DEEMED_SUBMITTED_CODE) return ADMINISTRATIVE_OPPOSITION.code;
  const rule = findRule(ruleCode);
  return rule?.computable ? rule.chainedFrom : undefined;
}

/**
 * A chained deadline counted again from the date a court ordered for the one it follows: when
 * an order moves the opposition, L.R. 7-3(c)'s reply runs from when the opposition is now due.
 */
export function replanFromOrderedDate(plan: PlannedDeadline, orderedDate: string, orderedLabel: string): PlannedDeadline {
  const replanned =
    plan.ruleCode === DEEMED_SUBMITTED_CODE
      ? deemedSubmittedPlan(orderedDate, "a court order")
      : fromRule(plan.key, computeRule(plan.ruleCode, orderedDate));
  const basis = {
    kind: "basis",
    from: orderedDate,
    to: orderedDate,
    reason: "court-ordered date",
    text: `Counted from ${orderedDate}, the date a court order set for "${orderedLabel}", not the rule's date for it`,
    citation: plan.ruleCitation,
  };
  return { ...replanned, computation: { ...replanned.computation, steps: [basis, ...replanned.computation.steps] } };
}

/**
 * The rule defaults for a motion filed on an exact day: opposition, reply and earliest hearing
 * for a noticed motion; opposition and the day it is deemed submitted for an administrative one.
 * Counted on the safe reading (federal holidays and presidential closures; California holidays
 * only as a warning with the later date).
 */
export function planMotionDeadlines(kind: "noticed" | "administrative", dateFiled: string): PlannedDeadline[] {
  const computed = deadlinesForMotion({ kind, dateFiled });
  const planned = [fromRule("opposition", computed.opposition)];
  if (computed.reply) planned.push(fromRule("reply", computed.reply));
  if (computed.earliestHearing) planned.push(fromRule("earliestHearing", computed.earliestHearing));
  if (computed.deemedSubmitted) planned.push(deemedSubmittedPlan(computed.opposition.due, computed.opposition.rule.citation));
  return planned;
}

/** L.R. 7-11(c): deemed submitted "the day after" the opposition is due — a plain calendar day, never rolled. */
function deemedSubmittedPlan(oppositionDue: string, oppositionCitation: string): PlannedDeadline {
  const rule = ruleInfo(DEEMED_SUBMITTED_CODE)!;
  const due = formatIsoDate(parseIsoDate(oppositionDue)! + 1);
  return {
    key: "deemedSubmitted",
    ruleCode: rule.code,
    ruleCitation: rule.citation,
    label: MOTION_DEADLINE_LABELS.deemedSubmitted,
    dateDue: due,
    triggerDate: oppositionDue,
    computation: {
      rule: { code: rule.code, citation: rule.citation },
      trigger: oppositionDue,
      due,
      steps: [
        {
          kind: "count",
          from: oppositionDue,
          to: due,
          reason: "the day after the opposition is due",
          text: `${oppositionDue} (opposition due under ${oppositionCitation}) + 1 day = ${due}, the day after the opposition is due, ${rule.citation}`,
          citation: rule.citation,
        },
      ],
      warnings: [],
      citations: [rule.citation, oppositionCitation],
    },
  };
}
