import { paths } from "../paths";
import { viewDate } from "../shared/dates";
import { EVENT_KIND_LABELS, label } from "../shared/labels";
import { inferredView } from "../sources/inferred";
import { recordMarkers } from "../sources/record-markers";
import { conflictMarkers, markersFor } from "../sources/markers";
import type { EventPage, TimelineItem, TimelinePage } from "./loaders";
import { bluebookDate, type BluebookCitation } from "../shared/bluebook";
import { citeBox } from "../shared/cite-box";
import { citationTable } from "../sources/citation-table";
import { ORDERING_RULE } from "../shared/date-ordering";
import type { TimelineQuery } from "./schemas";

/** A timeline item's own page: the event's, or the order's for the signing of an order no event tells of. */
export function timelineItemPath(item: TimelineItem): string {
  return item.event ? paths.event(item.event.slug) : paths.order(item.order!.slug);
}

export function toTimelineItem(item: TimelineItem) {
  return {
    anchor: item.anchor,
    href: timelineItemPath(item),
    kind: label(EVENT_KIND_LABELS, item.kind),
    title: item.title,
    description: item.description,
    date: viewDate(item.date),
    dateInferred: inferredView(item.citations, item.dateField),
    dateSources: markersFor(item.citations, item.dateField),
    fromOrder: item.order ? { href: paths.order(item.order.slug) } : null,
    case: item.case ? { title: item.case.caption ?? item.case.label, href: paths.case(item.case.slug) } : null,
    subpoenas: item.subpoenas.map((sp) => ({ title: sp.title, href: paths.subpoena(sp.slug) })),
    sources: recordMarkers(item.citations),
    conflicts: conflictMarkers(item.conflicts),
  };
}

/** Items grouped under the year of their earliest possible day; undated items last. */
function byYear(items: TimelineItem[]) {
  const groups: { id: string; heading: string; items: ReturnType<typeof toTimelineItem>[] }[] = [];
  for (const item of items) {
    const year = item.date.date?.slice(0, 4) ?? null;
    const id = year ? `year-${year}` : "date-unknown";
    let group = groups.find((g) => g.id === id);
    if (!group) groups.push((group = { id, heading: year ?? "Date unknown", items: [] }));
    group.items.push(toTimelineItem(item));
  }
  return groups;
}

export function toTimelineView(t: TimelinePage, query: TimelineQuery, errors: Record<string, string> = {}) {
  const filtered = query.year !== undefined || query.kind !== undefined;
  const n = t.total;
  const name = (c: TimelinePage["next"]) => (c ? `${c.origin}-${c.id}` : undefined);
  return {
    title: query.year !== undefined ? `Timeline, ${query.year}` : "Timeline",
    orderingRule: ORDERING_RULE,
    countText: `${n} ${filtered ? "matching " : ""}${n === 1 ? "item" : "items"}.`,
    groups: byYear(t.items),
    filtered,
    // A bad filter is not applied; say so once above the form, the details sit beside the field.
    errorSummary: Object.keys(errors).length ? "The filter was not applied: correct the field marked below." : null,
    filters: {
      years: t.years.map((y) => ({ value: String(y), selected: query.year === y })),
      kinds: t.kinds.map((k) => ({ value: k, label: label(EVENT_KIND_LABELS, k), selected: query.kind === k })),
      errors,
    },
    // Only a timeline longer than a page has pages; the bundled record's page is unchanged.
    pagination:
      t.next || t.previous
        ? {
            shown: `${t.items.length} of them on this page.`,
            prev: t.previous ? paths.timelinePage({ ...query, before: name(t.previous) }) : null,
            next: t.next ? paths.timelinePage({ ...query, after: name(t.next) }) : null,
          }
        : null,
    clearHref: paths.timeline(),
    apiHref: paths.api.timeline(),
    csvHref: paths.timelineCsv(),
  };
}

/** How an event's fields are named where its sources are listed. */
const EVENT_FIELD_LABELS: Record<string, string> = {
  title: "Title",
  kind: "Kind",
  description: "Description",
  date: "Date",
  caseId: "Case",
  subpoenaId: "Subpoena",
};

/** An event cited by its name on the tracker: "Doe v. DHS, DHS withdraws the summons (Nov. 2025)"; a date it does not know is left out. */
export function eventCitation(page: EventPage): BluebookCitation {
  const { item } = page;
  const when = bluebookDate(item.date);
  const runs = [
    ...(item.case
      ? [
          { text: item.case.caption ?? item.case.label, italic: true },
          { text: ", ", italic: false },
        ]
      : []),
    { text: `${item.title}${when ? ` (${when})` : ""}`, italic: false },
  ];
  return { text: runs.map((r) => r.text).join(""), runs };
}

/** An event's own page (/events/{slug}): the timeline item in full, the orders it tells of with their ECF No., its sources, and "Cite this page". */
export function toEventShowView(page: EventPage, share: { publicUrl: string; retrievedAt: string }) {
  const item = toTimelineItem(page.item);
  const e = page.item.event;
  return {
    ...item,
    title: page.item.case ? `${e.title} — ${page.item.case.caption ?? page.item.case.label}` : e.title,
    heading: e.title,
    court: page.court?.shortName ?? null,
    docketNumber: page.item.case?.docketNumber ?? null,
    judges: [
      ...new Map(
        [...page.judges, ...page.orders.flatMap((o) => (o.judge ? [o.judge] : []))].map((j) => [
          j.id,
          { name: `${j.title} ${j.name}`, href: paths.judge(j.slug) },
        ]),
      ).values(),
    ],
    orders: page.orders.map((o) => ({
      title: o.order.title,
      href: paths.order(o.order.slug),
      // The order's docket entry, when the public may see it: "ECF No. 12", linked to its permalink.
      ecf: o.entry
        ? {
            text: o.entry.number != null ? `ECF No. ${o.entry.number}` : "unnumbered docket entry",
            href: paths.entryPermalink(o.case.slug, o.entry.id),
          }
        : null,
    })),
    timelineHref: paths.timeline(),
    sourcesTable: citationTable(page.item.citations, EVENT_FIELD_LABELS),
    cite: citeBox({
      citation: eventCitation(page),
      permalink: `${share.publicUrl}${paths.event(e.slug)}`,
      changedAt: e.updatedAt,
      retrievedAt: share.retrievedAt,
    }),
  };
}
