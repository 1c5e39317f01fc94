import { parseIsoDate } from "../deadlines/civil-date";
import { paths } from "../paths";
import type { PublicRecord } from "../privacy/projection";
import { COURT_TIME_ZONE } from "../deadlines";
import { formatCourtTime } from "../shared/court-time";
import { viewDate, type DateView } from "../shared/dates";
import { HEARING_STATUS_LABELS, MOTION_STATUS_LABELS, label } from "../shared/labels";
import { markersFor, type SourceMarker, refKey } from "../sources/markers";
import { dayView, deadlineSources, toDeadlineView, type DeadlineView } from "../schedule/deadline-view";
import { isFilingDeadline, motionDeadlineEligibility } from "../schedule/motion-rules";
import { hearingPast, type CalendarData } from "./loaders";

export type HearingView = {
  id: number;
  anchor: string;
  title: string;
  date: DateView;
  /** "Wednesday, January 14, 2026" when the day is known; otherwise the fuzzy date. */
  exact: boolean;
  time: string | null;
  place: string | null;
  status: string;
  motionTitle: string | null;
  /** Why the hearing is not in the iCalendar feed, when it is not. */
  notInFeed: string | null;
  sources: SourceMarker[];
};

type CalendarItem =
  | { isDeadline: true; isHearing: false; anchor: string; sortKey: string; when: string; deadline: DeadlineView; docketHref: string | null }
  | { isDeadline: false; isHearing: true; anchor: string; sortKey: string; when: string; hearing: HearingView };

type CaseGroup = { key: string; title: string; href: string | null; feedHref: string | null; items: CalendarItem[] };

/** Whole days from `from` to `to` (both YYYY-MM-DD), negative when `to` is earlier. */
function daysBetween(from: string, to: string): number {
  return parseIsoDate(to)! - parseIsoDate(from)!;
}

function dueWords(today: string, due: string): string {
  const n = daysBetween(today, due);
  if (n === 0) return "Due today";
  if (n === 1) return "Due tomorrow";
  if (n > 1) return `Due in ${n} days`;
  return n === -1 ? "1 day overdue" : `${-n} days overdue`;
}

function dayWords(today: string, date: string): string {
  const n = daysBetween(today, date);
  return n === 0 ? "Today" : n === 1 ? "Tomorrow" : `In ${n} days`;
}

function hearingWords(today: string, date: string, exact: boolean): string {
  const n = daysBetween(today, date);
  if (!exact) return n < 0 ? "Date passed" : "Day not yet known";
  if (n === 0) return "Today";
  if (n === 1) return "Tomorrow";
  if (n > 1) return `In ${n} days`;
  return `${-n} day${n === -1 ? "" : "s"} ago; not recorded as held`;
}

export function caseTitle(c: PublicRecord<"case">): string {
  return c.caption ?? c.label;
}

/** The time zone of a case's court; N.D. Cal.'s when the court is not known. */
export function caseTimeZone(data: Pick<CalendarData, "cases" | "courts">, caseId: number | null): string {
  const courtId = caseId !== null ? data.cases.get(caseId)?.courtId : null;
  return (courtId ? data.courts.get(courtId)?.timeZone : undefined) ?? COURT_TIME_ZONE;
}

export function toHearingView(h: PublicRecord<"hearing">, data: CalendarData): HearingView {
  const exact = h.date !== null && (h.datePrecision ?? "day") === "day";
  const date = exact
    ? { ...dayView(h.date!), exact: true, known: true }
    : viewDate({ date: h.date, latest: h.dateLatest, precision: h.datePrecision, label: h.dateLabel });
  return {
    id: h.id,
    anchor: `hearing-${h.id}`,
    title: h.title,
    date,
    exact,
    time: h.time ? formatCourtTime(h.time, caseTimeZone(data, h.caseId)) : null,
    place: h.place,
    status: label(HEARING_STATUS_LABELS, h.status),
    motionTitle: h.motionId !== null ? (data.motions.get(h.motionId)?.title ?? null) : null,
    notInFeed: exact ? null : "Not in the calendar feed: the day is not known.",
    sources: markersFor(data.citations.get(refKey("hearing", h.id))),
  };
}

/** The deadline's row on its case's docket page. */
function docketLink(data: CalendarData, dl: PublicRecord<"deadline">): string | null {
  const kase = dl.caseId !== null ? data.cases.get(dl.caseId) : undefined;
  return kase ? paths.deadline(kase.slug, dl.id) : null;
}

/** The deadline as the calendar and feeds show it, with its motion, order and sources. */
export function calendarDeadlineView(dl: PublicRecord<"deadline">, data: CalendarData): DeadlineView {
  const order = dl.orderId !== null ? data.orders.get(dl.orderId) : undefined;
  return toDeadlineView(dl, {
    all: data.deadlines.filter((d) => d.caseId === dl.caseId),
    motion: dl.motionId !== null ? (data.motions.get(dl.motionId) ?? null) : null,
    order: order ? { title: order.title, href: paths.order(order.slug) } : null,
    sources: deadlineSources(dl, data.citations),
    timeZone: caseTimeZone(data, dl.caseId),
  });
}

