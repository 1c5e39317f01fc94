import { describe, expect, it } from "vitest";
import { dayWindow, earliestWindow, latestWindow, medianSpan, spanBetween, spanText } from "../../server/shared/date-bounds";

describe("durations between dates known only to a window", () => {
  it("turns each precision into the days it allows", () => {
    expect(dayWindow({ date: "2025-09-18", precision: "day" })).toEqual({ earliest: "2025-09-18", latest: "2025-09-18", exact: true });
    expect(dayWindow({ date: "2025-11-01", precision: "month" })).toEqual({ earliest: "2025-11-01", latest: "2025-11-30", exact: false });
    expect(dayWindow({ date: "2024-02-01", precision: "month" })?.latest).toBe("2024-02-29");
    expect(dayWindow({ date: "2026-01-01", precision: "year" })?.latest).toBe("2026-12-31");
    expect(dayWindow({ date: "2025-10-13", latest: "2025-10-17", precision: "range" })).toEqual({
      earliest: "2025-10-13",
      latest: "2025-10-17",
      exact: false,
    });
    expect(dayWindow({ date: "2025-09-09", latest: "2025-09-30", precision: "weekday" })?.latest).toBe("2025-09-30");
    // Too open to measure, or not known at all.
    expect(dayWindow({ date: "2025-09-03", precision: "range" })).toBeNull();
    expect(dayWindow({ date: "2025-09-03", precision: "unknown" })).toBeNull();
    expect(dayWindow({ date: null })).toBeNull();
  });

  it("counts the fewest and the most days, never fewer than none", () => {
    const challenge = dayWindow({ date: "2025-09-18", precision: "day" });
    const withdrawal = dayWindow({ date: "2025-11-01", precision: "month" });
    expect(spanBetween(challenge, withdrawal)).toEqual({ min: 44, max: 73, exact: false });
    expect(spanText(spanBetween(challenge, withdrawal)!)).toBe("44–73 days");
    // Both in March 2026: the withdrawal may have come the same day, or 30 days later.
    const march = dayWindow({ date: "2026-03-01", precision: "month" });
    expect(spanBetween(march, march)).toEqual({ min: 0, max: 30, exact: false });
    const day = dayWindow({ date: "2026-02-02" });
    expect(spanText(spanBetween(day, dayWindow({ date: "2026-02-05" }))!)).toBe("3 days");
    expect(spanText(spanBetween(day, dayWindow({ date: "2026-02-03" }))!)).toBe("1 day");
    expect(spanBetween(day, null)).toBeNull();
  });

  it("finds the first and the last of several windows", () => {
    const a = dayWindow({ date: "2025-09-09", latest: "2025-09-30", precision: "range" });
    const b = dayWindow({ date: "2025-09-18" });
    expect(earliestWindow([a, b, null])).toEqual({ earliest: "2025-09-09", latest: "2025-09-18", exact: false });
    expect(latestWindow([a, b])).toEqual({ earliest: "2025-09-18", latest: "2025-09-30", exact: false });
    expect(earliestWindow([null])).toBeNull();
  });

  it("bounds the median by the medians of the fewest and the most days", () => {
    const spans = [
      { min: 44, max: 73, exact: false },
      { min: 91, max: 95, exact: false },
      { min: 3, max: 3, exact: true },
      { min: 0, max: 30, exact: false },
    ];
    expect(medianSpan(spans)).toEqual({ n: 4, low: 23.5, high: 51.5, midpoint: 36.75 });
    expect(medianSpan(spans.slice(0, 3))).toEqual({ n: 3, low: 44, high: 73, midpoint: 58.5 });
    expect(medianSpan([])).toBeNull();
  });
});
