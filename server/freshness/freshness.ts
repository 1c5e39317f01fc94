import type { FreshnessRow } from "./repository";

/**
 * How current a docket is, in words for the docket page, the API and the case's feed: when the
 * court's RSS feed was last checked (relative: "12 minutes ago"), when a full docket report and
 * a notice last arrived (dates in the court's zone). A case nothing from PACER ever reached
 * says so: "press reports only". Pure.
 */

export type FreshnessFacts = {
  row: FreshnessRow | undefined;
  watched: boolean;
  /** Some entry of the case came from PACER (a docket report, a notice or a feed). */
  hasCourtRecord: boolean;
  timeZone: string;
  now: string;
};

export type FreshnessView = {
  /** The sentence under the docket's header. */
  text: string;
  /** Whether the text depends on the time of reading (the page is cached per minute then). */
  relative: boolean;
  /** Absolute statement for places read later (the Atom feed's subtitle). */
  absolute: string;
  lastRssCheckAt: string | null;
  lastRssItemAt: string | null;
  lastDocketReportAt: string | null;
  lastDocketReportDate: string | null;
  lastNefAt: string | null;
  watched: boolean;
  basis: "court-record" | "press-only";
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "30 Nov 2026" from a calendar date (YYYY-MM-DD). */
function calendarDay(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** Formatters kept per zone and kind: building an Intl.DateTimeFormat costs more than formatting with one. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "day" | "time", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format =
      kind === "day"
        ? // en-CA gives YYYY-MM-DD.
          new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone })
        : new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone, timeZoneName: "short" });
    formatters.set(key, format);
  }
  return format;
}

/** "30 Nov 2026": the day of an instant in the court's zone. */
export function courtDay(iso: string, timeZone: string): string {
  return calendarDay(formatter("day", timeZone).format(new Date(iso)));
}

function courtMoment(iso: string, timeZone: string): string {
  const time = formatter("time", timeZone).format(new Date(iso));
  return `${time} on ${courtDay(iso, timeZone)}`;
}

/** "just now", "12 minutes ago", "3 hours ago"; past two days, the date. */
export function ago(iso: string, now: string, timeZone: string): string {
  const minutes = Math.floor((new Date(now).getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  return `on ${courtDay(iso, timeZone)}`;
}

export function toFreshnessView(f: FreshnessFacts): FreshnessView {
  const r = f.row;
  const relativeParts: string[] = [];
  const absoluteParts: string[] = [];
  if (r?.lastRssCheckAt) {
    relativeParts.push(`Checked against the court's RSS feed ${ago(r.lastRssCheckAt, f.now, f.timeZone)}`);
    absoluteParts.push(`Checked against the court's RSS feed at ${courtMoment(r.lastRssCheckAt, f.timeZone)}`);
  } else if (f.watched) {
    const words = "Watched: the court's RSS feed has not been checked yet";
    relativeParts.push(words);
    absoluteParts.push(words);
  }
  const later: string[] = [];
  if (r?.lastDocketReportAt)
    later.push(
      `last full docket report imported ${courtDay(r.lastDocketReportAt, f.timeZone)}${r.lastDocketReportDate ? ` (as of ${calendarDay(r.lastDocketReportDate)})` : ""}`,
    );
  else if (r?.lastRssCheckAt || r?.lastNefAt) later.push("no full docket report imported yet");
  if (r?.lastNefAt) later.push(`last notice of electronic filing ${courtDay(r.lastNefAt, f.timeZone)}`);
  const pressOnly = !f.hasCourtRecord && !r?.lastDocketReportAt && !r?.lastNefAt && !r?.lastRssItemAt;
  if (pressOnly && !r?.lastRssCheckAt) {
    const words = f.watched
      ? "; press reports only so far"
      : "Press reports only: this docket has not been checked against the court's record";
    return finish(
      f,
      f.watched ? `${relativeParts[0]}${words}.` : `${words}.`,
      f.watched ? `${absoluteParts[0]}${words}.` : `${words}.`,
      false,
      "press-only",
    );
  }
  if (!r && f.hasCourtRecord) later.push("imported from PACER before freshness was recorded");
  const join = (head: string[]) => {
    const all = [...head, ...later];
    if (all.length === 0) return "";
    const text = all.join("; ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  return finish(f, join(relativeParts), join(absoluteParts), Boolean(r?.lastRssCheckAt), pressOnly ? "press-only" : "court-record");
}

function finish(f: FreshnessFacts, text: string, absolute: string, relative: boolean, basis: FreshnessView["basis"]): FreshnessView {
  const r = f.row;
  return {
    text,
    relative,
    absolute,
    lastRssCheckAt: r?.lastRssCheckAt ?? null,
    lastRssItemAt: r?.lastRssItemAt ?? null,
    lastDocketReportAt: r?.lastDocketReportAt ?? null,
    lastDocketReportDate: r?.lastDocketReportDate ?? null,
    lastNefAt: r?.lastNefAt ?? null,
    watched: f.watched,
    basis,
  };
}
