/**
 * Hearing times are stored as the court's wall clock ("10:00"). Feeds send them as UTC instants
 * (no VTIMEZONE block to maintain); this converts through the zone database (Intl), so DST is
 * whatever the zone says it was on that day.
 */
import { wallClockToInstant } from "./time-zones";

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant a court-local date and "HH:MM" time names, or undefined for a malformed time. */
export function courtTimeToInstant(date: string, time: string, timeZone: string): Date | undefined {
  const clock = CLOCK_TIME.exec(time);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!clock || !day) return undefined;
  const wall = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), Number(clock[1]), Number(clock[2]));
  return new Date(wallClockToInstant(wall, timeZone));
}

const ZONE_WORDS: Record<string, string> = {
  "America/Los_Angeles": "Pacific",
  "America/Denver": "Mountain",
  "America/Phoenix": "Mountain (Arizona)",
  "America/Chicago": "Central",
  "America/New_York": "Eastern",
  "America/Anchorage": "Alaska",
  "Pacific/Honolulu": "Hawaii",
};

/** "Pacific" for America/Los_Angeles; the zone's own name when it has no common one. */
export function zoneWords(timeZone: string): string {
  return ZONE_WORDS[timeZone] ?? timeZone;
}

/** "10:00" → "10:00 a.m. Pacific"; anything else is printed as stored. */
export function formatCourtTime(time: string, timeZone: string): string {
  const clock = CLOCK_TIME.exec(time);
  if (!clock) return time;
  const hour = Number(clock[1]);
  const suffix = hour < 12 ? "a.m." : "p.m.";
  return `${hour % 12 === 0 ? 12 : hour % 12}:${clock[2]} ${suffix} ${zoneWords(timeZone)}`;
}
