import { californiaHolidayOn } from "./california-holidays";
import { formatIsoDate, fromYmd, isWeekend, parseIsoDate, weekdayName, type DayNumber } from "./civil-date";
import { CITATIONS, type Citations, type CountingRule } from "./counting-rules";
import { electronicFilingCutoff, type FilingCutoff } from "./cutoff";
import { DeadlineInputError } from "./errors";
import { EXECUTIVE_CLOSURES_RECORDED_FROM, executiveClosureOn } from "./executive-closures";
import { FIRST_HOLIDAY_YEAR, federalHolidayOn, isInaugurationDay } from "./federal-holidays";
import { DeadlineRequest, parseOrThrow, type DeadlineRequestInput } from "./schemas";

/**
 * FRCP 6(a) and (d), as in ../shared/research/legal-rules.md § 1.7: count every day from the day
 * after the trigger, roll a closed last day (forward, or backward for "before" periods), then for
 * mail-type service add 3 days and roll again.
 */

const HOLIDAY_STATUTE = "5 U.S.C. § 6103";
const MAIL_SERVICE_DAYS = 3;

/** The holiday tables start in 1971; leave a month for backward rolls. Far future is refused too. */
const FIRST_SUPPORTED_DAY = fromYmd(FIRST_HOLIDAY_YEAR, 2, 1);
const LAST_SUPPORTED_DAY = fromYmd(2199, 12, 31);

export type DeadlineStepKind = "count" | "weekend" | "federal-holiday" | "executive-closure" | "california-holiday" | "service-by-mail";

/** One move of the date, with the reason in words and the rule that makes it. */
export type DeadlineStep = {
  kind: DeadlineStepKind;
  from: string;
  to: string;
  /** Short: "Christmas Day", "Saturday", "service by mail". */
  reason: string;
  /** The whole step as a sentence, e.g. "2025-12-25 Christmas Day — legal holiday, FRCP 6(a)(1)(C)". */
  text: string;
  citation: string;
};

export type DeadlineWarningCode =
  "inauguration-day" | "california-holiday" | "executive-closure" | "closures-not-recorded" | "service-not-applicable";

export type DeadlineWarning = {
  code: DeadlineWarningCode;
  message: string;
  /** The due date under the other reading, when there is one. */
  alternativeDue?: string;
};

export type DeadlineResult = {
  /** The question as understood, defaults filled in. */
  request: DeadlineRequest;
  due: string;
  weekday: string;
  steps: DeadlineStep[];
  /** When electronic filing closes on the due day. */
  cutoff: FilingCutoff;
  warnings: DeadlineWarning[];
  /** Every rule the computation relied on, most specific first. */
  citations: string[];
};

type Closure = { kind: Exclude<DeadlineStepKind, "count" | "service-by-mail">; reason: string; why: string };

type Reading = Pick<DeadlineRequest, "direction" | "eoClosures" | "caHolidays">;

function closureOn(day: DayNumber, reading: Reading, cite: Citations): Closure | undefined {
  if (isWeekend(day)) return { kind: "weekend", reason: weekdayName(day), why: "weekend" };
  const federal = federalHolidayOn(day);
  if (federal) {
    const observed = federal.observed === federal.actual ? "" : " (observed)";
    return { kind: "federal-holiday", reason: `${federal.name}${observed}`, why: "legal holiday" };
  }
  const closure = reading.eoClosures ? executiveClosureOn(day) : undefined;
  if (closure) {
    return {
      kind: "executive-closure",
      reason: closure.occasion,
      why: `legal holiday declared by the President, ${cite.presidentHoliday}`,
    };
  }
  // 6(a)(6)(C): state holidays lengthen forward periods only, never backward ones.
  const state = reading.direction === "after" && reading.caHolidays ? californiaHolidayOn(day) : undefined;
  if (state) {
    return {
      kind: "california-holiday",
      reason: state.name,
      why: `California holiday (${state.citation}), forward period, ${cite.stateHoliday}`,
    };
  }
  return undefined;
}

