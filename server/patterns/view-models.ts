import { paths } from "../paths";
import { medianSpan, type DaySpan } from "../shared/date-bounds";
import { SUBPOENA_KIND_LABELS, label } from "../shared/labels";
import { chartGeometry } from "./chart";
import type { InstrumentPath, InstrumentPaths } from "./loaders";
import { OUTCOME_LABELS, OUTCOME_TONES, isoOf, precisionNote, spanView, stageView } from "./stage-view";

const orgName = (o: { name: string; shortName: string | null } | null) => (o ? (o.shortName ?? o.name) : null);

const outcomeKeyOf = (p: InstrumentPath) => p.stages.outcome?.key ?? (p.stages.pending ? "pending" : "none");

/** The honest words about one instrument's dates: which are known only to a window, which challenges have none. */
function notesOf(p: InstrumentPath): string[] {
  const st = p.stages;
  const notes = [
    precisionNote("issue date", st.issued.date, st.issued.window),
    st.challenge ? precisionNote("first challenge", st.challenge.date, st.challenge.window) : null,
    st.stay ? precisionNote("first order not to produce", st.stay.date, st.stay.window) : null,
    st.outcome ? precisionNote(st.outcome.key === "withdrawn" ? "withdrawal" : "ruling", st.outcome.date, st.outcome.window) : null,
  ].filter((n): n is string => n !== null);
  if (st.challenge && st.challenge.undated > 0) {
    const of = st.challenge.proceedings;
    notes.push(
      st.challenge.window
        ? `${st.challenge.undated} of the ${of} challenges ${st.challenge.undated === 1 ? "has" : "have"} no filing date on the record, so the first challenge may be earlier`
        : `no challenge has a filing date on the record`,
    );
  }
  return notes.map((n) => n.charAt(0).toUpperCase() + n.slice(1) + ".");
}

/** "Meta · customs summons, Sep 2025": what the chart and its table call an instrument, short enough for a row label. */
function shortLabel(p: InstrumentPath): string {
  const w = p.stages.issued.window;
  const when = w
    ? ` (${new Date(`${w.earliest}T00:00:00Z`).toLocaleString("en-US", { month: "short", year: "numeric", timeZone: "UTC" })})`
    : "";
  return `${orgName(p.recipient) ?? "Recipient unknown"} · ${label(SUBPOENA_KIND_LABELS, p.subpoena.kind).toLowerCase()}${when}`;
}

export function toInstrumentRow(p: InstrumentPath, citations: InstrumentPaths["citations"]) {
  const st = p.stages;
  const key = outcomeKeyOf(p);
  return {
    id: `instrument-${p.subpoena.id}`,
    title: p.subpoena.title,
    shortLabel: shortLabel(p),
    href: paths.subpoena(p.subpoena.slug),
    kind: label(SUBPOENA_KIND_LABELS, p.subpoena.kind),
    issuer: p.issuerName,
    platform: orgName(p.recipient),
    issued: stageView(st.issued, citations),
    challenged: stageView(st.challenge, citations),
    proceedings: p.challenges.map((c) => ({ title: c.caption ?? c.label, href: paths.case(c.slug) })),
    stayed: stageView(st.stay, citations),
    outcome: { key, label: OUTCOME_LABELS[key], tone: OUTCOME_TONES[key], stage: stageView(st.outcome, citations) },
    issuedToChallenge: spanView(st.spans.issuedToChallenge),
    challengeToStay: spanView(st.spans.challengeToStay),
    challengeToOutcome: spanView(st.spans.challengeToOutcome),
    notes: notesOf(p),
  };
}

/**
 * The median time from challenge to withdrawal over every withdrawn instrument whose two dates
 * are on the record, with its bounds (server/shared/date-bounds.ts says why they hold) and the
 * instruments it leaves out and why.
 */
