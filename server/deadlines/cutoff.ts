import type { DayNumber } from "./civil-date";

/** N.D. Cal. sits in California; its clock follows Pacific time, DST included. */
export const COURT_TIME_ZONE = "America/Los_Angeles";

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

export type FilingCutoff = {
  /** The instant filing closes, as UTC: `2025-10-03T07:00:00Z`. */
  at: string;
  timeZone: string;
  /** The court's UTC offset at that instant, `-07:00` in summer and `-08:00` in winter. */
  utcOffset: string;
  citation: string;
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in minutes (negative in America). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wallClockAsUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wallClockAsUtc - instant) / MS_PER_MINUTE);
}

/**
 * The instant a day begins in a zone. The zone database (through Intl), not hand-written DST
 * rules, decides the offset: read it once at a first guess, then again at the corrected instant
 * in case a DST change lies between the two.
 */
export function startOfDay(day: DayNumber, timeZone: string): number {
  const wallClockMidnight = day * MS_PER_DAY;
  const guess = wallClockMidnight - offsetMinutes(wallClockMidnight, timeZone) * MS_PER_MINUTE;
  return wallClockMidnight - offsetMinutes(guess, timeZone) * MS_PER_MINUTE;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
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
    utcOffset: formatOffset(offsetMinutes(instant, timeZone)),
    citation: "FRCP 6(a)(4)(A)",
  };
}
