/** "Now", injectable so tests run on a fixed clock. */
export type Clock = {
  /** The current instant as an ISO string. */
  now: () => string;
  /** Today's calendar date (YYYY-MM-DD) in the given IANA zone. */
  today: (timeZone?: string) => string;
};

/** The zone today() reads when none is named: the courts of this litigation sit on Pacific time. */
export const DEFAULT_TIME_ZONE = "America/Los_Angeles";

// Building a DateTimeFormat costs far more than formatting with one, and pages ask for today often.
const calendarFormats = new Map<string, Intl.DateTimeFormat>();

function calendarDate(instant: Date, timeZone: string): string {
  let format = calendarFormats.get(timeZone);
  // en-CA formats as YYYY-MM-DD.
  if (!format)
    calendarFormats.set(
      timeZone,
      (format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })),
    );
  return format.format(instant);
}

export const systemClock: Clock = {
  now: () => new Date().toISOString(),
  today: (timeZone = DEFAULT_TIME_ZONE) => calendarDate(new Date(), timeZone),
};

export function fixedClock(iso: string): Clock {
  const instant = new Date(iso);
  return {
    now: () => instant.toISOString(),
    today: (timeZone = DEFAULT_TIME_ZONE) => calendarDate(instant, timeZone),
  };
}
