import type { Db } from "../../db/client";
import { EVENT_KINDS, type DatePrecision } from "../../db/schema";
import { loadOrders, publicOrderBatches, type OrderRecord } from "../orders/loaders";
import { toPublic, type PublicRecord } from "../privacy/projection";
import { createSourcesRepository } from "../sources/repository";
import { refKey, type Citation, type ConflictRef } from "../sources/markers";
import { compareFuzzyDates, fuzzyDateKey, PRECISION_RANK } from "../shared/date-ordering";
import { EXPORT_BATCH } from "../shared/export-batch";
import { withoutRemembering } from "../privacy/redact";
import { createTimelineRepository, type EventKey, type TimelineFilter, type TimelineKey } from "./repository";
import type { TimelineQuery } from "./schemas";

export type EventKind = (typeof EVENT_KINDS)[number];

/** One dated item of the cluster: an event, or the signing of an order no event tells of. */
export type TimelineItem = {
  /** Fragment id on the timeline page: `event-{slug}`, or `order-signed-{slug}`. */
  anchor: string;
  origin: "event" | "order";
  kind: EventKind;
  title: string;
  description: string | null;
  date: { date: string | null; latest: string | null; precision: DatePrecision; label: string | null };
  /** Which field of the record holds the date, for its sources and inferred flag. */
  dateField: "date" | "dateSigned";
  event: PublicRecord<"event"> | null;
  order: PublicRecord<"order"> | null;
  case: PublicRecord<"case"> | null;
  subpoenas: PublicRecord<"subpoena">[];
  citations: Citation[];
  conflicts: ConflictRef[];
};

export type Timeline = {
  items: TimelineItem[];
  /** Every year an unfiltered timeline touches, and every kind it holds, for the filter form. */
  years: number[];
  kinds: EventKind[];
};

function yearsOf(item: TimelineItem): number[] {
  if (!item.date.date) return [];
  const first = Number(item.date.date.slice(0, 4));
  const last = Number((item.date.latest ?? item.date.date).slice(0, 4));
  return Array.from({ length: Math.max(0, last - first) + 1 }, (_, i) => first + i);
}

/** The timeline's order: earliest possible day, then precision, then events before folded-in orders, then id. */
export function compareTimelineItems(a: TimelineItem, b: TimelineItem): number {
  return (
    compareFuzzyDates(a.date, b.date) ||
    (a.origin === b.origin ? 0 : a.origin === "event" ? -1 : 1) ||
    (a.event?.id ?? a.order?.id ?? 0) - (b.event?.id ?? b.order?.id ?? 0)
  );
}

type EventRow = ReturnType<ReturnType<typeof createTimelineRepository>["events"]>[number];

/** An event as a timeline item, through the public projection. */
export function eventItem(
  { event, kase, subpoena }: EventRow,
  citations: Map<string, Citation[]>,
  conflicts: Map<string, ConflictRef[]>,
): TimelineItem {
  const e = toPublic("event", event);
  return {
    anchor: `event-${e.slug}`,
    origin: "event",
    kind: e.kind,
    title: e.title,
    description: e.description,
    date: { date: e.date, latest: e.dateLatest, precision: e.datePrecision, label: e.dateLabel },
    dateField: "date",
    event: e,
    order: null,
    case: kase ? toPublic("case", kase) : null,
    subpoenas: subpoena ? [toPublic("subpoena", subpoena)] : [],
    citations: citations.get(refKey("event", e.id)) ?? [],
    conflicts: conflicts.get(refKey("event", e.id)) ?? [],
  };
}

/** The signing of an order (one no event tells of) as a timeline item. */
export function orderItem(r: OrderRecord): TimelineItem {
  const o = r.order;
  const subpoenas = [...new Map(r.coverage.map((c) => [c.subpoena.id, c.subpoena])).values()];
  return {
    anchor: `order-signed-${o.slug}`,
    origin: "order",
    kind: "order",
    title: o.title,
    description: o.summary,
    date: {
      date: o.dateSigned,
      latest: o.dateSignedLatest,
      precision: o.dateSignedPrecision ?? (o.dateSigned ? "day" : "unknown"),
      label: o.dateSignedLabel,
    },
    dateField: "dateSigned",
    event: null,
    order: o,
    case: r.case,
    subpoenas,
    citations: r.citations,
    conflicts: r.conflicts,
  };
}

/**
 * The whole cluster in date order: every live event, plus the signing of each order that no
 * event already tells of (linked to it, or an "order" event of the same case on the same day).
 * Sorted by earliest possible day, then precision, then events before folded-in orders and by
 * id. A year filter keeps items whose date window touches that year.
 */
