import { deadlinesForMotion } from "../deadlines";
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

/**
 * The rule defaults for a motion filed on an exact day: opposition, reply and earliest hearing
 * for a noticed motion; opposition and the day it is deemed submitted for an administrative one.
 * Counted on the safe reading (federal holidays and presidential closures; California holidays
 * only as a warning with the later date).
 */
export function planMotionDeadlines(kind: "noticed" | "administrative", dateFiled: string): PlannedDeadline[] {
  const computed = deadlinesForMotion({ kind, dateFiled });
  const fromRule = (key: MotionDeadlineKey, result: NonNullable<typeof computed.reply>): PlannedDeadline => ({
    key,
    ruleCode: result.rule.code,
    ruleCitation: result.rule.citation,
    label: MOTION_DEADLINE_LABELS[key],
    dateDue: result.due,
    triggerDate: result.request.trigger,
    computation: fromRuleDeadline(result),
  });

  const planned = [fromRule("opposition", computed.opposition)];
  if (computed.reply) planned.push(fromRule("reply", computed.reply));
  if (computed.earliestHearing) planned.push(fromRule("earliestHearing", computed.earliestHearing));
  if (computed.deemedSubmitted) {
    const rule = ruleInfo(DEEMED_SUBMITTED_CODE)!;
    const opposition = computed.opposition.due;
    const due = computed.deemedSubmitted;
    planned.push({
      key: "deemedSubmitted",
      ruleCode: rule.code,
      ruleCitation: rule.citation,
      label: MOTION_DEADLINE_LABELS.deemedSubmitted,
      dateDue: due,
      triggerDate: opposition,
      computation: {
        rule: { code: rule.code, citation: rule.citation },
        trigger: opposition,
        due,
        // A plain calendar day: the rule says "the day after", and nothing rolls it off a weekend.
        steps: [
          {
            kind: "count",
            from: opposition,
            to: formatIsoDate(parseIsoDate(opposition)! + 1),
            reason: "the day after the opposition is due",
            text: `${opposition} (opposition due under ${computed.opposition.rule.citation}) + 1 day = ${due}, the day after the opposition is due, ${rule.citation}`,
            citation: rule.citation,
          },
        ],
        warnings: [],
        citations: [rule.citation, computed.opposition.rule.citation],
      },
    });
  }
  return planned;
}
