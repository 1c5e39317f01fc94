/**
 * Calendar dates as whole days since 1970-01-01 ("day numbers").
 *
 * Deadlines are calendar dates, not instants: a local-time `Date` shifts by a day when the
 * machine's zone or DST changes, so every computation here works on integers and only touches
 * `Date` through its UTC methods. The only conversion to an instant is the e-filing cut-off
 * (cutoff.ts).
 */

/** Days since 1970-01-01 (a Thursday). */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

export const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export const SUNDAY = 0;
export const MONDAY = 1;
export const THURSDAY = 4;
export const FRIDAY = 5;
export const SATURDAY = 6;

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export function fromYmd(year: number, month: number, day: number): DayNumber {
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / MS_PER_DAY;
}

export function toYmd(day: DayNumber): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function yearOf(day: DayNumber): number {
  return toYmd(day).year;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

export function isWeekend(day: DayNumber): boolean {
  const weekday = weekdayOf(day);
  return weekday === SATURDAY || weekday === SUNDAY;
}

export function weekdayName(day: DayNumber): string {
  return WEEKDAY_NAMES[weekdayOf(day)]!;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return toYmd(fromYmd(year, month + 1, 0)).day;
}

/** The n-th (1-based) given weekday of a month, e.g. the 3rd Monday of January. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): DayNumber {
  const first = fromYmd(year, month, 1);
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return first + offset + 7 * (n - 1);
}

/** The last given weekday of a month, e.g. the last Monday of May. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: number): DayNumber {
  const last = fromYmd(year, month, daysInMonth(year, month));
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}

export function formatIsoDate(day: DayNumber): string {
  const { year, month, day: dom } = toYmd(day);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(dom).padStart(2, "0")}`;
}

export type IsoDateCheck = { ok: true; day: DayNumber } | { ok: false; message: string };

/**
 * Reads a strict `YYYY-MM-DD` date. Anything else — other shapes, month 13, February 30 — is
 * refused with a reason rather than silently normalised (Date.UTC would turn 2026-02-30 into
 * March 2, which is how wrong deadlines are born).
 */
export function checkIsoDate(text: string): IsoDateCheck {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return { ok: false, message: `"${text}" is not a date in YYYY-MM-DD form` };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const dom = Number(match[3]);
  if (month < 1 || month > 12) return { ok: false, message: `${text} has no month ${month}` };
  const length = daysInMonth(year, month);
  if (dom < 1 || dom > length) {
    return {
      ok: false,
      message: `${text} is not a real date (${MONTH_NAMES[month - 1]} ${year} has ${length} days)`,
    };
  }
  return { ok: true, day: fromYmd(year, month, dom) };
}

export function parseIsoDate(text: string): DayNumber | undefined {
  const checked = checkIsoDate(text);
  return checked.ok ? checked.day : undefined;
}
