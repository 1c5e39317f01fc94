import { computeDeadline, type DeadlineResult, type DeadlineWarning } from "./compute";
import type { CountingRule } from "./counting-rules";
import { DeadlineInputError } from "./errors";
import type { Direction, RuleOptions } from "./schemas";

/**
 * The named periods the tracker computes, each with its rule, the rule's substance in our own
 * words, and what starts the clock. Sources and verification status: ../shared/research/
 * legal-rules.md §§ 1.3 and 1.6. Judges' standing orders and case orders override every default
 * here; the tracker stores court-ordered deadlines separately and lets them win.
 */

export type RuleKind = "filing-deadline" | "hearing-floor" | "private-window";

type RuleIdentity = {
  /** Stable identifier, stored with computed deadlines and accepted by `quash deadline --rule`. */
  code: string;
  name: string;
  citation: string;
  summary: string;
  /** What starts the clock. */
  trigger: string;
  kind: RuleKind;
};

export type RuleDeadline = DeadlineResult & { rule: Pick<RuleIdentity, "code" | "name" | "citation" | "kind"> };

export type ComputableRule = RuleIdentity & {
  computable: true;
  days: number;
  direction: Direction;
  /** Only periods that run from service get FRCP 6(d)'s 3 days for mail-type service. */
  runsFromService: boolean;
  counting: CountingRule;
  /** Another rule whose computed due date is this rule's trigger. */
  chainedFrom?: string;
  compute: (trigger: string, options?: RuleOptions) => RuleDeadline;
};

/** A deadline recorded as stated by someone else, never computed (legal-rules § 1.6). */
export type RecordedRule = RuleIdentity & {
  computable: false;
  why: string;
};

export type DeadlineRule = ComputableRule | RecordedRule;

function periodRule(definition: Omit<ComputableRule, "computable" | "compute" | "counting"> & { counting?: CountingRule }): ComputableRule {
  const rule = { ...definition, computable: true as const, counting: definition.counting ?? "frcp-6" };
  return {
    ...rule,
    compute(trigger, options = {}) {
      // 6(d) follows the period, not the paper: a period that runs from filing gets nothing extra.
      const serviceIgnored = options.service === "mail" && !rule.runsFromService;
      const result = computeDeadline(
        {
          trigger,
          days: rule.days,
          direction: rule.direction,
          service: serviceIgnored ? "electronic" : options.service,
          eoClosures: options.eoClosures,
          caHolidays: options.caHolidays,
        },
        rule.counting,
      );
      const warnings: DeadlineWarning[] = serviceIgnored
        ? [
            ...result.warnings,
            {
              code: "service-not-applicable",
              message: `${rule.citation} runs from ${rule.trigger}, not from service, so FRCP 6(d) adds no days for mail service.`,
            },
          ]
        : result.warnings;
      return {
        rule: { code: rule.code, name: rule.name, citation: rule.citation, kind: rule.kind },
        ...result,
        warnings,
        citations: [rule.citation, ...result.citations],
      };
    },
  };
}

export const EARLIEST_HEARING = periodRule({
  code: "lr-7-2a",
  name: "Earliest hearing date for a noticed motion",
  citation: "N.D. Cal. Civ. L.R. 7-2(a)",
  summary:
    "A noticed motion must be set for hearing no sooner than 35 days after it is filed. The date is a floor for the hearing — the hearing is the judge's first available calendar day on or after it — not a deadline to file anything.",
  trigger: "the day the motion was filed",
  kind: "hearing-floor",
  days: 35,
  direction: "after",
  runsFromService: false,
});

export const OPPOSITION = periodRule({
  code: "lr-7-3a",
  name: "Opposition to a noticed motion",
  citation: "N.D. Cal. Civ. L.R. 7-3(a)",
  summary:
    "The opposition (or a statement of non-opposition, L.R. 7-3(b)) must be filed and served no more than 14 days after the motion was filed. The period runs from filing, so the way the motion was served adds no days.",
  trigger: "the day the motion was filed",
  kind: "filing-deadline",
  days: 14,
  direction: "after",
  runsFromService: false,
});

export const REPLY = periodRule({
  code: "lr-7-3c",
  name: "Reply in support of a noticed motion",
  citation: "N.D. Cal. Civ. L.R. 7-3(c)",
  summary:
    "The reply is due no more than 7 days after the opposition was due. Count from the opposition's due date after its own weekend and holiday roll, not from the day the opposition was actually filed.",
  trigger: "the day the opposition was due under L.R. 7-3(a)",
  kind: "filing-deadline",
  days: 7,
  direction: "after",
  runsFromService: false,
  chainedFrom: "lr-7-3a",
});

