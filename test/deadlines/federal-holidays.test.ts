import { allForYear } from "@18f/us-federal-holidays";
import { describe, expect, it } from "vitest";
import { formatIsoDate, fromYmd, parseIsoDate } from "../../server/deadlines/civil-date";
import { federalHolidayOn, federalHolidaysOf, isInaugurationDay } from "../../server/deadlines/federal-holidays";

const on = (iso: string) => federalHolidayOn(parseIsoDate(iso)!);

describe("5 U.S.C. § 6103 holidays on their observed days", () => {
  it.each([
    ["2021-12-31", "New Year's Day"], // New Year's Day 2022 (a Saturday), observed in the previous year
    ["2021-06-18", "Juneteenth National Independence Day"], // the first one, Saturday → Friday
    ["2022-06-20", "Juneteenth National Independence Day"], // Sunday → Monday
    ["2026-07-03", "Independence Day"], // Saturday → Friday
    ["2023-11-10", "Veterans Day"], // Saturday → Friday
    ["2028-11-10", "Veterans Day"],
    ["2029-11-12", "Veterans Day"], // Sunday → Monday
    ["2022-12-26", "Christmas Day"], // Sunday → Monday
  ])("%s is the observed %s", (iso, name) => {
    const holiday = on(iso);
    expect(holiday?.name).toBe(name);
    expect(holiday?.observed).not.toBe(holiday?.actual);
  });

  it("does not also close the weekend day the holiday moved from", () => {
    for (const iso of ["2022-01-01", "2021-06-19", "2022-06-19", "2026-07-04", "2023-11-11", "2022-12-25"]) {
      expect(on(iso), iso).toBeUndefined();
    }
  });

  it("has no Juneteenth before 2021", () => {
    for (let year = 1971; year <= 2020; year++) {
      expect(federalHolidaysOf(year).map((h) => h.name)).not.toContain("Juneteenth National Independence Day");
    }
    expect(on("2020-06-19")).toBeUndefined();
    expect(on("2019-06-19")).toBeUndefined();
  });

  it("keeps weekday holidays on their actual dates", () => {
    expect(on("2025-11-11")?.name).toBe("Veterans Day");
    expect(on("2025-10-13")?.name).toBe("Columbus Day");
    expect(on("2007-09-03")?.name).toBe("Labor Day");
    expect(on("2025-12-24")).toBeUndefined(); // an executive closure, not a § 6103 holiday
  });

  it("follows the statute's history (MLK Day from 1986, Veterans Day on a Monday in 1971–1977)", () => {
    expect(federalHolidaysOf(1985).map((h) => h.name)).not.toContain("Birthday of Martin Luther King, Jr.");
    expect(formatIsoDate(federalHolidaysOf(1986).find((h) => h.name.startsWith("Birthday"))!.observed)).toBe("1986-01-20");
    expect(formatIsoDate(federalHolidaysOf(1975).find((h) => h.name === "Veterans Day")!.observed)).toBe("1975-10-27");
  });

  it("matches @18f/us-federal-holidays observed dates for 2019–2035", () => {
    for (let year = 2019; year <= 2035; year++) {
      const ours = federalHolidaysOf(year)
        .map((h) => formatIsoDate(h.observed))
        .sort();
      // The package works in local time; its dateString is the local calendar day (and may lack
      // zero padding), so rebuild it rather than reading `date` in any particular zone.
      const theirs = allForYear(year)
        .map((h) => h.dateString.split("-").map(Number) as [number, number, number])
        .map(([y, m, d]) => formatIsoDate(fromYmd(y, m, d)))
        .sort();
      expect(ours, String(year)).toEqual(theirs);
    }
  });

  it("recognises Inauguration Day only in inauguration years, moving a Sunday to Monday", () => {
    expect(isInaugurationDay(parseIsoDate("2033-01-20")!)).toBe(true);
    expect(isInaugurationDay(parseIsoDate("2029-01-20")!)).toBe(true);
    expect(isInaugurationDay(parseIsoDate("2032-01-20")!)).toBe(false);
    expect(isInaugurationDay(parseIsoDate("2013-01-20")!)).toBe(false); // a Sunday
    expect(isInaugurationDay(parseIsoDate("2013-01-21")!)).toBe(true);
  });
});
