import {
  FRIDAY,
  MONDAY,
  SUNDAY,
  THURSDAY,
  fromYmd,
  lastWeekdayOfMonth,
  nthWeekdayOfMonth,
  parseIsoDate,
  weekdayOf,
  yearOf,
  type DayNumber,
} from "./civil-date";
import { holidaysByYear, observedDay, since, type DatedRule } from "./federal-holidays";

/**
 * California's holidays, for FRCP 6(a)(6)(C): "for periods that are measured after an event, any
 * other day declared a holiday by the state where the district court is located".
 *
 * Only forward periods may use these, and which of them count is unsettled (holidays only some
 * employees get, new ones like Lunar New Year), so the calculator's safe date ignores them unless
 * asked and otherwise offers the later date as an alternative a party could argue for.
 *
 * The list is Cal. Gov. Code § 6700(a) (full days only) with § 6701's weekend moves, plus the day
 * after Thanksgiving, which Cal. Civ. Proc. Code § 135 makes a judicial holiday. Left out, on
 * purpose: every Sunday and Saturday (already closed under 6(a)(1)(C)); Good Friday noon–3 p.m.
 * (not a full day); days appointed by the Governor (one-off, none researched); and Diwali, added
 * by AB 268 (2025), for which we have no researched date table yet.
 */

export type CaliforniaHoliday = {
  day: DayNumber;
  name: string;
  citation: string;
};

type StateRule = DatedRule & {
  name: string;
  citation: string;
  /** Gov. Code § 6701 moves only some fixed dates off a weekend. */
  weekendMove?: "sunday-to-monday" | "sunday-to-monday-saturday-to-friday";
};

const GOV_6700 = "Cal. Gov. Code § 6700(a)";

/**
 * Lunar New Year is defined astronomically (§ 6700(a)(4): the second new moon after the winter
 * solstice). ICU's Chinese calendar in Node gets 2027 and 2030 wrong by a day, so we keep the
 * published dates instead (factmonster.com/id/A0192339, topmarks.co.uk "When is Chinese New
 * Year?"). Years past the table have no Lunar New Year here; extend it before 2036.
 */
const LUNAR_NEW_YEAR: ReadonlyMap<number, DayNumber> = new Map(
  [
    "2023-01-22",
    "2024-02-10",
    "2025-01-29",
    "2026-02-17",
    "2027-02-06",
    "2028-01-26",
    "2029-02-13",
    "2030-02-03",
    "2031-01-23",
    "2032-02-11",
    "2033-01-31",
    "2034-02-19",
    "2035-02-08",
  ].map((iso) => {
    const day = parseIsoDate(iso)!;
    return [yearOf(day), day];
  }),
);

const RULES: StateRule[] = [
  { name: "New Year's Day", citation: GOV_6700, dateIn: (y) => fromYmd(y, 1, 1), weekendMove: "sunday-to-monday" },
  {
    name: "Dr. Martin Luther King, Jr. Day",
    citation: GOV_6700,
    dateIn: since(1986, (y) => nthWeekdayOfMonth(y, 1, MONDAY, 3)),
  },
  // Lunar New Year, Genocide Remembrance Day and Juneteenth were added by the 2022 session
  // (AB 2596, AB 1801, AB 1655) and apply from 2023; the Lunar New Year table starts there.
  { name: "Lunar New Year", citation: GOV_6700, dateIn: (y) => LUNAR_NEW_YEAR.get(y) },
  { name: "Lincoln Day", citation: GOV_6700, dateIn: (y) => fromYmd(y, 2, 12), weekendMove: "sunday-to-monday" },
  { name: "Washington's Birthday", citation: GOV_6700, dateIn: (y) => nthWeekdayOfMonth(y, 2, MONDAY, 3) },
  {
    name: "Cesar Chavez Day",
    citation: GOV_6700,
    // Created in 2000, first observed March 31, 2001.
    dateIn: since(2001, (y) => fromYmd(y, 3, 31)),
    weekendMove: "sunday-to-monday",
  },
  { name: "Genocide Remembrance Day", citation: GOV_6700, dateIn: since(2023, (y) => fromYmd(y, 4, 24)) },
  { name: "Memorial Day", citation: GOV_6700, dateIn: (y) => lastWeekdayOfMonth(y, 5, MONDAY) },
  { name: "Juneteenth", citation: GOV_6700, dateIn: since(2023, (y) => fromYmd(y, 6, 19)) },
  { name: "Independence Day", citation: GOV_6700, dateIn: (y) => fromYmd(y, 7, 4), weekendMove: "sunday-to-monday" },
  { name: "Labor Day", citation: GOV_6700, dateIn: (y) => nthWeekdayOfMonth(y, 9, MONDAY, 1) },
  { name: "Admission Day", citation: GOV_6700, dateIn: (y) => fromYmd(y, 9, 9), weekendMove: "sunday-to-monday" },
  {
    name: "Native American Day",
    citation: GOV_6700,
    // A § 6700 holiday since AB 1973 (2014).
    dateIn: since(2015, (y) => nthWeekdayOfMonth(y, 9, FRIDAY, 4)),
  },
  { name: "Columbus Day", citation: GOV_6700, dateIn: (y) => nthWeekdayOfMonth(y, 10, MONDAY, 2) },
  {
    name: "Veterans Day",
    citation: GOV_6700,
    dateIn: (y) => fromYmd(y, 11, 11),
    weekendMove: "sunday-to-monday-saturday-to-friday",
  },
  { name: "Thanksgiving Day", citation: GOV_6700, dateIn: (y) => nthWeekdayOfMonth(y, 11, THURSDAY, 4) },
  {
    name: "Day after Thanksgiving",
    citation: "Cal. Civ. Proc. Code § 135",
    dateIn: (y) => nthWeekdayOfMonth(y, 11, THURSDAY, 4) + 1,
  },
  { name: "Christmas Day", citation: GOV_6700, dateIn: (y) => fromYmd(y, 12, 25), weekendMove: "sunday-to-monday" },
];

function moved(actual: DayNumber, rule: StateRule): DayNumber {
  // Saturday to Friday and Sunday to Monday is the federal rule (5 U.S.C. § 6103(b)).
  if (rule.weekendMove === "sunday-to-monday-saturday-to-friday") return observedDay(actual);
  if (rule.weekendMove === "sunday-to-monday" && weekdayOf(actual) === SUNDAY) return actual + 1;
  return actual;
}

const holidaysOf = holidaysByYear(RULES, (rule, actual): CaliforniaHoliday => ({
  day: moved(actual, rule),
  name: rule.name,
  citation: rule.citation,
}));

/** The California holiday observed on this day, if any. */
export function californiaHolidayOn(day: DayNumber): CaliforniaHoliday | undefined {
  return holidaysOf(yearOf(day)).find((holiday) => holiday.day === day);
}
