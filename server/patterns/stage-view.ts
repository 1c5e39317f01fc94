import { spanText, type DaySpan, type DayWindow } from "../shared/date-bounds";
import { viewDate, type FuzzyDate } from "../shared/dates";
import { isInferred, markersFor, refKey, type Citation, type SourceMarker } from "../sources/markers";
import type { StatusSourceRef } from "../status/subpoena-status";
import type { OutcomeKey, Stage } from "./stages";

/*
 * How the comparison and the pattern print a stage: its date with its real precision, whether
 * a source marks it inferred, the sources behind it, and the honest words for a date known only
 * to a month or a window. Shared by /compare and /patterns so both say the same thing.
 */

export const OUTCOME_LABELS: Record<OutcomeKey | "pending" | "none", string> = {
  withdrawn: "Withdrawn",
  quashed: "Quashed",
  quashed_in_part: "Quashed in part",
  enforced: "Enforced",
  pending: "Pending",
  none: "No outcome on the record",
};

export const OUTCOME_TONES: Record<OutcomeKey | "pending" | "none", "ok" | "warn" | "accent" | "muted"> = {
  withdrawn: "ok",
  quashed: "ok",
  quashed_in_part: "ok",
  enforced: "warn",
  pending: "accent",
  none: "muted",
};

/** Markers of the records a stage rests on, one per source. */
export function refMarkers(refs: StatusSourceRef[], citations: Map<string, Citation[]>): SourceMarker[] {
  const seen = new Set<string>();
  const out: SourceMarker[] = [];
  for (const ref of refs) {
    for (const marker of markersFor(citations.get(refKey(ref.type, ref.id)), ref.field)) {
      if (seen.has(marker.tag)) continue;
      seen.add(marker.tag);
      out.push(marker);
    }
  }
  return out;
}

function refsInferred(refs: StatusSourceRef[], citations: Map<string, Citation[]>): boolean {
  return refs.some((r) => r.field && isInferred(citations.get(refKey(r.type, r.id)), r.field));
}

const PRECISION_WORDS: Record<string, string> = {
  month: "only to the month",
  year: "only to the year",
  weekday: "only to a weekday within a few weeks",
  range: "only to a range of days",
};

/** "dated only to the month (November 2025)", or null for a date known to the day. */
export function precisionNote(what: string, date: FuzzyDate, window: DayWindow | null): string | null {
  if (!window || window.exact) return null;
  const words = PRECISION_WORDS[date.precision ?? "range"] ?? PRECISION_WORDS.range!;
  return `the ${what} is dated ${words}: ${viewDate(date).text}`;
}

/** A stage as a table cell prints it. */
export function stageView(stage: Stage | null, citations: Map<string, Citation[]>) {
  if (!stage) return null;
  return {
    date: viewDate(stage.date),
    inferred: refsInferred(stage.refs, citations),
    sources: refMarkers(stage.refs, citations),
  };
}

/** A duration as printed: "3 days" or "44–73 days", with "about" words when it is a range. */
export function spanView(span: DaySpan | null) {
  if (!span) return null;
  return { text: spanText(span), exact: span.min === span.max, min: span.min, max: span.max };
}

/**
 * A date as a CSV cell: ISO 8601 to the precision the record has ("2025-09-18", "2025-11",
 * "2026", or an interval "2025-10-13/2025-10-17"); empty when unknown.
 */
export function isoOf(date: FuzzyDate, window: DayWindow | null): string {
  if (!window || !date.date) return "";
  if (window.exact) return window.earliest;
  switch (date.precision) {
    case "month":
      return date.date.slice(0, 7);
    case "year":
      return date.date.slice(0, 4);
    default:
      return `${window.earliest}/${window.latest}`;
  }
}
