import type { PublicRecord } from "../privacy/projection";
import { viewDate, type DateView, type FuzzyDate } from "../shared/dates";
import { deriveCaseStatus } from "./case-status";
import { deriveSubpoenaStatus, type StatusSourceRef, type SubpoenaStatusInput } from "./subpoena-status";

/*
 * How a status changed over time: the status-line derivation applied to the record as it
 * stood at each dated step (a filing, an order, a withdrawal…). At a day D the record holds the
 * events, orders, cases and motions dated on or before D, a motion decided by an order signed
 * after D is still pending, and a stay that ended after D is still in force. Records whose date
 * is unknown count only for today, so the last step is always today's status line. Each step
 * keeps the date its line rests on, with that date's real precision, and the sources behind it.
 */

export type StepPrecision = "day" | "month" | "year" | "approximate" | "unknown";

export type StatusStep = {
  key: string;
  label: string;
  tone: "ok" | "warn" | "muted" | "accent";
  line: string;
  date: DateView;
  precision: StepPrecision;
  inferred: boolean;
  sources: StatusSourceRef[];
};

export function precisionOf(date: DateView): StepPrecision {
  if (!date.known || !date.datetime) return "unknown";
  if (date.exact) return "day";
  if (date.datetime.length === 4) return "year";
  if (date.datetime.length === 7 && /^\d{4}-\d{2}$/.test(date.datetime) && !/^a |between| or /i.test(date.text)) return "month";
  return "approximate";
}

const known = (d: string | null | undefined): d is string => typeof d === "string" && d.length >= 10;
const onOrBefore = (d: string | null | undefined, day: string) => known(d) && d <= day;

/**
 * Appends a step unless the line is the one already showing. A step with the same status and
 * date as the last only refines its wording (a challenge of unknown date added to a
 * withdrawal), so it replaces the last rather than telling of a change that did not happen.
 */
function push(steps: StatusStep[], step: StatusStep) {
  const last = steps[steps.length - 1];
  if (last && last.line === step.line) return;
  if (last && last.key === step.key && last.date.text === step.date.text) steps[steps.length - 1] = step;
  else steps.push(step);
}

// ---------------------------------------------------------------------------------------------
// Subpoenas

function subpoenaDays(input: SubpoenaStatusInput): string[] {
  const days = [
    input.subpoena.dateIssued,
    ...input.events.map((e) => e.event.date),
    ...input.coverages.flatMap((c) => [c.order.order.dateSigned, c.coverage.dateEnded]),
    ...input.challenges.map((c) => c.dateFiled),
    ...input.motions.flatMap((m) => [m.motion.dateFiled, m.decidedBy?.order.dateSigned]),
  ].filter(known);
  return [...new Set(days)].sort();
}

/** The subpoena's record as it stood at the end of `day`. */
export function subpoenaInputAsOf(input: SubpoenaStatusInput, day: string): SubpoenaStatusInput {
  const challenges = input.challenges.filter((c) => onOrBefore(c.dateFiled, day));
  const caseIds = new Set(challenges.map((c) => c.id));
  return {
    ...input,
    events: input.events.filter((e) => onOrBefore(e.event.date, day)),
    coverages: input.coverages
      .filter((c) => onOrBefore(c.order.order.dateSigned, day))
      .map((c) => {
        const endedBy = c.coverage.status !== "in_force" && onOrBefore(c.coverage.dateEnded, day);
        return endedBy || c.coverage.status === "in_force" ? c : { ...c, coverage: { ...c.coverage, status: "in_force" as const } };
      }),
    challenges,
    motions: input.motions
      .filter((m) => caseIds.has(m.motion.caseId) && onOrBefore(m.motion.dateFiled, day))
      .map((m) => {
        const decidedOn = m.decidedBy?.order.dateSigned;
        if (m.motion.status === "pending" || (known(decidedOn) && decidedOn <= day)) return m;
        // Decided by an order signed later, or on a day the record does not give: what is known
        // of that day is that the motion had been filed, so it was pending (the outcome, and the
        // note telling of it, belong to today's step).
        return { motion: { ...m.motion, status: "pending" as const, statusNote: null }, decidedBy: null };
      }),
  };
}

