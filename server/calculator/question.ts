import { z } from "zod";
import {
  computeDeadline,
  DeadlineInputError,
  DeadlineRequest,
  findRule,
  RuleOptions,
  type ComputableRule,
  type DeadlineResult,
  type RuleDeadline,
} from "../deadlines";
import { isoDate } from "../deadlines/schemas";

/**
 * The calculator's question as it arrives in a query string (the page's GET form and the JSON
 * API share it): either a period (trigger, days, dir) or a named rule (rule, trigger), with the
 * service method and the two open readings (presidential closures, California holidays). Every
 * problem is reported beside the parameter that caused it, never turned into a date.
 */

/** Query parameters, as typed: strings, each at most once. */
export const CalculatorQuery = z.object({
  trigger: z.string().max(40).optional(),
  days: z.string().max(20).optional(),
  dir: z.string().max(20).optional(),
  service: z.string().max(20).optional(),
  eo: z.string().max(10).optional(),
  ca: z.string().max(10).optional(),
  rule: z.string().max(100).optional(),
});

export type CalculatorQuery = z.infer<typeof CalculatorQuery>;

/** The deadline module's field names → the query parameter a person typed. */
const PARAM_FOR_FIELD: Record<string, keyof CalculatorQuery> = {
  trigger: "trigger",
  days: "days",
  direction: "dir",
  service: "service",
  eoClosures: "eo",
  caHolidays: "ca",
  rule: "rule",
};

export type FieldErrors = Partial<Record<keyof CalculatorQuery, string>>;

export type CalculatorAnswer =
  { mode: "blank" } | { mode: "period"; result: DeadlineResult } | { mode: "rule"; rule: ComputableRule; result: RuleDeadline };

export type CalculatorOutcome = { mode: "blank" | "period" | "rule"; answer: CalculatorAnswer | null; errors: FieldErrors };

const RuleQuestion = z.object({ trigger: isoDate("trigger") }).extend(RuleOptions.shape);

/** A blank field in a GET form is "not given". */
function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function errorsFrom(issues: z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const param = PARAM_FOR_FIELD[String(issue.path[0])] ?? "trigger";
    errors[param] ??= issue.message;
  }
  return errors;
}

function fieldError(error: DeadlineInputError): FieldErrors {
  return { [PARAM_FOR_FIELD[error.field] ?? "trigger"]: error.message };
}

/**
 * Answers the query, or says what is wrong with each parameter. With `allowBlank`, a query with
 * nothing in it is a request for the empty form rather than an error.
 */
export function runCalculator(raw: CalculatorQuery, { allowBlank }: { allowBlank: boolean }): CalculatorOutcome {
  const q = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, given(v)])) as CalculatorQuery;
  const options = { service: q.service, eoClosures: q.eo, caHolidays: q.ca };

  if (q.rule !== undefined) {
    const rule = findRule(q.rule);
    if (!rule) return { mode: "rule", answer: null, errors: { rule: `unknown rule "${q.rule}"; choose one of the rules listed` } };
    if (!rule.computable) return { mode: "rule", answer: null, errors: { rule: `${rule.code} is not computed: ${rule.why}` } };
    if (q.days !== undefined || q.dir !== undefined) {
      return {
        mode: "rule",
        answer: null,
        errors: { rule: `${rule.citation} fixes its own period (${rule.days} days ${rule.direction}); leave days and direction empty` },
      };
    }
    const parsed = RuleQuestion.safeParse({ trigger: q.trigger, ...options });
    if (!parsed.success) return { mode: "rule", answer: null, errors: errorsFrom(parsed.error.issues) };
    try {
      return { mode: "rule", answer: { mode: "rule", rule, result: rule.compute(parsed.data.trigger, parsed.data) }, errors: {} };
    } catch (error) {
      if (error instanceof DeadlineInputError) return { mode: "rule", answer: null, errors: fieldError(error) };
      throw error;
    }
  }

  if (allowBlank && Object.values(q).every((v) => v === undefined)) return { mode: "blank", answer: { mode: "blank" }, errors: {} };
  const parsed = DeadlineRequest.safeParse({ trigger: q.trigger, days: q.days, direction: q.dir, ...options });
  if (!parsed.success) return { mode: "period", answer: null, errors: errorsFrom(parsed.error.issues) };
  try {
    return { mode: "period", answer: { mode: "period", result: computeDeadline(parsed.data) }, errors: {} };
  } catch (error) {
    if (error instanceof DeadlineInputError) return { mode: "period", answer: null, errors: fieldError(error) };
    throw error;
  }
}
