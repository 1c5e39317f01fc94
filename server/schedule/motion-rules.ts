import type { DatePrecision } from "../../db/schema";
import { findRule, type RuleKind } from "../deadlines";

/**
 * Which motions get deadlines computed from the rule catalogue, and what each computed deadline
 * is called. Pure: the schedule service writes what this decides, the pages explain it.
 */

/** The catalogue holds N.D. Cal.'s local rules (legal-rules § 1.3); other courts have their own. */
export const RULES_COURT_ID = "cand";

/** The one computed date that is not a catalogue rule of its own: L.R. 7-11(c)'s submission day. */
export const DEEMED_SUBMITTED_CODE = "lr-7-11c";

export type MotionDeadlineKey = "opposition" | "reply" | "earliestHearing" | "deemedSubmitted";

/** What the calendar, the docket and the feeds call each computed deadline. */
export const MOTION_DEADLINE_LABELS: Record<MotionDeadlineKey, string> = {
  opposition: "Opposition due",
  reply: "Reply due",
  earliestHearing: "Earliest hearing date",
  deemedSubmitted: "Deemed submitted",
};

/** "submission" is the day an administrative motion is taken under submission, not a filing. */
export type ScheduleRuleKind = RuleKind | "submission";

export type RuleInfo = {
  code: string;
  name: string;
  citation: string;
  /** The catalogue's text of the rule, in our words. */
  summary: string;
  /** What starts the clock. */
  trigger: string;
  kind: ScheduleRuleKind;
};

const DEEMED_SUBMITTED: RuleInfo = {
  code: DEEMED_SUBMITTED_CODE,
  name: "Administrative motion deemed submitted",
  citation: "N.D. Cal. Civ. L.R. 7-11(c)",
  summary:
    "Unless the court orders otherwise, a motion for administrative relief is deemed submitted without a hearing the day after the opposition is due under L.R. 7-11(b). It is the day the judge may rule, not a filing deadline.",
  trigger: "the day the opposition was due under L.R. 7-11(b)",
  kind: "submission",
};

/** The catalogue entry behind a stored rule code, or undefined for a code the catalogue lacks. */
export function ruleInfo(code: string | null | undefined): RuleInfo | undefined {
  if (!code) return undefined;
  if (code === DEEMED_SUBMITTED_CODE) return DEEMED_SUBMITTED;
  const rule = findRule(code);
  if (!rule) return undefined;
  return { code: rule.code, name: rule.name, citation: rule.citation, summary: rule.summary, trigger: rule.trigger, kind: rule.kind };
}

/** True when the date is something to file by, so the e-filing cut-off applies. */
export function isFilingDeadline(origin: string, code: string | null | undefined): boolean {
  if (origin === "stated") return false;
  const kind = ruleInfo(code)?.kind;
  return kind === undefined || kind === "filing-deadline";
}

export type MotionFacts = {
  dateFiled: string | null;
  dateFiledPrecision: DatePrecision | null;
  track: "noticed" | "administrative" | "other";
  status: string;
  deletedAt?: string | null;
};

export type IneligibleCode = "deleted" | "track" | "court" | "inexact-date" | "not-pending";

export type Eligibility =
  | { eligible: true; kind: "noticed" | "administrative"; dateFiled: string }
  | {
      eligible: false;
      code: IneligibleCode;
      reason: string;
      /** Worth telling a reader of a page: only pending motions have deadlines anyone waits for. */
      shown: boolean;
    };

/** The words pages print when a motion's filing date is too rough to count from. */
export const INEXACT_FILING_DATE = "filing date not known to the day";

/**
 * Whether the rule defaults can be computed for a motion, and if not, why. A rough filing date
 * (a month, "a Tuesday", a range) gives no deadline at all rather than a guessed one. Only
 * pending motions get new deadlines: a motion logged after it was decided or withdrawn has no
 * briefing left to schedule.
 */
export function motionDeadlineEligibility(motion: MotionFacts, courtId: string | null): Eligibility {
  const pending = motion.status === "pending";
  const no = (code: IneligibleCode, reason: string): Eligibility => ({
    eligible: false,
    code,
    reason,
    shown: pending && code !== "deleted",
  });
  if (motion.deletedAt) return no("deleted", "the motion was deleted");
  if (motion.track === "other") {
    return no("track", "neither a noticed (L.R. 7-2) nor an administrative (L.R. 7-11) motion, so no local-rule schedule applies");
  }
  if (courtId !== RULES_COURT_ID) {
    return no(
      "court",
      courtId ? "the rule catalogue holds N.D. Cal.'s local rules only, and this case is in another court" : "the court is not known",
    );
  }
  const precision = motion.dateFiledPrecision ?? (motion.dateFiled ? "day" : "unknown");
  if (!motion.dateFiled || precision !== "day") return no("inexact-date", INEXACT_FILING_DATE);
  if (!pending) return no("not-pending", "the motion is no longer pending");
  return { eligible: true, kind: motion.track, dateFiled: motion.dateFiled };
}
