import type { PublicRecord } from "../privacy/projection";
import { dayWindow, earliestWindow, latestWindow, spanBetween, type DaySpan, type DayWindow } from "../shared/date-bounds";
import type { FuzzyDate } from "../shared/dates";
import type { StatusCoverage, StatusEvent, StatusMotion, StatusSourceRef } from "../status/subpoena-status";

/*
 * The stages an instrument went through — issued, challenged, stayed, and withdrawn, quashed
 * or enforced — each dated as well as the record dates it, and the days between them as
 * windows (server/shared/date-bounds.ts). Everything is derived from the records that say so:
 * a withdrawal event, a case or motion filed, an order not to produce, a ruling on a motion
 * to quash. Pure: the loaders give it public records only.
 */

export const OUTCOME_KEYS = ["withdrawn", "quashed", "quashed_in_part", "enforced"] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/** One dated stage: the date as printed, the window of days it allows, and what says so. */
export type Stage = {
  date: FuzzyDate;
  window: DayWindow | null;
  refs: StatusSourceRef[];
};

export type Outcome = Stage & { key: OutcomeKey };

/** Motions that challenge the demand itself (not sealing, pseudonymity or scheduling). */
const CHALLENGE_KINDS = new Set(["motion_to_quash", "motion_for_stay", "other"]);

const RULINGS: Record<string, OutcomeKey> = { granted: "quashed", granted_in_part: "quashed_in_part", denied: "enforced" };

const motionDate = (m: PublicRecord<"motion">): FuzzyDate => ({
  date: m.dateFiled,
  latest: m.dateFiledLatest,
  precision: m.dateFiledPrecision,
  label: m.dateFiledLabel,
});
const caseDate = (c: PublicRecord<"case">): FuzzyDate => ({
  date: c.dateFiled,
  latest: c.dateFiledLatest,
  precision: c.dateFiledPrecision,
  label: c.dateFiledLabel,
});
const orderDate = (o: PublicRecord<"order">): FuzzyDate => ({
  date: o.dateSigned,
  latest: o.dateSignedLatest,
  precision: o.dateSignedPrecision,
  label: o.dateSignedLabel,
});
const eventDate = (e: PublicRecord<"event">): FuzzyDate => ({
  date: e.date,
  latest: e.dateLatest,
  precision: e.datePrecision,
  label: e.dateLabel,
});

type Candidate = { date: FuzzyDate; window: DayWindow | null; refs: StatusSourceRef[] };

/**
 * The first of several dated things. When one candidate's own window is the combined one its
 * date is printed as the record has it ("week of 13–17 Oct 2025"); otherwise the combined
 * window is printed as a range.
 */
function first(candidates: Candidate[]): Stage | null {
  const window = earliestWindow(candidates.map((c) => c.window));
  if (!window) return null;
  const own = candidates.find((c) => c.window && c.window.earliest === window.earliest && c.window.latest === window.latest);
  if (own) return { date: own.date, window, refs: own.refs };
  const refs = candidates.filter((c) => c.window && c.window.earliest <= window.latest).flatMap((c) => c.refs);
  return { date: { date: window.earliest, latest: window.latest, precision: "range" }, window, refs };
}

export type Challenge = Stage & {
  /** Challenging proceedings the record gives no filing date for: the first challenge may be earlier. */
  undated: number;
  proceedings: number;
};

/** When the demand was first challenged in court: the earliest filing of the cases or their motions. */
export function challengeOf(cases: PublicRecord<"case">[], motions: PublicRecord<"motion">[]): Challenge | null {
  if (cases.length === 0) return null;
  let undated = 0;
  const candidates: Candidate[] = [];
  for (const c of cases) {
    const own: Candidate[] = [
      { date: caseDate(c), window: dayWindow(caseDate(c)), refs: [{ type: "case", id: c.id, field: "dateFiled" }] },
      ...motions
        .filter((m) => m.caseId === c.id && CHALLENGE_KINDS.has(m.kind))
        .map((m) => ({
          date: motionDate(m),
          window: dayWindow(motionDate(m)),
          refs: [{ type: "motion" as const, id: m.id, field: "dateFiled" }],
        })),
    ];
    const dated = own.filter((o) => o.window);
    if (dated.length === 0) undated += 1;
    candidates.push(...dated);
  }
  const stage = first(candidates);
  return {
    date: stage?.date ?? { date: null },
    window: stage?.window ?? null,
    refs: stage?.refs ?? [],
    undated,
    proceedings: cases.length,
  };
}

/** The first order not to produce (or stay) covering the demand, whatever became of it later. */
export function stayOf(coverages: StatusCoverage[]): Stage | null {
  if (coverages.length === 0) return null;
  const stage = first(
    coverages.map((c) => ({
      date: orderDate(c.order.order),
      window: dayWindow(orderDate(c.order.order)),
      refs: [
        { type: "order" as const, id: c.order.order.id, field: "dateSigned" },
        { type: "coverage" as const, id: c.coverage.id },
      ],
    })),
  );
  return stage ?? { date: { date: null }, window: null, refs: coverages.map((c) => ({ type: "order" as const, id: c.order.order.id })) };
}