/** 6(a)(1)(C) and 6(a)(5): step off closed days, forward for "after", backward for "before". */
function roll(day: DayNumber, reading: Reading, cite: Citations, steps: DeadlineStep[]): DayNumber {
  const step = reading.direction === "after" ? 1 : -1;
  const backward = reading.direction === "before" ? `; counting backward, to the day before (${cite.backward})` : "";
  for (let closed = closureOn(day, reading, cite); closed; closed = closureOn(day, reading, cite)) {
    steps.push({
      kind: closed.kind,
      from: formatIsoDate(day),
      to: formatIsoDate(day + step),
      reason: closed.reason,
      text: `${formatIsoDate(day)} ${closed.reason} — ${closed.why}, ${cite.roll}${backward}`,
      citation: cite.roll,
    });
    day += step;
  }
  return day;
}

type Computation = { target: DayNumber; due: DayNumber; steps: DeadlineStep[] };

/** The last day of the period before any roll: the trigger day left out, every day counted. */
function lastDayCounted(trigger: DayNumber, request: DeadlineRequest): DayNumber {
  return request.direction === "after" ? trigger + request.days : trigger - request.days;
}

function count(trigger: DayNumber, request: DeadlineRequest, cite: Citations): Computation {
  const target = lastDayCounted(trigger, request);
  const steps: DeadlineStep[] = [
    {
      kind: "count",
      from: formatIsoDate(trigger),
      to: formatIsoDate(target),
      reason: `${request.days} days ${request.direction}`,
      text: `${formatIsoDate(trigger)} ${request.direction === "after" ? "+" : "−"} ${request.days} days = ${formatIsoDate(target)} (the trigger day left out, every day counted), ${cite.count}`,
      citation: cite.count,
    },
  ];
  let due = roll(target, request, cite, steps);
  // 6(d): the 3 days come after the 6(a) result, roll included, and only for periods counted
  // forward from service; adding them before the roll gives wrong dates (legal-rules 1.2).
  if (request.service === "mail" && request.direction === "after") {
    const added = due + MAIL_SERVICE_DAYS;
    steps.push({
      kind: "service-by-mail",
      from: formatIsoDate(due),
      to: formatIsoDate(added),
      reason: "service by mail",
      text: `${formatIsoDate(due)} + ${MAIL_SERVICE_DAYS} days for service by mail, with the clerk or by other consented means = ${formatIsoDate(added)}, added after the weekend and holiday roll, ${cite.service}`,
      citation: cite.service,
    });
    due = roll(added, request, cite, steps);
  }
  return { target, due, steps };
}

function describeSteps(steps: DeadlineStep[], kind: DeadlineStepKind): string {
  return steps
    .filter((step) => step.kind === kind)
    .map((step) => `${step.from} ${step.reason}`)
    .join(", ");
}

/**
 * The readings the rules leave open (state holidays, presidential closures): compute the other
 * reading too and, when it gives another date, say so with that date.
 */
function alternativeReadings(trigger: DayNumber, request: DeadlineRequest, primary: Computation, cite: Citations): DeadlineWarning[] {
  const warnings: DeadlineWarning[] = [];
  const due = formatIsoDate(primary.due);

  if (request.direction === "after") {
    const other = count(trigger, { ...request, caHolidays: !request.caHolidays }, cite);
    if (other.due !== primary.due) {
      const alternativeDue = formatIsoDate(other.due);
      warnings.push(
        request.caHolidays
          ? {
              code: "california-holiday",
              message: `${due} relies on California holidays (${describeSteps(primary.steps, "california-holiday")}) extending a forward period under ${cite.stateHoliday}, which is unsettled; counting federal holidays only, the deadline is ${alternativeDue}. File by then to be safe.`,
              alternativeDue,
            }
          : {
              code: "california-holiday",
              message: `California holidays were not counted: ${describeSteps(other.steps, "california-holiday")}. Under ${cite.stateHoliday} a party could argue a forward deadline runs to ${alternativeDue}; whether these holidays count is unsettled, so ${due} is the safe date.`,
              alternativeDue,
            },
      );
    }
  }

  const other = count(trigger, { ...request, eoClosures: !request.eoClosures }, cite);
  if (other.due !== primary.due) {
    const alternativeDue = formatIsoDate(other.due);
    // Counting a closure pushes a forward period later but a backward one earlier, so the safe
    // date is whichever reading comes first — not always the one without closures.
    const safe = formatIsoDate(Math.min(primary.due, other.due));
    const advice = safe === due ? `${due} is the safe date.` : `File by ${safe} to be safe.`;
    warnings.push(
      request.eoClosures
        ? {
            code: "executive-closure",
            message: `${due} treats ${describeSteps(primary.steps, "executive-closure")} as a legal holiday under ${cite.presidentHoliday}; whether an order closing the executive departments declares a holiday is unsettled. Without it the deadline is ${alternativeDue}. ${advice}`,
            alternativeDue,
          }
        : {
            code: "executive-closure",
            message: `Presidential closure days were not counted: ${describeSteps(other.steps, "executive-closure")}. If a closure counts as a holiday declared by the President (${cite.presidentHoliday}), the deadline is ${alternativeDue}. ${advice}`,
            alternativeDue,
          },
    );
  }
  return warnings;
}

