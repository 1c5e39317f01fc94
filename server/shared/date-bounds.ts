import type { FuzzyDate } from "./dates";

/*
 * How long something took, when its dates are known only as well as the record knows them.
 * A date with a precision is a window of possible days: "November 2025" is any day from the
 * 1st to the 30th, "a Tuesday in September 2025" any day of that month's window, a range its
 * two ends. A duration between two windows is then a window too: the fewest days (latest
 * possible start to earliest possible end) and the most (earliest start to latest end). Pure.
 */

/** The days a date may be: [earliest, latest] as YYYY-MM-DD; exact when they are the same day. */
export type DayWindow = { earliest: string; latest: string; exact: boolean };

/** A number of days known to lie between min and max (equal when both dates are exact days). */
export type DaySpan = { min: number; max: number; exact: boolean };

const DAY_MS = 86_400_000;

function lastDayOfMonth(iso: string): string {
  const [y, m] = iso.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${iso.slice(0, 7)}-${String(last).padStart(2, "0")}`;
}

/** The window of days a fuzzy date allows; null when the date is unknown. */
export function dayWindow(d: FuzzyDate): DayWindow | null {
  if (!d.date) return null;
  const precision = d.precision ?? "day";
  let latest: string;
  switch (precision) {
    case "unknown":
      return null;
    case "day":
      latest = d.date;
      break;
    case "month":
      latest = d.latest ?? lastDayOfMonth(d.date);
      break;
    case "year":
      latest = d.latest ?? `${d.date.slice(0, 4)}-12-31`;
      break;
    case "weekday":
      // "a Tuesday in September 2025": the record stores the window when it knows one.
      latest = d.latest ?? lastDayOfMonth(d.date);
      break;
    case "range":
      // A range with no end ("on or after 3 Sep") has no latest day: too open to measure.
      if (!d.latest) return null;
      latest = d.latest;
      break;
  }
  if (latest < d.date) latest = d.date;
  return { earliest: d.date, latest, exact: latest === d.date };
}

/** Whole days from a to b (b later is positive). */
export function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/**
 * Days from a start to an end the record says came after it. Where the windows overlap the
 * fewest days is 0, never negative: the order of the two is a fact the record holds.
 */
export function spanBetween(start: DayWindow | null, end: DayWindow | null): DaySpan | null {
  if (!start || !end) return null;
  const min = Math.max(0, daysFrom(start.latest, end.earliest));
  const max = Math.max(min, daysFrom(start.earliest, end.latest));
  return { min, max, exact: start.exact && end.exact };
}

/** The earliest of several windows: the first of several events, each known to a window. */
export function earliestWindow(windows: (DayWindow | null)[]): DayWindow | null {
  const known = windows.filter((w): w is DayWindow => w !== null);
  if (known.length === 0) return null;
  const earliest = known.reduce((a, w) => (w.earliest < a ? w.earliest : a), known[0]!.earliest);
  const latest = known.reduce((a, w) => (w.latest < a ? w.latest : a), known[0]!.latest);
  return { earliest, latest, exact: earliest === latest };
}

/** The latest of several windows: when the last of several events had happened. */
export function latestWindow(windows: (DayWindow | null)[]): DayWindow | null {
  const known = windows.filter((w): w is DayWindow => w !== null);
  if (known.length === 0) return null;
  const earliest = known.reduce((a, w) => (w.earliest > a ? w.earliest : a), known[0]!.earliest);
  const latest = known.reduce((a, w) => (w.latest > a ? w.latest : a), known[0]!.latest);
  return { earliest, latest, exact: earliest === latest };
}

/** "3 days", "1 day", "44–73 days". */
export function spanText(span: DaySpan): string {
  const unit = (n: number) => (n === 1 ? "day" : "days");
  return span.min === span.max ? `${span.min} ${unit(span.min)}` : `${span.min}–${span.max} ${unit(span.max)}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The median of durations each known only to a window. The median never decreases when one
 * value grows, so with every duration at its fewest days it is as low as it can be, and with
 * every one at its most as high: the true median lies in [median of minima, median of maxima].
 * `midpoint` is the median of each window's middle, a single figure to quote beside the bounds.
 */
export function medianSpan(spans: DaySpan[]): { n: number; low: number; high: number; midpoint: number } | null {
  if (spans.length === 0) return null;
  return {
    n: spans.length,
    low: median(spans.map((s) => s.min)),
    high: median(spans.map((s) => s.max)),
    midpoint: median(spans.map((s) => (s.min + s.max) / 2)),
  };
}