export const ADMINISTRATIVE_OPPOSITION = periodRule({
  code: "lr-7-11",
  name: "Opposition to an administrative motion",
  citation: "N.D. Cal. Civ. L.R. 7-11(b)",
  summary:
    "An opposition to (or statement supporting) a motion for administrative relief is due no later than 4 days after the motion was filed. Unless the court orders otherwise, the motion is deemed submitted without a hearing the day after the opposition is due; there is no reply.",
  trigger: "the day the administrative motion was filed",
  kind: "filing-deadline",
  days: 4,
  direction: "after",
  runsFromService: false,
});

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  EARLIEST_HEARING,
  OPPOSITION,
  REPLY,
  ADMINISTRATIVE_OPPOSITION,
  periodRule({
    code: "frcp-72a",
    name: "Objection to a magistrate judge's non-dispositive order",
    citation: "FRCP 72(a)",
    summary:
      "A party may object to a magistrate judge's order on a non-dispositive matter within 14 days after being served with a copy; later objections are waived.",
    trigger: "the day the party was served with the order",
    kind: "filing-deadline",
    days: 14,
    direction: "after",
    runsFromService: true,
  }),
  periodRule({
    code: "frcp-72b2",
    name: "Objections to a magistrate judge's report and recommendation",
    citation: "FRCP 72(b)(2)",
    summary:
      "Where a magistrate judge recommends a disposition (no consent to the magistrate judge), a party may file specific written objections within 14 days after being served with the recommendation.",
    trigger: "the day the party was served with the report and recommendation",
    kind: "filing-deadline",
    days: 14,
    direction: "after",
    runsFromService: true,
  }),
  periodRule({
    code: "frcp-72b2-response",
    name: "Response to objections to a report and recommendation",
    citation: "FRCP 72(b)(2)",
    summary: "Another party may respond to the objections within 14 days after being served with them.",
    trigger: "the day the party was served with the objections",
    kind: "filing-deadline",
    days: 14,
    direction: "after",
    runsFromService: true,
  }),
  periodRule({
    code: "mj-consent",
    name: "Consent or declination to a magistrate judge",
    citation: "28 U.S.C. § 636(c); N.D. Cal. General Order 44",
    summary:
      "When a case is assigned to a magistrate judge, the filing party must file its consent or declination within 14 days of receiving the assignment notice; every other party within 14 days of first appearing. The period runs from receipt or appearance, not from service, so mail service adds nothing.",
    trigger: "the day the assignment notice was received (for other parties: the day they first appeared)",
    kind: "filing-deadline",
    days: 14,
    direction: "after",
    runsFromService: false,
  }),
  periodRule({
    code: "frap-4a1b",
    name: "Notice of appeal when a United States agency is a party",
    citation: "FRAP 4(a)(1)(B)",
    summary:
      "When the United States or a U.S. agency or officer is a party — DHS always is in these cases — the notice of appeal is due 60 days after entry of the judgment or order (30 days otherwise). It is filed in the district court and counted under FRAP 26(a).",
    trigger: "the day the judgment or order appealed from was entered",
    kind: "filing-deadline",
    days: 60,
    direction: "after",
    runsFromService: false,
    counting: "frap-26",
  }),
  {
    code: "user-notice",
    name: "Platform's user-notice window",
    citation: "none — the platform's own practice (e.g. Meta's notice to the account holder)",
    summary:
      "The date by which the platform says it will answer the government's demand unless the user shows it a court challenge. Reported notices gave about 10 days.",
    trigger: "the day the platform's notice was sent",
    kind: "private-window",
    computable: false,
    why: "It is the platform's deadline, not a court's: FRCP 6 does not govern it and nothing rolls it off a weekend. Record the date exactly as the notice states it; if the notice only gives a number of days, estimateNoticeWindow gives a calendar-day estimate, labelled as one.",
  },
];

export function findRule(code: string): DeadlineRule | undefined {
  const wanted = code.trim().toLowerCase();
  return DEADLINE_RULES.find((rule) => rule.code === wanted);
}

/** Looks a rule up by code and computes it; unknown or non-computable rules are input errors. */
export function computeRule(code: string, trigger: string, options: RuleOptions = {}): RuleDeadline {
  const rule = findRule(code);
  if (!rule) {
    throw new DeadlineInputError("rule", `unknown rule "${code}"; known rules: ${DEADLINE_RULES.map((r) => r.code).join(", ")}`);
  }
  if (!rule.computable) throw new DeadlineInputError("rule", `${rule.code} is not computed: ${rule.why}`);
  return rule.compute(trigger, options);
}
