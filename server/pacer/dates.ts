import { PacerInputError } from "./errors";
import { formatUtcOffset, wallClockToInstant } from "../shared/time-zones";

/**
 * Dates in PACER documents. Calendar dates stay calendar strings (`YYYY-MM-DD`): they are never
 * turned into a `Date`, so the machine's time zone cannot shift them by a day. RSS timestamps
 * carry a US zone abbreviation, resolved through the IANA zone database (Intl).
 */

/** The date pattern juriscraper uses after labels like "Date Filed:" (digits, slashes, dashes). */
export const DATE_CHARS = "[—\\d\\-–/]+";

const DASHES = /[–—‐‑‒―]/g;
const MDY = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` for a valid calendar date, else null. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1) return null;
  const max = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > max) return null;
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/**
 * A PACER date (`01/09/2009`, `1/9/2009`, `2009-01-09`, with en or em dashes allowed) as
 * `YYYY-MM-DD`, or null when it is not one. Two-digit years are refused rather than guessed:
 * the century would depend on the day the parser runs.
 */
export function parsePacerDate(raw: string): string | null {
  const s = raw.replace(/[()]/g, "").replace(DASHES, "-").trim();
  const mdy = MDY.exec(s);
  if (mdy) return isoDate(Number(mdy[3]), Number(mdy[1]), Number(mdy[2]));
  const ymd = YMD.exec(s);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  return null;
}

const FIRST_DATE = /(\d{1,2})[/\-–—](\d{1,2})[/\-–—](\d{4})/;

/** The first `M/D/YYYY` date anywhere in a cell's text (docket entry date column). */
export function findPacerDate(text: string): string | null {
  const m = FIRST_DATE.exec(text);
  return m ? isoDate(Number(m[3]), Number(m[1]), Number(m[2])) : null;
}

/**
 * US zone abbreviations accepted in RSS `pubDate`s (the list juriscraper accepts). A standard
 * time abbreviation names its offset (Arizona writes MST all year); a daylight-saving one is
 * resolved through its zone for that date, as the reference does.
 */
const STANDARD_OFFSETS: Record<string, number> = {
  EST: -300,
  CST: -360,
  MST: -420,
  PST: -480,
  AKST: -540,
  HST: -600,
  AST: -240,
  CHST: 600,
  SST: -660,
};
const DAYLIGHT_ZONES: Record<string, string> = {
  EDT: "America/New_York",
  CDT: "America/Chicago",
  MDT: "America/Denver",
  PDT: "America/Los_Angeles",
  AKDT: "America/Anchorage",
  HDT: "Pacific/Honolulu",
};
const UTC_NAMES = new Set(["GMT", "UTC", "UT", "Z"]);

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// "Thu, 19 Apr 2018 18:21:31 GMT" (RFC 822 as PACER writes it). The weekday is optional and,
// as for the reference's date reader, may be spelled out ("Thursday,"): it is not read.
const RFC822 =
  /^(?:[A-Za-z]+\.?,?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([A-Za-z]+|[+-]\d{4})?$/;

export type ZonedDateTime = {
  /** ISO 8601 with a numeric offset, e.g. `2018-04-19T18:21:31+00:00`. */
  iso: string;
  /** The instant, for comparing two timestamps written in different zones. */
  epochMs: number;
};

/**
 * An RSS `pubDate` as an ISO 8601 date-time with the offset of its US zone. Throws
 * `PacerInputError` for a zone outside the US list or a date that cannot be read, because a
 * wrong offset would silently move entries across days.
 */
export function parseRssDateTime(raw: string): ZonedDateTime {
  const m = RFC822.exec(raw.trim());
  const month = m ? MONTHS[m[2]!.toLowerCase()] : undefined;
  if (!m || month === undefined) throw new PacerInputError(`unreadable RSS date "${raw.trim()}"`);
  const [year, day, hour, minute, second] = [m[3], m[1], m[4], m[5], m[6] ?? "0"].map(Number) as [number, number, number, number, number];
  const date = isoDate(year, month, day);
  if (!date || hour > 23 || minute > 59 || second > 59) {
    throw new PacerInputError(`unreadable RSS date "${raw.trim()}"`);
  }
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const zone = m[7];
  let offset: number;
  if (zone === undefined) {
    throw new PacerInputError(`RSS date "${raw.trim()}" has no time zone`);
  } else if (/^[+-]\d{4}$/.test(zone)) {
    offset = (zone[0] === "-" ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3)));
  } else if (UTC_NAMES.has(zone.toUpperCase())) {
    offset = 0;
  } else if (STANDARD_OFFSETS[zone.toUpperCase()] !== undefined) {
    offset = STANDARD_OFFSETS[zone.toUpperCase()]!;
  } else {
    const iana = DAYLIGHT_ZONES[zone.toUpperCase()];
    if (!iana) throw new PacerInputError(`RSS date "${raw.trim()}" uses time zone "${zone}", which is not a US zone`);
    offset = (wallAsUtc - wallClockToInstant(wallAsUtc, iana)) / 60_000;
  }
  return {
    iso: `${date}T${pad2(hour)}:${pad2(minute)}:${pad2(second)}${formatUtcOffset(offset)}`,
    epochMs: wallAsUtc - offset * 60_000,
  };
}