export function loadTimeline(db: Db, filters: TimelineQuery = {}): Timeline {
  const repo = createTimelineRepository(db);
  const eventRows = repo.events();
  const sources = createSourcesRepository(db);
  const refs = eventRows.map((r) => ({ type: "event" as const, id: r.event.id }));
  const citations = sources.citationsFor(refs);
  const conflicts = sources.conflictsFor(refs);

  const items: TimelineItem[] = eventRows.map((row) => eventItem(row, citations, conflicts));

  const linkedOrders = repo.linkedIds("order");
  const orderEventDays = new Set(eventRows.filter((r) => r.event.kind === "order").map((r) => `${r.event.caseId}|${r.event.date}`));
  for (const r of loadOrders(db)) {
    const o = r.order;
    if (linkedOrders.has(String(o.id)) || orderEventDays.has(`${o.caseId}|${o.dateSigned}`)) continue;
    items.push(orderItem(r));
  }

  items.sort(compareTimelineItems);

  const years = [...new Set(items.flatMap(yearsOf))].sort((a, b) => a - b);
  const kinds = EVENT_KINDS.filter((k) => items.some((i) => i.kind === k));
  const shown = items.filter(
    (item) =>
      (filters.year === undefined || yearsOf(item).includes(filters.year)) && (filters.kind === undefined || item.kind === filters.kind),
  );
  return { items: shown, years, kinds };
}

/**
 * The whole unfiltered timeline in loadTimeline's order, an item at a time, for the exports: events
 * and orders are each read a keyset batch at a time in the same order (timeline repository,
 * orders' keysetPage) and merged, so a timeline of 100,000 events is held a batch of each at a
 * time, and each batch goes through the same projection and the same "told of by an event"
 * rule as the page. `batchSize` is for tests.
 */
export function* publicTimelineItems(db: Db, batchSize = EXPORT_BATCH): Generator<TimelineItem> {
  const events = eventItemBatches(db, batchSize);
  const orders = orderItemBatches(db, batchSize);
  let a = events.next();
  let b = orders.next();
  while (!a.done || !b.done) {
    if (b.done || (!a.done && compareTimelineItems(a.value, b.value) <= 0)) {
      yield a.value;
      a = events.next();
    } else {
      yield b.value;
      b = orders.next();
    }
  }
}

function* eventItemBatches(db: Db, batchSize: number): Generator<TimelineItem> {
  const repo = createTimelineRepository(db);
  const sources = createSourcesRepository(db);
  let after: EventKey | undefined;
  for (;;) {
    const rows = repo.eventsPage({ limit: batchSize, after });
    if (rows.length === 0) return;
    yield* withoutRemembering(() => {
      const refs = rows.map((r) => ({ type: "event" as const, id: r.event.id }));
      const citations = sources.citationsFor(refs);
      const conflicts = sources.conflictsFor(refs);
      return rows.map((row) => eventItem(row, citations, conflicts));
    });
    if (rows.length < batchSize) return;
    const last = rows.at(-1)!.event;
    const [date, rank] = fuzzyDateKey({ date: last.date, precision: last.datePrecision });
    after = { date, rank, id: last.id };
  }
}

function* orderItemBatches(db: Db, batchSize: number): Generator<TimelineItem> {
  const repo = createTimelineRepository(db);
  for (const records of publicOrderBatches(db, batchSize)) {
    const told = repo.ordersToldOf(records.map((r) => r.order.id));
    yield* records.filter((r) => !told.has(r.order.id)).map(orderItem);
  }
}

/** Items on one page of /timeline and of the API's timeline in its own order. */
export const TIMELINE_PER_PAGE = 200;

/** An item of the timeline as a page's address names it: `event-12`, `order-5` (origin and id). */
export type TimelineCursor = { origin: "event" | "order"; id: number };

export function cursorOf(item: TimelineItem): TimelineCursor {
  return { origin: item.origin, id: (item.event?.id ?? item.order?.id)! };
}

export function keyOfItem(item: TimelineItem): TimelineKey {
  const [day, rank] = [item.date.date, PRECISION_RANK[item.date.precision ?? (item.date.date ? "day" : "unknown")]];
  return [day, rank, item.origin === "event" ? 0 : 1, cursorOf(item).id];
}

export type TimelinePage = Timeline & {
  /** How many items the filtered timeline holds, counted in SQL. */
  total: number;
  next: TimelineCursor | null;
  previous: TimelineCursor | null;
};

/**
 * One keyset page of the timeline, cut in SQL in loadTimeline's order over the union of events
 * and folded-in orders, filtered as loadTimeline filters (and by the API list's filters);
 * `after`/`before` is an item's key, `fromEnd` the last page. Only the page's own records are read and projected.
 */