/** The first withdrawal of the demand, from the events that record one. */
export function withdrawalOf(events: StatusEvent[]): Outcome | null {
  const withdrawals = events.filter((e) => e.event.kind === "withdrawal");
  if (withdrawals.length === 0) return null;
  const candidates = withdrawals.map((w) => ({
    date: eventDate(w.event),
    window: dayWindow(eventDate(w.event)),
    refs: [
      { type: "event" as const, id: w.event.id },
      { type: "event" as const, id: w.event.id, field: "date" },
    ],
  }));
  const stage = first(candidates) ?? { date: { date: null }, window: null, refs: candidates.flatMap((c) => c.refs) };
  return { ...stage, key: "withdrawn" };
}

/** The first ruling on a motion to quash: granted (quashed), granted in part, or denied (enforced). */
export function rulingOf(motions: StatusMotion[]): Outcome | null {
  const ruled = motions.filter((m) => m.motion.kind === "motion_to_quash" && RULINGS[m.motion.status] && m.decidedBy);
  if (ruled.length === 0) return null;
  const dated = ruled.map((m) => ({ m, window: dayWindow(orderDate(m.decidedBy!.order)) }));
  dated.sort((a, b) => (a.window?.earliest ?? "9999").localeCompare(b.window?.earliest ?? "9999") || a.m.motion.id - b.m.motion.id);
  const { m, window } = dated[0]!;
  return {
    key: RULINGS[m.motion.status]!,
    date: orderDate(m.decidedBy!.order),
    window,
    refs: [
      { type: "motion", id: m.motion.id },
      { type: "order", id: m.decidedBy!.order.id, field: "dateSigned" },
    ],
  };
}

/** What ended the challenge: the earlier of a withdrawal and a ruling (a withdrawal when neither is dated). */
export function outcomeOf(withdrawal: Outcome | null, ruling: Outcome | null): Outcome | null {
  if (!withdrawal || !ruling) return withdrawal ?? ruling;
  if (!ruling.window) return withdrawal;
  if (!withdrawal.window) return withdrawal;
  return ruling.window.earliest < withdrawal.window.earliest ? ruling : withdrawal;
}

/** When the last of several demands had been withdrawn: a proceeding over two subpoenas ends with the second. */
export function lastWithdrawal(outcomes: (Outcome | null)[]): Outcome | null {
  if (outcomes.length === 0 || outcomes.some((o) => o === null || o.key !== "withdrawn")) return null;
  const all = outcomes as Outcome[];
  const window = latestWindow(all.map((o) => o.window));
  if (!window || all.some((o) => !o.window))
    return { key: "withdrawn", date: { date: null }, window: null, refs: all.flatMap((o) => o.refs) };
  const own = all.find((o) => o.window!.earliest === window.earliest && o.window!.latest === window.latest);
  return (
    own ?? {
      key: "withdrawn",
      date: { date: window.earliest, latest: window.latest, precision: "range" },
      window,
      refs: all.flatMap((o) => o.refs),
    }
  );
}

/** One instrument's path through the stages, with the days between them. */
export type InstrumentStages = {
  issued: Stage;
  challenge: Challenge | null;
  stay: Stage | null;
  outcome: Outcome | null;
  /** No outcome yet: a motion to quash is pending. */
  pending: boolean;
  spans: {
    issuedToChallenge: DaySpan | null;
    challengeToStay: DaySpan | null;
    challengeToOutcome: DaySpan | null;
    issuedToOutcome: DaySpan | null;
  };
};

export type StagesInput = {
  subpoena: PublicRecord<"subpoena">;
  events: StatusEvent[];
  coverages: StatusCoverage[];
  challenges: PublicRecord<"case">[];
  motions: StatusMotion[];
};

export function instrumentStages(input: StagesInput): InstrumentStages {
  const sp = input.subpoena;
  const issuedDate: FuzzyDate = {
    date: sp.dateIssued,
    latest: sp.dateIssuedLatest,
    precision: sp.dateIssuedPrecision,
    label: sp.dateIssuedLabel,
  };
  const issued: Stage = { date: issuedDate, window: dayWindow(issuedDate), refs: [{ type: "subpoena", id: sp.id, field: "dateIssued" }] };
  const challenge = challengeOf(
    input.challenges,
    input.motions.map((m) => m.motion),
  );
  const stay = stayOf(input.coverages);
  const outcome = outcomeOf(withdrawalOf(input.events), rulingOf(input.motions));
  const pending = !outcome && input.motions.some((m) => m.motion.kind === "motion_to_quash" && m.motion.status === "pending");
  return {
    issued,
    challenge,
    stay,
    outcome,
    pending,
    spans: {
      issuedToChallenge: spanBetween(issued.window, challenge?.window ?? null),
      challengeToStay: spanBetween(challenge?.window ?? null, stay?.window ?? null),
      challengeToOutcome: spanBetween(challenge?.window ?? null, outcome?.window ?? null),
      issuedToOutcome: spanBetween(issued.window, outcome?.window ?? null),
    },
  };
}
