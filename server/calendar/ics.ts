import ical, { escape, ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from "ical-generator";
import { paths } from "../paths";
import type { PublicRecord } from "../privacy/projection";
import { courtTimeToInstant } from "../shared/court-time";
import type { CalendarData } from "./loaders";
import { calendarLine, calendarText } from "./plain-text";
import { calendarDeadlineView, caseTimeZone, caseTitle, toHearingView } from "./view-models";

/**
 * iCalendar feeds of the deadlines and hearings, for calendar apps to subscribe to. Each
 * subscription refresh replaces the whole feed, so:
 * - a superseded deadline is left out: the court-ordered one that replaced it is in the feed
 *   and says which date it replaced; two events for one filing would send people to the wrong day;
 * - a vacated deadline stays, marked STATUS:CANCELLED and "(vacated)" in its title, because it has
 *   no replacement and whoever saw it on their calendar needs to learn it no longer runs (apps
 *   that ignore STATUS still show the word);
 * - a hearing whose day is not known is left out rather than put on a guessed day.
 * Every text value is plain text (calendarText: no markup, no control characters) and escaped
 * as RFC 5545 asks, so a line break in a caption cannot end the calendar and start a fake event.
 * UIDs are stable and unique across installations (`deadline-<id>@<PUBLIC_URL's host>`), SEQUENCE
 * counts the record's revisions (its version less one) and LAST-MODIFIED / DTSTAMP carry its last
 * change, so apps update an event in place rather than keep a stale copy (RFC 5545 3.8.7.4).
 * The calendar is METHOD:PUBLISH: a published schedule, not an invitation.
 */

/** How long a timed hearing is shown: the record has its start, never its end (RFC 5545 asks for one). */
export const HEARING_SHOWN_MINUTES = 60;

export type FeedOptions = {
  name: string;
  description: string;
  /** The public site's base URL (config.publicUrl), for links in the events. */
  baseUrl: string;
  /** The page the feed belongs to. */
  pagePath: string;
};

const HEARING_STATUS: Record<string, ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.CONFIRMED,
  vacated: ICalEventStatus.CANCELLED,
  continued: ICalEventStatus.CANCELLED,
  unknown: ICalEventStatus.TENTATIVE,
};

const utcMidnight = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The host part of the public address, so two installations never give two events one UID. */
const uidHost = (baseUrl: string) => new URL(baseUrl).hostname;

function caseName(data: CalendarData, caseId: number | null): string {
  const kase = caseId !== null ? data.cases.get(caseId) : undefined;
  return kase ? caseTitle(kase) : "no case";
}

function caseLink(data: CalendarData, caseId: number | null, baseUrl: string, anchor: string): string {
  const kase = caseId !== null ? data.cases.get(caseId) : undefined;
  return kase ? `${baseUrl}${paths.case(kase.slug)}#${anchor}` : `${baseUrl}${paths.calendar()}#${anchor}`;
}

function addDeadline(cal: ICalCalendar, data: CalendarData, dl: PublicRecord<"deadline">, baseUrl: string) {
  const view = calendarDeadlineView(dl, data);
  const link = caseLink(data, dl.caseId, baseUrl, view.anchor);
  const suffix = dl.status === "vacated" ? " (vacated)" : dl.status === "met" ? " (met)" : "";
  const lines = [
    view.motionTitle ? `Motion: ${view.motionTitle}` : null,
    `Due: ${view.due.text}`,
    view.cutoff ? `E-filing cut-off: ${view.cutoff.text} (${view.cutoff.citation})` : view.notFiling,
    view.rule ? `Rule: ${view.rule.citation}${view.rule.summary ? ` — ${view.rule.summary}` : ""}` : null,
    view.order ? `${view.origin}: ${view.order.title}` : view.origin,
    ...view.replaced.map((r) => `Replaces ${r.due.text} (${r.what})`),
    ...view.warnings.map((w) => `Note: ${w}`),
    `Status: ${view.status}`,
    link,
  ];
  cal.createEvent({
    id: `deadline-${dl.id}@${uidHost(baseUrl)}`,
    sequence: Math.max(0, dl.version - 1),
    start: utcMidnight(dl.dateDue),
    allDay: true,
    summary: calendarLine(`${dl.label} — ${caseName(data, dl.caseId)}${suffix}`),
    description: calendarText(lines.filter((l): l is string => Boolean(l)).join("\n")),
    url: link,
    status: dl.status === "vacated" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    stamp: new Date(dl.updatedAt),
    lastModified: new Date(dl.updatedAt),
  });
}

