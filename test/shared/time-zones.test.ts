import { describe, expect, it } from "vitest";
import { formatUtcOffset, wallClockToInstant, zoneOffsetMinutes } from "../../server/shared/time-zones";

describe("time zones", () => {
  it("reads Pacific offsets in summer and winter", () => {
    expect(zoneOffsetMinutes(Date.UTC(2025, 6, 1, 12), "America/Los_Angeles")).toBe(-420);
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 9, 12), "America/Los_Angeles")).toBe(-480);
  });

  it("turns a wall-clock time into the instant it names, across DST changes", () => {
    // Midnight starting 2026-03-08 (DST begins at 2 a.m. that day) is still PST.
    expect(new Date(wallClockToInstant(Date.UTC(2026, 2, 8), "America/Los_Angeles")).toISOString()).toBe("2026-03-08T08:00:00.000Z");
    // Midnight starting 2025-11-02 (DST ends at 2 a.m. that day) is still PDT.
    expect(new Date(wallClockToInstant(Date.UTC(2025, 10, 2), "America/Los_Angeles")).toISOString()).toBe("2025-11-02T07:00:00.000Z");
    expect(new Date(wallClockToInstant(Date.UTC(2026, 0, 20, 10), "America/New_York")).toISOString()).toBe("2026-01-20T15:00:00.000Z");
  });

  it("formats offsets as ±HH:MM", () => {
    expect(formatUtcOffset(-420)).toBe("-07:00");
    expect(formatUtcOffset(0)).toBe("+00:00");
    expect(formatUtcOffset(330)).toBe("+05:30");
  });
});
