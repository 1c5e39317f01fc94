/**
 * Offsets of IANA time zones, read from the zone database through Intl, never from
 * hand-written DST rules. Pure: used by the deadline cut-offs, hearing times in feeds and
 * PACER's RSS dates.
 */
const MS_PER_MINUTE = 60_000;
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
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wallClockAsUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return Math.round((wallClockAsUtc - wholeSecond) / MS_PER_MINUTE);
}

/**
 * The instant a wall-clock time in a zone names. `wallClockAsUtcMs` is that wall-clock time
 * read as if it were UTC (`Date.UTC(y, m, d, h, min)`). The offset is read at a first guess,
 * then again at the corrected instant, in case a DST change lies between the two; in a DST
 * overlap the first of the two instants is chosen.
 */
export function wallClockToInstant(wallClockAsUtcMs: number, timeZone: string): number {
  const guess = wallClockAsUtcMs - zoneOffsetMinutes(wallClockAsUtcMs, timeZone) * MS_PER_MINUTE;
  return wallClockAsUtcMs - zoneOffsetMinutes(guess, timeZone) * MS_PER_MINUTE;
}

/** "-07:00" for -420 minutes. */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