function otherWarnings(request: DeadlineRequest, computation: Computation, cite: Citations): DeadlineWarning[] {
  const warnings: DeadlineWarning[] = [];
  const due = formatIsoDate(computation.due);
  if (isInaugurationDay(computation.due)) {
    warnings.push({
      code: "inauguration-day",
      message: `${due} is Inauguration Day, a holiday only for federal employees in the Washington, D.C. area (${HOLIDAY_STATUTE}(c)). It is not a legal holiday in N.D. Cal., which is open, so the deadline stays on ${due}.`,
    });
  }
  if (request.service === "mail" && request.direction === "before") {
    warnings.push({
      code: "service-not-applicable",
      message: `${cite.service} adds ${MAIL_SERVICE_DAYS} days only to periods counted forward from service; nothing was added to this backward period.`,
    });
  }
  const earliestChecked = Math.min(computation.target, computation.due);
  if (request.eoClosures && earliestChecked < EXECUTIVE_CLOSURES_RECORDED_FROM) {
    warnings.push({
      code: "closures-not-recorded",
      message: `Presidential closure days are recorded from ${formatIsoDate(EXECUTIVE_CLOSURES_RECORDED_FROM)} on; check that no executive order closed the agencies around ${due}.`,
    });
  }
  return warnings;
}

function citationsFor(request: DeadlineRequest, steps: DeadlineStep[], cite: Citations): string[] {
  const kinds = new Set(steps.map((step) => step.kind));
  const rolled = steps.some((step) => step.kind !== "count" && step.kind !== "service-by-mail");
  const citations = [cite.count];
  if (rolled) citations.push(cite.roll);
  if (rolled && request.direction === "before") citations.push(cite.backward);
  if (kinds.has("federal-holiday")) citations.push(cite.federalHoliday, HOLIDAY_STATUTE);
  if (kinds.has("executive-closure")) citations.push(cite.presidentHoliday);
  if (kinds.has("california-holiday")) citations.push(cite.stateHoliday, "Cal. Gov. Code § 6700", "Cal. Civ. Proc. Code § 135");
  if (kinds.has("service-by-mail")) citations.push(cite.service);
  citations.push(cite.lastDay);
  return citations;
}

/**
 * Computes a deadline under FRCP 6 (or FRAP 26) for N.D. Cal. Throws DeadlineInputError for
 * anything it cannot answer correctly; never returns a guessed date.
 */
export function computeDeadline(input: DeadlineRequestInput, counting: CountingRule = "frcp-6"): DeadlineResult {
  const request = parseOrThrow(DeadlineRequest, input);
  const cite = CITATIONS[counting];
  const trigger = parseIsoDate(request.trigger)!;
  // Checked before counting: the holiday tables cannot answer outside their years.
  const target = lastDayCounted(trigger, request);
  if (target < FIRST_SUPPORTED_DAY || target > LAST_SUPPORTED_DAY) {
    throw new DeadlineInputError(
      "trigger",
      `the period would end on ${formatIsoDate(target)}, outside the dates the holiday tables cover (${formatIsoDate(FIRST_SUPPORTED_DAY)} to ${formatIsoDate(LAST_SUPPORTED_DAY)})`,
    );
  }

  const computation = count(trigger, request, cite);
  return {
    request,
    due: formatIsoDate(computation.due),
    weekday: weekdayName(computation.due),
    steps: computation.steps,
    cutoff: { ...electronicFilingCutoff(computation.due), citation: cite.lastDay },
    warnings: [...alternativeReadings(trigger, request, computation, cite), ...otherWarnings(request, computation, cite)],
    citations: citationsFor(request, computation.steps, cite),
  };
}
