import { DEADLINE_RULES, MAX_PERIOD_DAYS, type DeadlineResult } from "../deadlines";
import { paths } from "../paths";
import { dayView, filingCutoff } from "../schedule/deadline-view";
import { isFilingDeadline } from "../schedule/motion-rules";
import type { CalculatorOutcome, CalculatorQuery, FieldErrors } from "./question";

type Option = { value: string; label: string; selected: boolean };

const options = (choices: [string, string][], chosen: string | undefined, fallback: string): Option[] =>
  choices.map(([value, label]) => ({ value, label, selected: (chosen?.trim() || fallback) === value }));

const onOff = (chosen: string | undefined, fallback: "on" | "off", on: string, off: string) =>
  options(
    [
      ["on", on],
      ["off", off],
    ],
    chosen,
    fallback,
  );

function describeQuestion(result: DeadlineResult): string {
  const r = result.request;
  return [
    `${r.days} days ${r.direction} ${dayView(r.trigger).text}`,
    r.service === "mail" ? "served by mail (or with the clerk, or other consented means)" : "served electronically",
    r.eoClosures ? "days the President closed the executive departments counted as holidays" : "presidential closure days not counted",
    r.caHolidays ? "California holidays counted (forward periods)" : "California holidays not counted",
  ].join("; ");
}

function resultView(outcome: CalculatorOutcome) {
  const answer = outcome.answer;
  if (!answer || answer.mode === "blank") return null;
  const result = answer.result;
  const code = answer.mode === "rule" ? answer.rule.code : null;
  const filing = isFilingDeadline("computed", code);
  return {
    due: dayView(result.due),
    question: describeQuestion(result),
    rule:
      answer.mode === "rule"
        ? { name: answer.rule.name, citation: answer.rule.citation, summary: answer.rule.summary, trigger: answer.rule.trigger }
        : null,
    cutoff: filing ? { ...filingCutoff(result.due)!, utcOffset: result.cutoff.utcOffset } : null,
    notFiling: filing
      ? null
      : "This date is a floor for the hearing — the earliest day it may be set — not a filing deadline, so no filing cut-off applies.",
    // Each step's text already ends with its rule.
    steps: result.steps.map((s) => ({ text: s.text })),
    warnings: result.warnings.map((w) => w.message),
    citations: result.citations,
  };
}

/** The calculator page: both forms (a period, or a named rule) with the answer or the errors. */
export function toCalculatorView(query: CalculatorQuery, outcome: CalculatorOutcome) {
  const ruleMode = outcome.mode === "rule";
  const noErrors: FieldErrors = {};
  const period = ruleMode ? {} : query;
  const rule = ruleMode ? query : {};
  const computable = DEADLINE_RULES.filter((r) => r.computable);
  const hasErrors = Object.keys(outcome.errors).length > 0;
  return {
    title: "Deadline calculator",
    action: paths.deadlineCalculator(),
    maxDays: MAX_PERIOD_DAYS,
    hasErrors,
    errorSummary: hasErrors ? "No date was computed: correct the field marked below." : null,
    period: {
      values: { trigger: period.trigger ?? "", days: period.days ?? "" },
      directions: options(
        [
          ["after", "after the trigger (forward)"],
          ["before", "before the trigger (backward)"],
        ],
        period.dir,
        "after",
      ),
      services: options(
        [
          ["electronic", "electronic (CM/ECF, e-mail)"],
          ["mail", "mail, left with the clerk, or other consented means (+3 days)"],
        ],
        period.service,
        "electronic",
      ),
      eo: onOff(period.eo, "on", "count them as legal holidays", "do not count them"),
      ca: onOff(period.ca, "off", "count them (forward periods only)", "do not count them (the safe date)"),
      errors: ruleMode ? noErrors : outcome.errors,
    },
    rule: {
      values: { trigger: rule.trigger ?? "" },
      rules: computable.map((r) => ({
        value: r.code,
        label: `${r.citation} — ${r.name}`,
        selected: (rule.rule?.trim().toLowerCase() ?? "") === r.code,
      })),
      services: options(
        [
          ["electronic", "electronic"],
          ["mail", "mail or other +3-day means"],
        ],
        rule.service,
        "electronic",
      ),
      eo: onOff(rule.eo, "on", "count them", "do not count them"),
      ca: onOff(rule.ca, "off", "count them", "do not count them"),
      errors: ruleMode ? outcome.errors : noErrors,
    },
    result: resultView(outcome),
    catalogue: DEADLINE_RULES.map((r) => ({
      code: r.code,
      name: r.name,
      citation: r.citation,
      summary: r.summary,
      trigger: r.trigger,
      period: r.computable ? `${r.days} days ${r.direction}` : "recorded as stated, not computed",
    })),
    apiHref: paths.api.deadlineCompute(),
    rulesApiHref: paths.api.deadlineRules(),
    calendarHref: paths.calendar(),
  };
}
