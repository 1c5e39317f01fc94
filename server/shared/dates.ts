import type { DatePrecision } from "../../db/schema";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day in YYYY-MM-DD form (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

function parts(iso: string) {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return { y, m, d };
}

export function weekdayOf(iso: string): string {
  const { y, m, d } = parts(iso);
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
}

/** "September 19, 2025" */
export function formatDay(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** "09/19/2025", as PACER prints dates on a docket. */
export function formatDocketDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const { y, m, d } = parts(iso);
  return `${String(m).padStart(2, "0")}/${String(d).padStart(2, "0")}/${y}`;
}

export function formatMonth(iso: string): string {
  const { y, m } = parts(iso);
  return `${MONTHS[m - 1]} ${y}`;
}

export type FuzzyDate = {
  date: string | null;
  latest?: string | null;
  precision?: DatePrecision | null;
  label?: string | null;
};

export type DateView = {
  /** What to print: "September 19, 2025", "November 2025", "a Tuesday in September 2025". */
  text: string;
  /** Value for <time datetime>, as precise as the date is known; null when unknown. */
  datetime: string | null;
  /** False when only a month, a weekday or a range is known. */
  exact: boolean;
  known: boolean;
};

/** A date printed with its real precision, never more precise than the record knows. */
export function viewDate(value: FuzzyDate): DateView {
  const { date, latest, label } = value;
  const precision = value.precision ?? (date ? "day" : "unknown");
  if (!date || precision === "unknown") {
    return { text: label ?? "date unknown", datetime: null, exact: false, known: false };
  }
  switch (precision) {
    case "day":
      return { text: formatDay(date), datetime: date, exact: true, known: true };
    case "month":
      return { text: label ?? formatMonth(date), datetime: date.slice(0, 7), exact: false, known: true };
    case "year":
      return { text: label ?? date.slice(0, 4), datetime: date.slice(0, 4), exact: false, known: true };
    case "weekday":
      return { text: label ?? `a ${weekdayOf(date)} in ${formatMonth(date)}`, datetime: date.slice(0, 7), exact: false, known: true };
    case "range":
      return {
        text: label ?? (latest ? `between ${formatDay(date)} and ${formatDay(latest)}` : `on or after ${formatDay(date)}`),
        datetime: null,
        exact: false,
        known: true,
      };
  }
}
