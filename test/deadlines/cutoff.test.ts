import { describe, expect, it } from "vitest";
import { parseIsoDate } from "../../server/deadlines/civil-date";
import { COURT_TIME_ZONE, electronicFilingCutoff } from "../../server/deadlines/cutoff";

const cutoff = (due: string, zone?: string) => electronicFilingCutoff(parseIsoDate(due)!, zone);

describe("e-filing cut-off: midnight at the end of the due day in the court's zone (FRCP 6(a)(4)(A))", () => {
  it.each([
    ["2025-10-02", "2025-10-03T07:00:00Z", "-07:00"], // summer time
    ["2026-01-09", "2026-01-10T08:00:00Z", "-08:00"], // winter time
    ["2026-03-07", "2026-03-08T08:00:00Z", "-08:00"], // DST starts at 2 a.m. the next day
    ["2025-11-01", "2025-11-02T07:00:00Z", "-07:00"], // DST ends at 2 a.m. the next day
    ["2026-03-08", "2026-03-09T07:00:00Z", "-07:00"], // the 23-hour day itself
    ["2025-11-02", "2025-11-03T08:00:00Z", "-08:00"], // the 25-hour day itself
  ])("due %s closes at %s", (due, at, offset) => {
    expect(cutoff(due)).toEqual({ at, timeZone: COURT_TIME_ZONE, utcOffset: offset, citation: "FRCP 6(a)(4)(A)" });
  });

  it("works for other zones too, from the zone database", () => {
    expect(cutoff("2025-10-02", "America/New_York").at).toBe("2025-10-03T04:00:00Z");
    expect(cutoff("2025-10-02", "Pacific/Honolulu").at).toBe("2025-10-03T10:00:00Z");
  });
});
