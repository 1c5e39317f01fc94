import { describe, expect, it } from "vitest";
import {
  checkIsoDate,
  formatIsoDate,
  fromYmd,
  lastWeekdayOfMonth,
  MONDAY,
  nthWeekdayOfMonth,
  parseIsoDate,
  THURSDAY,
  weekdayName,
} from "../../server/deadlines/civil-date";

describe("civil dates", () => {
  it("round-trips day numbers and ISO text, including leap days and years before 1970", () => {
    for (const iso of ["1970-01-01", "2024-02-29", "2000-02-29", "1969-12-31", "0050-06-15", "2199-12-31"]) {
      expect(formatIsoDate(parseIsoDate(iso)!)).toBe(iso);
    }
    expect(fromYmd(1970, 1, 2)).toBe(1);
  });

  it("names weekdays without looking at the machine's time zone", () => {
    expect(weekdayName(parseIsoDate("2025-09-18")!)).toBe("Thursday");
    expect(weekdayName(parseIsoDate("2033-01-20")!)).toBe("Thursday");
  });

  it("finds the n-th and last weekday of a month", () => {
    expect(formatIsoDate(nthWeekdayOfMonth(2025, 11, THURSDAY, 4))).toBe("2025-11-27");
    expect(formatIsoDate(nthWeekdayOfMonth(2026, 1, MONDAY, 3))).toBe("2026-01-19");
    expect(formatIsoDate(lastWeekdayOfMonth(2026, 5, MONDAY))).toBe("2026-05-25");
  });

  it.each([
    ["2026-02-30", "not a real date (February 2026 has 28 days)"],
    ["2025-02-29", "February 2025 has 28 days"],
    ["2026-04-31", "April 2026 has 30 days"],
    ["2026-13-01", "no month 13"],
    ["2026-00-10", "no month 0"],
    ["2026-1-5", "YYYY-MM-DD"],
    ["2026-01-05T00:00:00Z", "YYYY-MM-DD"],
    ["", "YYYY-MM-DD"],
  ])("refuses %s instead of normalising it", (text, reason) => {
    const checked = checkIsoDate(text);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toContain(reason);
  });
});
