import { toCaseListItem } from "../cases/view-models";
import { paths } from "../paths";
import { formatDocketDate, viewDate } from "../shared/dates";
import { DEADLINE_STATUS_LABELS, ENTRY_KIND_LABELS, HEARING_STATUS_LABELS, label } from "../shared/labels";
import { markersFor, refKey } from "../sources/markers";
import { toSubpoenaListItem } from "../subpoenas/view-models";
import type { OverviewData } from "./loaders";

/** Reading order of the case status groups; a label not listed here comes after these. */
const CASE_STATUS_ORDER = ["Motion pending", "Status unknown", "No motion pending", "Closed"];

function caseGroups(d: OverviewData) {
  const labels = [...new Set(d.cases.map((c) => c.status.label))];
  const rank = (l: string) => (CASE_STATUS_ORDER.includes(l) ? CASE_STATUS_ORDER.indexOf(l) : CASE_STATUS_ORDER.length);
  labels.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return labels.map((status, n) => {
    const cases = d.cases.filter((c) => c.status.label === status).map(toCaseListItem);
    const total = d.caseStatusTotals.get(status) ?? cases.length;
    return {
      id: `cases-status-${n + 1}`,
      heading: status,
      cases,
      // Past CASES_PER_STATUS the group shows the first ones and says how many it leaves out.
      more: total > cases.length ? { shown: formatCount(cases.length), total: formatCount(total) } : null,
    };
  });
}

const formatCount = (n: number) => n.toLocaleString("en-US");

function latestView(d: OverviewData) {
  return d.latestEntries.map(({ entry: e, case: c }) => ({
    caseTitle: c.caption ?? c.label,
    caseHref: paths.case(c.slug),
    permalink: paths.entryPermalink(c.slug, e.id),
    number: e.number,
    dateFiled: formatDocketDate(e.dateFiled),
    dateFiledIso: e.dateFiled,
    sealed: e.sealed,
    description: e.description,
    kind: label(ENTRY_KIND_LABELS, e.kind),
    sources: e.sealed ? [] : markersFor(d.citations.get(refKey("entry", e.id))),
  }));
}

function scheduleView(d: OverviewData) {
  return {
    hearings: d.hearings.map(({ hearing: h, case: c }) => ({
      title: h.title,
      date: viewDate({ date: h.date, latest: h.dateLatest, precision: h.datePrecision, label: h.dateLabel }),
      time: h.time,
      place: h.place,
      status: label(HEARING_STATUS_LABELS, h.status),
      case: { title: c.caption ?? c.label, href: paths.case(c.slug) },
      sources: markersFor(d.citations.get(refKey("hearing", h.id))),
    })),
    deadlines: d.deadlines.map(({ deadline: dl, case: c }) => ({
      label: dl.label,
      due: viewDate({ date: dl.dateDue }),
      rule: dl.ruleCitation,
      origin: dl.origin === "court_ordered" ? "set by court order" : dl.origin === "computed" ? "computed from the rule" : "as stated",
      status: label(DEADLINE_STATUS_LABELS, dl.status),
      case: c ? { title: c.caption ?? c.label, href: paths.case(c.slug) } : null,
      sources: markersFor(d.citations.get(refKey("deadline", dl.id))),
    })),
  };
}

export function toOverviewView(d: OverviewData) {
  const schedule = scheduleView(d);
  return {
    title: "Overview",
    feedUrl: paths.feeds.all(),
    feedTitle: "Quash: new entries and events across the cluster",
    today: viewDate({ date: d.today }),
    subpoenas: d.subpoenas.map(toSubpoenaListItem),
    caseGroups: caseGroups(d),
    caseCount: [...d.caseStatusTotals.values()].reduce((a, b) => a + b, 0),
    latest: latestView(d),
    ...schedule,
    nothingScheduled: schedule.hearings.length === 0 && schedule.deadlines.length === 0,
    subpoenasHref: paths.subpoenas(),
    casesHref: paths.cases(),
    timelineHref: paths.timeline(),
    sourcesHref: paths.sources(),
    apiHref: paths.api.root(),
  };
}

export type OverviewView = ReturnType<typeof toOverviewView>;