export function withdrawalMedian(instruments: InstrumentPath[]) {
  const withdrawn = instruments.filter((p) => p.stages.outcome?.key === "withdrawn");
  const measured = withdrawn.filter((p) => p.stages.spans.challengeToOutcome);
  const spans = measured.map((p) => p.stages.spans.challengeToOutcome as DaySpan);
  const median = medianSpan(spans);
  const left = withdrawn.filter((p) => !p.stages.spans.challengeToOutcome);
  const undatedChallenges = measured.filter((p) => (p.stages.challenge?.undated ?? 0) > 0).length;
  const imprecise = spans.filter((s) => !s.exact).length;
  const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  return {
    n: median?.n ?? 0,
    known: median !== null,
    exact: median ? median.low === median.high : false,
    low: median ? fmt(median.low) : null,
    high: median ? fmt(median.high) : null,
    midpoint: median ? fmt(median.midpoint) : null,
    noun: median?.n === 1 ? "instrument" : "instruments",
    impreciseText:
      imprecise === 0
        ? null
        : `${imprecise} of the ${spans.length} durations ${imprecise === 1 ? "rests" : "rest"} on a date known only to a window.`,
    undatedChallenges,
    leftOut: left.map((p) => ({
      title: p.subpoena.title,
      href: paths.subpoena(p.subpoena.slug),
      why: p.stages.challenge ? "its challenge or withdrawal has no date on the record" : "no challenge in court is on the record",
    })),
    withdrawnCount: withdrawn.length,
  };
}

export function toPatternsView(data: InstrumentPaths) {
  const rows = data.instruments.map((p) => toInstrumentRow(p, data.citations));
  const chart = chartGeometry(
    data.instruments.map((p) => ({
      label: shortLabel(p),
      issued: p.stages.issued.window,
      challenged: p.stages.challenge?.window ?? null,
      stayed: p.stages.stay?.window ?? null,
      outcome: p.stages.outcome?.window ?? null,
      outcomeKey: outcomeKeyOf(p),
    })),
  );
  const median = withdrawalMedian(data.instruments);
  const counts = Object.entries(OUTCOME_LABELS)
    .map(([key, text]) => ({ key, text, count: rows.filter((r) => r.outcome.key === key).length }))
    .filter((c) => c.count > 0);
  return {
    title: "Patterns: issue, challenge, withdraw",
    rows,
    chart,
    chartSummary: `${rows.length} instruments on one time line. ${counts.map((c) => `${c.text}: ${c.count}`).join("; ")}. The table after the chart gives the same figures, and the one below it every date with its precision and sources.`,
    median,
    counts,
    csvHref: paths.patternsCsv(),
    compareHref: paths.compare(),
  };
}

export type PatternsView = ReturnType<typeof toPatternsView>;

/** The pattern as CSV: one row per instrument, dates as precise as the record, durations as windows. */
export const PATTERN_COLUMNS = [
  "instrument",
  "url",
  "kind",
  "issuer",
  "platform",
  "issued",
  "first_challenge",
  "first_order_not_to_produce",
  "outcome",
  "outcome_date",
  "days_issue_to_challenge_min",
  "days_issue_to_challenge_max",
  "days_challenge_to_order_min",
  "days_challenge_to_order_max",
  "days_challenge_to_outcome_min",
  "days_challenge_to_outcome_max",
  "date_notes",
] as const;

export function patternCsvRows(data: InstrumentPaths, baseUrl: string): string[][] {
  return data.instruments.map((p) => {
    const st = p.stages;
    const span = (s: DaySpan | null) => (s ? [String(s.min), String(s.max)] : ["", ""]);
    return [
      p.subpoena.title,
      `${baseUrl}${paths.subpoena(p.subpoena.slug)}`,
      label(SUBPOENA_KIND_LABELS, p.subpoena.kind),
      p.issuerName ?? "",
      orgName(p.recipient) ?? "",
      isoOf(st.issued.date, st.issued.window),
      st.challenge ? isoOf(st.challenge.date, st.challenge.window) : "",
      st.stay ? isoOf(st.stay.date, st.stay.window) : "",
      OUTCOME_LABELS[outcomeKeyOf(p)],
      st.outcome ? isoOf(st.outcome.date, st.outcome.window) : "",
      ...span(st.spans.issuedToChallenge),
      ...span(st.spans.challengeToStay),
      ...span(st.spans.challengeToOutcome),
      notesOf(p).join(" "),
    ];
  });
}
