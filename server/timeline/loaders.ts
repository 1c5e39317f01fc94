import type { Db } from "../../db/client";
import { EVENT_KINDS, type DatePrecision } from "../../db/schema";
import { loadOrders } from "../orders/loaders";
import { toPublic, type PublicRecord } from "../privacy/projection";
import { createSourcesRepository } from "../sources/repository";
import { refKey, type Citation, type ConflictRef } from "../sources/markers";
import { compareFuzzyDates } from "../shared/date-ordering";
import { createTimelineRepository } from "./repository";
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

  const items: TimelineItem[] = eventRows.map(({ event, kase, subpoena }) => {
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
  });

  const linkedOrders = repo.linkedIds("order");
  const orderEventDays = new Set(eventRows.filter((r) => r.event.kind === "order").map((r) => `${r.event.caseId}|${r.event.date}`));
  for (const r of loadOrders(db)) {
    const o = r.order;
    if (linkedOrders.has(String(o.id)) || orderEventDays.has(`${o.caseId}|${o.dateSigned}`)) continue;
    const subpoenas = [...new Map(r.coverage.map((c) => [c.subpoena.id, c.subpoena])).values()];
    items.push({
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
    });
  }

  items.sort(
    (a, b) =>
      compareFuzzyDates(a.date, b.date) ||
      (a.origin === b.origin ? 0 : a.origin === "event" ? -1 : 1) ||
      (a.event?.id ?? a.order?.id ?? 0) - (b.event?.id ?? b.order?.id ?? 0),
  );

  const years = [...new Set(items.flatMap(yearsOf))].sort((a, b) => a - b);
  const kinds = EVENT_KINDS.filter((k) => items.some((i) => i.kind === k));
  const shown = items.filter(
    (item) =>
      (filters.year === undefined || yearsOf(item).includes(filters.year)) && (filters.kind === undefined || item.kind === filters.kind),
  );
  return { items: shown, years, kinds };
}
