import {
  MONDAY,
  SATURDAY,
  SUNDAY,
  THURSDAY,
  fromYmd,
  lastWeekdayOfMonth,
  nthWeekdayOfMonth,
  weekdayOf,
  yearOf,
  type DayNumber,
} from "./civil-date";

/**
 * The legal public holidays of 5 U.S.C. § 6103(a), on the day they are observed.
 *
 * FRCP 6(a)(6)(A) names "the day set aside by statute for observing" each holiday, and the
 * courts close on the observed day, so the observed day is the legal holiday: a fixed-date holiday
 * on a Saturday is observed the Friday before, on a Sunday the Monday after (§ 6103(b), Executive
 * Order 11582). That is how New Year's Day 2022 lands on Friday 2021-12-31.
 *
 * Our own table rather than @18f/us-federal-holidays: it is short, has no UTC/padding traps, and
 * carries the history we need (Veterans Day's Monday years, MLK Day from 1986, Juneteenth from
 * 2021).
 */

/** The Uniform Monday Holiday Act and EO 11582 both took effect in 1971; earlier years differ. */
export const FIRST_HOLIDAY_YEAR = 1971;

export type FederalHoliday = {
  /** The day the courts are closed. */
  observed: DayNumber;
  /** The statutory date; when it differs from `observed` it is a weekend day. */
  actual: DayNumber;
  name: string;
};

/** A holiday's rule: its statutory date in `year`, or undefined in years the holiday did not exist. */
export type DatedRule = { dateIn: (year: number) => DayNumber | undefined };

/** A holiday that exists only from a given year. */
export const since = (first: number, date: (year: number) => DayNumber) => (year: number) => (year >= first ? date(year) : undefined);

/**
 * One year's holidays from a table of rules (this one and California's), built on first use and
 * kept, since a deadline asks about the same year for every day it counts. A rule with no date
 * that year is left out.
 */
export function holidaysByYear<R extends DatedRule, H>(
  rules: readonly R[],
  toHoliday: (rule: R, actual: DayNumber) => H,
): (year: number) => H[] {
  const byYear = new Map<number, H[]>();
  return (year) => {
    let holidays = byYear.get(year);
    if (!holidays) {
      holidays = [];
      for (const rule of rules) {
        const actual = rule.dateIn(year);
        if (actual !== undefined) holidays.push(toHoliday(rule, actual));
      }
      byYear.set(year, holidays);
    }
    return holidays;
  };
}

type HolidayRule = DatedRule & {
  name: string;
  /** Whether a weekend date moves to Friday/Monday; Monday/Thursday holidays never fall on one. */
  fixedDate: boolean;
};

const THIRD = 3;

const RULES: HolidayRule[] = [
  { name: "New Year's Day", fixedDate: true, dateIn: (y) => fromYmd(y, 1, 1) },
  {
    name: "Birthday of Martin Luther King, Jr.",
    fixedDate: false,
    // First observed in 1986 (Pub. L. 98-144).
    dateIn: since(1986, (y) => nthWeekdayOfMonth(y, 1, MONDAY, THIRD)),
  },
  { name: "Washington's Birthday", fixedDate: false, dateIn: (y) => nthWeekdayOfMonth(y, 2, MONDAY, THIRD) },
  { name: "Memorial Day", fixedDate: false, dateIn: (y) => lastWeekdayOfMonth(y, 5, MONDAY) },
  {
    name: "Juneteenth National Independence Day",
    fixedDate: true,
    // Enacted June 17, 2021 (Pub. L. 117-17); first observed Friday 2021-06-18. Never earlier.
    dateIn: since(2021, (y) => fromYmd(y, 6, 19)),
  },
  { name: "Independence Day", fixedDate: true, dateIn: (y) => fromYmd(y, 7, 4) },
  { name: "Labor Day", fixedDate: false, dateIn: (y) => nthWeekdayOfMonth(y, 9, MONDAY, 1) },
  { name: "Columbus Day", fixedDate: false, dateIn: (y) => nthWeekdayOfMonth(y, 10, MONDAY, 2) },
  {
    name: "Veterans Day",
    // 1971–1977 it was the fourth Monday of October; November 11 again from 1978 (Pub. L. 94-97).
    fixedDate: true,
    dateIn: (y) => (y >= 1978 ? fromYmd(y, 11, 11) : nthWeekdayOfMonth(y, 10, MONDAY, 4)),
  },
  { name: "Thanksgiving Day", fixedDate: false, dateIn: (y) => nthWeekdayOfMonth(y, 11, THURSDAY, 4) },
  { name: "Christmas Day", fixedDate: true, dateIn: (y) => fromYmd(y, 12, 25) },
];

/** § 6103(b): Saturday → the Friday before, Sunday → the Monday after. */
export function observedDay(actual: DayNumber): DayNumber {
  const weekday = weekdayOf(actual);
  if (weekday === SATURDAY) return actual - 1;
  if (weekday === SUNDAY) return actual + 1;
  return actual;
}

const holidaysOfYear = holidaysByYear(RULES, (rule, actual): FederalHoliday => ({
  name: rule.name,
  actual,
  observed: rule.fixedDate ? observedDay(actual) : actual,
}));

/**
 * The holidays of one statutory year, on their observed days. New Year's Day of `year` may be
 * observed on December 31 of the year before.
 */
export function federalHolidaysOf(year: number): FederalHoliday[] {
  if (!Number.isInteger(year) || year < FIRST_HOLIDAY_YEAR) {
    throw new RangeError(`federal holidays are modelled from ${FIRST_HOLIDAY_YEAR}; asked for ${year}`);
  }
  return holidaysOfYear(year);
}

export function federalHolidayOn(day: DayNumber): FederalHoliday | undefined {
  const year = yearOf(day);
  // Next year's New Year's Day can be observed on this year's December 31.
  const candidates = [...federalHolidaysOf(year), ...(day === fromYmd(year, 12, 31) ? federalHolidaysOf(year + 1) : [])];
  return candidates.find((holiday) => holiday.observed === day);
}

/**
 * Inauguration Day (§ 6103(c)): January 20 every fourth year from 1965, or Monday the 21st when
 * the 20th is a Sunday. It is a holiday only for federal employees in the D.C. area, so it is not a
 * legal holiday for N.D. Cal. deadlines; we only use it to warn.
 */
export function isInaugurationDay(day: DayNumber): boolean {
  const year = yearOf(day);
  if (year < 1965 || (year - 1965) % 4 !== 0) return false;
  const jan20 = fromYmd(year, 1, 20);
  return day === (weekdayOf(jan20) === SUNDAY ? jan20 + 1 : jan20);
}
