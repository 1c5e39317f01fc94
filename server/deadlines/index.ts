/**
 * Deadline computation for N.D. Cal. (FRCP 6, FRAP 26, the local rules). Pure: no Fastify, no
 * database, no clock — callers pass the dates.
 */
export {
  computeDeadline,
  type DeadlineResult,
  type DeadlineStep,
  type DeadlineStepKind,
  type DeadlineWarning,
  type DeadlineWarningCode,
} from "./compute";
export type { CountingRule } from "./counting-rules";
export { COURT_TIME_ZONE, electronicFilingCutoff, type FilingCutoff } from "./cutoff";
export { DeadlineInputError } from "./errors";
export { EXECUTIVE_CLOSURES, type ExecutiveClosure } from "./executive-closures";
export { deadlinesForMotion, MotionDeadlinesRequest, type MotionDeadlines } from "./motion-deadlines";
export { estimateNoticeWindow, NoticeWindowRequest, type NoticeWindowEstimate } from "./notice-window";
export {
  computeRule,
  DEADLINE_RULES,
  findRule,
  type ComputableRule,
  type DeadlineRule,
  type RecordedRule,
  type RuleDeadline,
  type RuleKind,
} from "./rules";
export { DeadlineRequest, Direction, MAX_PERIOD_DAYS, RuleOptions, ServiceMethod, type DeadlineRequestInput } from "./schemas";
