import type { Db } from "../../db/client";
import { EVENT_KINDS, type DatePrecision } from "../../db/schema";
import { loadOrders, publicOrderBatches, type OrderRecord } from "../orders/loaders";
import { toPublic, type PublicRecord } from "../privacy/projection";
import { createSourcesRepository } from "../sources/repository";
import { refKey, type Citation, type ConflictRef } from "../sources/markers";
import { compareFuzzyDates, fuzzyDateKey } from "../shared/date-ordering";
import { EXPORT_BATCH } from "../shared/export-batch";
import { withoutRemembering } from "../privacy/redact";
import { createTimelineRepository, type EventKey } from "./repository";
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