export function deriveSubpoenaHistory(input: SubpoenaStatusInput): StatusStep[] {
  const steps: StatusStep[] = [];
  const add = (i: SubpoenaStatusInput) => {
    const st = deriveSubpoenaStatus(i);
    push(steps, {
      key: st.key,
      label: st.label,
      tone: st.tone,
      line: st.line,
      date: st.date,
      precision: precisionOf(st.date),
      inferred: st.inferred,
      sources: st.sources,
    });
  };
  for (const day of subpoenaDays(input)) add(subpoenaInputAsOf(input, day));
  add(input);
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Cases

export type CaseHistoryInput = {
  kase: PublicRecord<"case">;
  motions: PublicRecord<"motion">[];
  /** The case's orders, for the day each motion was decided. */
  orders: PublicRecord<"order">[];
};

type Moment = { day: string; date: FuzzyDate; source: StatusSourceRef };

export function deriveCaseHistory(input: CaseHistoryInput): StatusStep[] {
  const { kase, motions, orders } = input;
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const decidedBy = (m: PublicRecord<"motion">) => (m.decidedByOrderId !== null ? orderById.get(m.decidedByOrderId) : undefined);
  const orderDate = (o: PublicRecord<"order">): FuzzyDate => ({
    date: o.dateSigned,
    latest: o.dateSignedLatest,
    precision: o.dateSignedPrecision,
    label: o.dateSignedLabel,
  });

  const moments: Moment[] = [];
  if (known(kase.dateFiled)) {
    moments.push({
      day: kase.dateFiled,
      date: { date: kase.dateFiled, latest: kase.dateFiledLatest, precision: kase.dateFiledPrecision, label: kase.dateFiledLabel },
      source: { type: "case", id: kase.id, field: "dateFiled" },
    });
  }
  for (const m of motions) {
    if (known(m.dateFiled))
      moments.push({
        day: m.dateFiled,
        date: { date: m.dateFiled, latest: m.dateFiledLatest, precision: m.dateFiledPrecision, label: m.dateFiledLabel },
        source: { type: "motion", id: m.id },
      });
    const o = decidedBy(m);
    if (o && known(o.dateSigned)) moments.push({ day: o.dateSigned, date: orderDate(o), source: { type: "order", id: o.id } });
  }
  if (known(kase.dateTerminated))
    moments.push({
      day: kase.dateTerminated,
      date: { date: kase.dateTerminated },
      source: { type: "case", id: kase.id, field: "dateTerminated" },
    });
  moments.sort((a, b) => a.day.localeCompare(b.day));

  const steps: StatusStep[] = [];
  const add = (status: ReturnType<typeof deriveCaseStatus>, moment: Moment | null) => {
    const date = viewDate(moment?.date ?? { date: null });
    const line = status.detail && !moment ? `${status.label} — ${status.detail}` : status.label;
    push(steps, {
      key: status.label,
      label: status.label,
      tone: status.tone,
      line,
      date,
      precision: precisionOf(date),
      inferred: false,
      sources: moment ? [moment.source] : [{ type: "case", id: kase.id }],
    });
  };
  for (const moment of moments) {
    const day = moment.day;
    const asOf = motions
      .filter((m) => onOrBefore(m.dateFiled, day))
      .map((m) => {
        const o = decidedBy(m);
        return o && known(o.dateSigned) && o.dateSigned > day ? { ...m, status: "pending" as const } : m;
      });
    add(
      deriveCaseStatus({ dateTerminated: onOrBefore(kase.dateTerminated, day) ? kase.dateTerminated : null, statusNote: null }, asOf),
      moment,
    );
  }
  // Today, from the whole record (the line the case's page shows, with the source's own words).
  const today = deriveCaseStatus(kase, motions);
  const last = steps[steps.length - 1];
  if (last && last.label === today.label) {
    if (today.detail) last.line = `${today.label} — ${today.detail}`;
  } else add(today, null);
  return steps;
}
