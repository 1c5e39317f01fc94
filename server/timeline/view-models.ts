import { paths } from "../paths";
import { viewDate } from "../shared/dates";
import { EVENT_KIND_LABELS, label } from "../shared/labels";
import { inferredView } from "../sources/inferred";
import { recordMarkers } from "../sources/record-markers";
import { conflictMarkers, markersFor } from "../sources/markers";
import type { TimelineItem, TimelinePage } from "./loaders";
import { ORDERING_RULE } from "../shared/date-ordering";
import type { TimelineQuery } from "./schemas";

export function toTimelineItem(item: TimelineItem) {
  return {
    anchor: item.anchor,
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
