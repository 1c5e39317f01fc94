import type { FuzzyDate } from "./types";

/*
 * Builders for dates known only roughly. The stored `date` is always the earliest possible
 * calendar day, so fuzzy dates still sort; `latest` closes the window when there is one.
 */

export const day = (date: string, label: string | null = null): FuzzyDate => ({
  date,
  latest: null,
  precision: "day",
  label,
});

/** A month ("2025-11"): the window is the whole month. */
export function month(yearMonth: string, label: string | null = null): FuzzyDate {
  const [year, mon] = yearMonth.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return { date: `${yearMonth}-01`, latest: `${yearMonth}-${String(last).padStart(2, "0")}`, precision: "month", label };
}

export const year = (y: number, label: string | null = null): FuzzyDate => ({
  date: `${y}-01-01`,
  latest: `${y}-12-31`,
  precision: "year",
  label,
});

/** Somewhere between two days. */
export const range = (from: string, to: string, label: string): FuzzyDate => ({
  date: from,
  latest: to,
  precision: "range",
  label,
});

/** "A Tuesday in September 2025": the first and last candidate days, both that weekday. */
export function weekday(from: string, to: string, label: string): FuzzyDate {
  if (weekdayOf(from) !== weekdayOf(to)) throw new Error(`weekday window ${from}…${to} spans two weekdays`);
  return { date: from, latest: to, precision: "weekday", label };
}

export const unknown = (label: string | null = null): FuzzyDate => ({
  date: null,
  latest: null,
  precision: "unknown",
  label,
});

export function weekdayOf(isoDate: string): number {
  return new Date(`${isoDate}T12:00:00Z`).getUTCDay();
}

/** Spreads a fuzzy date into a record's four date columns (`dateFiled`, `dateFiledLatest`, …). */
export function fuzzyColumns<P extends string>(prefix: P, value: FuzzyDate) {
  return {
    [prefix]: value.date,
    [`${prefix}Latest`]: value.latest,
    [`${prefix}Precision`]: value.precision,
    [`${prefix}Label`]: value.label,
  } as { [K in P | `${P}Latest` | `${P}Label`]: string | null } & {
    [K in `${P}Precision`]: FuzzyDate["precision"];
  };
}
