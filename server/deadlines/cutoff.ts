import { formatUtcOffset, wallClockToInstant, zoneOffsetMinutes } from "../shared/time-zones";
import type { DayNumber } from "./civil-date";

/** N.D. Cal. sits in California; its clock follows Pacific time, DST included. */
export const COURT_TIME_ZONE = "America/Los_Angeles";

const MS_PER_DAY = 86_400_000;

export type FilingCutoff = {
  /** The instant filing closes, as UTC: `2025-10-03T07:00:00Z`. */
  at: string;
  timeZone: string;
  /** The court's UTC offset at that instant, `-07:00` in summer and `-08:00` in winter. */
  utcOffset: string;
  citation: string;
};

/** The instant a day begins in a zone (its wall-clock midnight), DST included. */
export function startOfDay(day: DayNumber, timeZone: string): number {
  return wallClockToInstant(day * MS_PER_DAY, timeZone);
}

/**
 * The end of the last day for electronic filing: midnight in the court's time zone, i.e. the
 * first instant of the next day there (FRCP 6(a)(4)(A)). A local rule or order can set an earlier
 * hour; this is the rule's default.
 */
export function electronicFilingCutoff(due: DayNumber, timeZone = COURT_TIME_ZONE): FilingCutoff {
  const instant = startOfDay(due + 1, timeZone);
  return {
    at: new Date(instant).toISOString().replace(".000Z", "Z"),
    timeZone,
    utcOffset: formatUtcOffset(zoneOffsetMinutes(instant, timeZone)),
    citation: "FRCP 6(a)(4)(A)",
  };
}