export function loadTimelinePageByKey(
  db: Db,
  page: { limit: number; after?: TimelineKey; before?: TimelineKey; fromEnd?: boolean } & TimelineFilter,
): { items: TimelineItem[]; next: boolean; previous: boolean } {
  const repo = createTimelineRepository(db);
  // One more than the page, read on the side it goes: whether there is a next (or previous) page.
  // The other side is known: the item named precedes (or follows) the page, and the first page has nothing before it.
  const read = repo.keysetPage({ ...page, limit: page.limit + 1 });
  const more = read.length > page.limit;
  const backward = page.before !== undefined || page.fromEnd === true;
  const rows = backward ? read.slice(more ? 1 : 0) : read.slice(0, page.limit);
  const eventIds = rows.filter((r) => Number(r.origin) === 0).map((r) => r.id);
  const orderIds = rows.filter((r) => Number(r.origin) === 1).map((r) => r.id);
  const eventRows = eventIds.length ? repo.events(eventIds) : [];
  const sources = createSourcesRepository(db);
  const refs = eventRows.map((r) => ({ type: "event" as const, id: r.event.id }));
  const citations = sources.citationsFor(refs);
  const conflicts = sources.conflictsFor(refs);
  const items = [
    ...eventRows.map((row) => eventItem(row, citations, conflicts)),
    ...(orderIds.length ? loadOrders(db, { orderIds }) : []).map(orderItem),
  ].sort(compareTimelineItems);
  if (backward) return { items, next: page.before !== undefined && items.length > 0, previous: more };
  return { items, next: more, previous: items.length > 0 && page.after !== undefined };
}

/**
 * A page of /timeline: TIMELINE_PER_PAGE items after (or before) the one named, with the
 * filtered count and the whole timeline's years and kinds for the filter form, each in SQL.
 * Null when the item named is not one the public may see on the timeline.
 */
export function loadTimelinePage(
  db: Db,
  filters: TimelineQuery = {},
  at: { after?: TimelineCursor; before?: TimelineCursor } = {},
): TimelinePage | null {
  const repo = createTimelineRepository(db);
  const named = at.after ?? at.before;
  const key = named ? repo.keyOf(named.origin === "event" ? 0 : 1, named.id) : null;
  if (named && !key) return null;
  const filter = { year: filters.year, kind: filters.kind };
  const page = loadTimelinePageByKey(db, {
    ...filter,
    limit: TIMELINE_PER_PAGE,
    after: at.after ? key! : undefined,
    before: at.before ? key! : undefined,
  });
  const facets = repo.facets();
  const years = [
    ...new Set(
      facets.spans.flatMap(({ first, last }) => {
        const a = Number(first);
        const b = Number(last);
        return Array.from({ length: Math.max(0, b - a) + 1 }, (_, i) => a + i);
      }),
    ),
  ].sort((a, b) => a - b);
  const kinds = EVENT_KINDS.filter((k) => facets.kinds.includes(k));
  return {
    items: page.items,
    years,
    kinds,
    total: repo.count(filter),
    next: page.next ? cursorOf(page.items.at(-1)!) : null,
    previous: page.previous ? cursorOf(page.items[0]!) : null,
  };
}

/** One event on its own page (/events/{slug}): the item as the timeline shows it, its court, the orders it tells of and the judges it names. */
export type EventPage = {
  item: TimelineItem & { event: PublicRecord<"event"> };
  court: PublicRecord<"court"> | null;
  orders: OrderRecord[];
  judges: PublicRecord<"judge">[];
};

/**
 * The event the public may see at this slug, or undefined: a deleted or held event, or one of a
 * hidden case, is not found, exactly as a slug no event has.
 */
export function loadEventPage(db: Db, slug: string): EventPage | undefined {
  const repo = createTimelineRepository(db);
  const id = repo.publicEventIdBySlug(slug);
  const row = id === undefined ? undefined : repo.events([id])[0];
  if (!row) return undefined;
  const sources = createSourcesRepository(db);
  const refs = [{ type: "event" as const, id: row.event.id }];
  const item = eventItem(row, sources.citationsFor(refs), sources.conflictsFor(refs)) as EventPage["item"];
  const orderIds = repo.ordersOfEvent(row.event);
  const court = item.case ? repo.court(item.case.courtId) : undefined;
  return {
    item,
    court: court ? toPublic("court", court) : null,
    orders: orderIds.length ? loadOrders(db, { orderIds }) : [],
    judges: repo.judgesOfEvent(row.event.id).map((j) => toPublic("judge", j)),
  };
}