function groupByCase(items: (CalendarItem & { caseId: number | null })[], data: CalendarData): CaseGroup[] {
  const groups = new Map<string, CaseGroup>();
  for (const item of [...items].sort((a, b) => a.sortKey.localeCompare(b.sortKey))) {
    const kase = item.caseId !== null ? data.cases.get(item.caseId) : undefined;
    const key = kase ? `case-${kase.id}` : "no-case";
    let group = groups.get(key);
    if (!group) {
      group = kase
        ? { key, title: caseTitle(kase), href: paths.case(kase.slug), feedHref: paths.caseCalendarFeed(kase.slug), items: [] }
        : { key, title: "Not tied to a case", href: null, feedHref: null, items: [] };
      groups.set(key, group);
    }
    const { caseId: _caseId, ...rest } = item;
    group.items.push(rest as CalendarItem);
  }
  return [...groups.values()];
}

export type CalendarSections = {
  overdue: CaseGroup[];
  upcoming: CaseGroup[];
  overdueCount: number;
  upcomingCount: number;
};

/**
 * Splits the open deadlines and scheduled hearings around `today` (the court's day): overdue are
 * open deadlines whose day has passed and hearings past their last possible day still marked
 * scheduled; everything else is upcoming. Each list is grouped by case, soonest first.
 */
export function splitCalendar(data: CalendarData, today: string): CalendarSections {
  type Item = CalendarItem & { caseId: number | null };
  const overdue: Item[] = [];
  const upcoming: Item[] = [];
  for (const dl of data.deadlines) {
    if (dl.status !== "open") continue;
    const filing = isFilingDeadline(dl.origin, dl.ruleCode);
    // A hearing floor or submission day that has passed is history, not something overdue.
    if (!filing && dl.dateDue < today) continue;
    const deadline = calendarDeadlineView(dl, data);
    const item: Item = {
      isDeadline: true,
      isHearing: false,
      anchor: deadline.anchor,
      sortKey: `${dl.dateDue}|0|${dl.id}`,
      when: filing ? dueWords(today, dl.dateDue) : dayWords(today, dl.dateDue),
      deadline,
      docketHref: docketLink(data, dl),
      caseId: dl.caseId,
    };
    (dl.dateDue < today ? overdue : upcoming).push(item);
  }
  for (const h of data.hearings) {
    if (h.status !== "scheduled") continue;
    const view = toHearingView(h, data);
    const item: Item = {
      isDeadline: false,
      isHearing: true,
      anchor: view.anchor,
      // Undated hearings sort last.
      sortKey: `${h.date ?? "9999-99-99"}|1|${h.time ?? ""}|${h.id}`,
      when: h.date ? hearingWords(today, h.date, view.exact) : "Date unknown",
      hearing: view,
      caseId: h.caseId,
    };
    (hearingPast(h, today) ? overdue : upcoming).push(item);
  }
  return {
    overdue: groupByCase(overdue, data),
    upcoming: groupByCase(upcoming, data),
    overdueCount: overdue.length,
    upcomingCount: upcoming.length,
  };
}

/** Pending motions the rules gave no deadline, each with the reason ("filing date not known to the day"). */
export function motionsWithoutDeadlines(data: CalendarData) {
  return data.pendingMotions.flatMap((m) => {
    const kase = data.cases.get(m.caseId);
    const eligibility = motionDeadlineEligibility(m, kase?.courtId ?? null);
    if (eligibility.eligible || !eligibility.shown) return [];
    return [
      {
        title: m.title,
        caseTitle: kase ? caseTitle(kase) : null,
        caseHref: kase ? paths.case(kase.slug) : null,
        filed: viewDate({ date: m.dateFiled, latest: m.dateFiledLatest, precision: m.dateFiledPrecision, label: m.dateFiledLabel }),
        status: label(MOTION_STATUS_LABELS, m.status),
        reason: eligibility.reason,
        sources: markersFor(data.citations.get(refKey("motion", m.id)), "dateFiled"),
      },
    ];
  });
}

export function toCalendarView(data: CalendarData, today: string, baseUrl: string) {
  const sections = splitCalendar(data, today);
  const feed = paths.calendarFeed();
  return {
    title: "Calendar",
    today: dayView(today),
    overdue: sections.overdue,
    upcoming: sections.upcoming,
    overdueCountText: `${sections.overdueCount} overdue`,
    upcomingCountText: `${sections.upcomingCount} upcoming`,
    withoutDeadlines: motionsWithoutDeadlines(data),
    calendarUrl: feed,
    calendarTitle: "Quash: every hearing and deadline (iCalendar)",
    feedAbsoluteUrl: `${baseUrl}${feed}`,
    calculatorHref: paths.deadlineCalculator(),
  };
}

export type CalendarView = ReturnType<typeof toCalendarView>;
