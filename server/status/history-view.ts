import { markersFor, refKey, type Citation, type SourceMarker } from "../sources/markers";
import type { StatusStep, StepPrecision } from "./history";

/*
 * What pages print for a status history: each step's badge, line, date with its precision and
 * the sources behind it, and one quotable summary line ("Challenged in court, September 18,
 * 2025 → … → Withdrawn, November 2025").
 */

export const PRECISION_WORDS: Record<StepPrecision, string> = {
  day: "exact day",
  month: "month known, not the day",
  year: "year known only",
  approximate: "approximate date",
  unknown: "date not on the record",
};

/** Source markers behind one step, one per source, in the order the step relies on them. */
export function stepMarkers(step: Pick<StatusStep, "sources">, citations: Map<string, Citation[]>): SourceMarker[] {
  const out = new Map<string, SourceMarker>();
  for (const ref of step.sources) {
    for (const marker of markersFor(citations.get(refKey(ref.type, ref.id)), ref.field))
      if (!out.has(marker.tag)) out.set(marker.tag, marker);
  }
  return [...out.values()];
}

export function historySummary(steps: StatusStep[]): string {
  return steps.map((s) => `${s.label}, ${s.date.known ? s.date.text : "date not on the record"}`).join(" → ");
}

/** A status history as a page prints it: the steps oldest first, the last one today's. */
export type StatusHistoryView = {
  summary: string;
  steps: {
    key: string;
    label: string;
    tone: StatusStep["tone"];
    line: string;
    date: StatusStep["date"];
    precision: StatusStep["precision"];
    precisionWords: string;
    inferred: boolean;
    current: boolean;
    sources: SourceMarker[];
  }[];
};

export function toStatusHistoryView(steps: StatusStep[], citations: Map<string, Citation[]>): StatusHistoryView {
  return {
    summary: historySummary(steps),
    steps: steps.map((s, i) => ({
      key: s.key,
      label: s.label,
      tone: s.tone,
      line: s.line,
      date: s.date,
      precision: s.precision,
      precisionWords: PRECISION_WORDS[s.precision],
      inferred: s.inferred,
      current: i === steps.length - 1,
      sources: stepMarkers(s, citations),
    })),
  };
}

/** The same history for the API and feeds: plain data, sources as tags. */
export function toStatusHistoryData(steps: StatusStep[], citations: Map<string, Citation[]>) {
  return steps.map((s) => ({
    key: s.key,
    label: s.label,
    line: s.line,
    date: s.date.known ? s.date.datetime : null,
    dateText: s.date.known ? s.date.text : null,
    datePrecision: s.precision,
    dateInferred: s.inferred,
    sources: stepMarkers(s, citations).map((m) => m.tag),
  }));
}