function addHearing(cal: ICalCalendar, data: CalendarData, h: PublicRecord<"hearing">, baseUrl: string) {
  const view = toHearingView(h, data);
  if (!view.exact || !h.date) return;
  const link = caseLink(data, h.caseId, baseUrl, view.anchor);
  const at = h.time ? courtTimeToInstant(h.date, h.time, caseTimeZone(data, h.caseId)) : undefined;
  const cancelled = h.status === "vacated" || h.status === "continued";
  const lines = [
    view.motionTitle ? `Motion: ${view.motionTitle}` : null,
    `Date: ${view.date.text}${view.time ? `, ${view.time}` : ", time not recorded"}`,
    at ? `Shown as ${HEARING_SHOWN_MINUTES} minutes: the record has the hearing's start, not its end.` : null,
    view.place ? `Place: ${view.place}` : null,
    `Status: ${view.status}`,
    link,
  ];
  cal.createEvent({
    id: `hearing-${h.id}@${uidHost(baseUrl)}`,
    sequence: Math.max(0, h.version - 1),
    // A timed hearing is a UTC instant with an end an hour on (the description says so); an all-day one needs none.
    start: at ?? utcMidnight(h.date),
    ...(at ? { end: new Date(at.getTime() + HEARING_SHOWN_MINUTES * 60_000) } : {}),
    allDay: at === undefined,
    summary: calendarLine(`${h.title} — ${caseName(data, h.caseId)}${cancelled ? ` (${view.status.toLowerCase()})` : ""}`),
    description: calendarText(lines.filter((l): l is string => Boolean(l)).join("\n")),
    location: h.place === null ? null : calendarLine(h.place),
    url: link,
    status: HEARING_STATUS[h.status] ?? ICalEventStatus.TENTATIVE,
    stamp: new Date(h.updatedAt),
    lastModified: new Date(h.updatedAt),
  });
}

export function toIcs(data: CalendarData, options: FeedOptions): string {
  const deadlines = data.deadlines.filter((dl) => dl.status !== "superseded");
  const hearings = data.hearings.filter((h) => toHearingView(h, data).exact && h.date);
  // An empty calendar looks like a broken subscription; say that the record holds nothing yet.
  const description =
    deadlines.length + hearings.length === 0
      ? `${options.description} The record holds no deadlines or hearings with a known day yet.`
      : options.description;
  const cal = ical({
    method: ICalCalendarMethod.PUBLISH,
    // The library writes the calendar's own name and description (NAME, X-WR-CALNAME,
    // X-WR-CALDESC) as given, so they are escaped here; event properties it escapes itself.
    name: escape(calendarLine(options.name), false),
    description: escape(calendarText(description), false),
    prodId: { company: "quash", product: "docket-tracker", language: "EN" },
    url: `${options.baseUrl}${options.pagePath}`,
    // Asks subscribing apps to refresh hourly (REFRESH-INTERVAL, X-PUBLISHED-TTL).
    ttl: 60 * 60,
  });
  for (const dl of deadlines) addDeadline(cal, data, dl, options.baseUrl);
  for (const h of hearings) addHearing(cal, data, h, options.baseUrl);
  // RFC 5545 ends every content line, the last one included, with CRLF; the library leaves the last bare.
  const text = cal.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
