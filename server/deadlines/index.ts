/**
 * Deadline computation for N.D. Cal. (FRCP 6, FRAP 26, the local rules). Pure: no Fastify, no
 * database, no clock — callers pass the dates.
 */
export {
  computeDeadline,
  type CountingRule,
  type DeadlineResult,
  type DeadlineStep,
  type DeadlineStepKind,
  type DeadlineWarning,
  type DeadlineWarningCode,
} from "./compute";
export { COURT_TIME_ZONE, electronicFilingCutoff, type FilingCutoff } from "./cutoff";
export { DeadlineInputError } from "./errors";
export { EXECUTIVE_CLOSURES, type ExecutiveClosure } from "./executive-closures";
export {
  DeadlineRequest,
  Direction,
  MAX_PERIOD_DAYS,
  ServiceMethod,
  type DeadlineRequestInput,
} from "./schemas";
