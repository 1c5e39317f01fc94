import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import type { RecordType } from "../../db/schema";
import { createOrdersRepository } from "../orders/repository";
import { readFuzzyDatePage, readPreparedFuzzyDatePage, type FuzzyDateKey, type FuzzyDatePageBounds } from "../records/fuzzy-date-page";
import { bindList, paddedList, placeholderList, preparedQuery } from "../records/prepared";
import { ofPublicCase, publicCase, publicEvent, publicJudge, publicRow } from "../records/public-scope";

/**
 * Where an event stands in the timeline's order (shared/date-ordering: the earliest day, undated
 * last; then how precisely it is known; then id), as a keyset cursor.
 */
export type EventKey = { date: string | null; rank: number; id: number };

/** Where an item stands on the timeline: [earliest day or null, precision rank, 0 event / 1 order, id]. */
export type TimelineKey = [string | null, number, 0 | 1, number];

/**
 * Which items a page of the timeline holds: the year their date window touches, their kind; and
 * the API list's filters (api/lists.ts sentFilters) with the in-memory list's meaning: every set
 * of values must hold (any of them), every date bound the item's earliest day.
 */
export type TimelineFilter = { year?: number; kind?: string; list?: TimelineListFilter };
export type TimelineListFilter = {
  values: { name: "kind" | "origin" | "case" | "subpoena"; anyOf: string[] }[];
  dates: { bound: "eq" | "gte" | "lte" | "gt" | "lt"; day: string }[];
};

/** The item's date window touches the year (loadTimeline's yearsOf): from its first day's year to its latest's. */
function touchesYear(day: SQL | SQLiteColumn, latest: SQL | SQLiteColumn, year: number | typeof YEAR): SQL {
  const y = typeof year === "number" ? yearText(year) : year;
  return sql`${day} is not null and substr(${day}, 1, 4) <= ${y} and (substr(coalesce(${latest}, ${day}), 1, 4) >= ${y} or substr(${day}, 1, 4) = ${y})`;
}

/** A year as touchesYear compares it, and the placeholder a prepared statement binds it to. */
const yearText = (year: number) => String(year).padStart(4, "0");
const YEAR = sql.placeholder("year");

/** The timeline's order between two items' keys: shared/date-ordering's, then events before orders, then id. */
function compareKeys(a: TimelineKey, b: TimelineKey): number {
  if (a[0] !== b[0]) {
    if (a[0] === null) return 1;
    if (b[0] === null) return -1;
    return a[0] < b[0] ? -1 : 1;
  }
  return a[1] - b[1] || a[2] - b[2] || a[3] - b[3];
}

/** Synchronous reads behind the timeline. Nothing here is projected yet. */
export function createTimelineRepository(db: Db) {
  const e = s.events;
  const o = s.orders;
  const l = s.eventLinks;
  // Built and prepared once per database, by a name that says every shape of its SQL: building
  // the timeline's statements with drizzle took longer than running them (the facets' span walk
  // alone ran a dozen built queries a request).
  const once = <T>(name: string, build: () => T) => preparedQuery(db, `timeline.${name}`, build);
  /** The year and kind filters as a prepared statement's name, conditions (bound by filterValues) and values. */
  const filterShape = (filter: TimelineFilter) => `${filter.year === undefined ? "" : "year"}:${filter.kind === undefined ? "" : "kind"}`;
  const filterValues = (filter: TimelineFilter) => ({
    ...(filter.year === undefined ? {} : { year: yearText(filter.year) }),
    ...(filter.kind === undefined ? {} : { kind: filter.kind }),
  });
  /** An event the public may see on the timeline. */
  const publicTimelineEvent = () => and(publicRow(e), publicEvent(db))!;
  /** The public events a (filtered) timeline holds, as conditions; the year and kind are a prepared statement's placeholders. */
  const publicEventsFiltered = (filter: TimelineFilter) => [
    publicTimelineEvent(),
    filter.year === undefined ? undefined : touchesYear(e.date, e.dateLatest, YEAR),
    filter.kind === undefined ? undefined : eq(e.kind, sql.placeholder("kind")),
  ];
  /**
   * A public order no public event tells of (linked to it, or an "order" event of the same case
   * on the same day; an undated one matches an undated one, as loadTimeline's `${caseId}|${date}`
   * did), whose signing is then an item of its own. Correlated on the order only: events inside
   * are their own reference; each is a search of event_links_record_idx or events_date_idx.
   */
  const orderOfItsOwn = () => {
    const linked = sql`exists (select 1 from ${l} inner join ${e} on ${e.id} = ${l.eventId} where ${l.recordType} = 'order' and ${l.recordId} = cast(${o.id} as text) and ${publicRow(e)})`;
    const sameDay = sql`exists (select 1 from ${e} where ${e.kind} = 'order' and ${e.caseId} = ${o.caseId} and (${e.date} = ${o.dateSigned} or (${e.date} is null and ${o.dateSigned} is null)) and ${publicTimelineEvent()})`;
    return sql`${and(publicRow(o), ofPublicCase(db, o.caseId))} and not ${linked} and not ${sameDay}`;
  };

  /**
   * The ids of the orders a public event tells of, read from the events' side (few): the orders
   * an event links to (by the id's text exactly, as orderOfItsOwn matches it), and those of an
   * "order" event's case on its day. orderOfItsOwn's rule, turned round for counting.
   */
  const toldOfIds = () => {
    const t = alias(s.orders, "told");
    const linked = db
      .select({ id: sql<number>`cast(${l.recordId} as integer)` })
      .from(l)
      .innerJoin(e, eq(e.id, l.eventId))
      .where(and(eq(l.recordType, "order"), sql`${l.recordId} = cast(cast(${l.recordId} as integer) as text)`, publicRow(e)));
    const sameDay = db
      .select({ id: t.id })
      .from(e)
      .innerJoin(t, and(eq(t.caseId, e.caseId), or(eq(t.dateSigned, e.date), and(isNull(t.dateSigned), isNull(e.date)))))
      .where(and(eq(e.kind, "order"), publicTimelineEvent()));
    return linked.union(sameDay);
  };

  /** How many orders of their own the (filtered) timeline holds: the public orders less those an event tells of. */
  function ownOrdersCount(filter: TimelineFilter): number {
    if (filter.kind !== undefined && filter.kind !== "order") return 0;
    const told = (year?: SQL) =>
      db
        .select({ n: sql<number>`count(*)` })
        .from(o)
        .where(and(inArray(o.id, toldOfIds()), publicRow(o), ofPublicCase(db, o.caseId), year));
    if (filter.year === undefined)
      return createOrdersRepository(db).count() - Number(once("toldCount", () => told().prepare()).get()?.n ?? 0);
    const year = touchesYear(o.dateSigned, o.dateSignedLatest, filter.year);
    return createOrdersRepository(db).count(year) - Number(told(year).get()?.n ?? 0);
  }

  /**
   * The distinct (first year, last year) pairs of the orders of their own, a pair at a time from
   * orders_years_idx: the next pair is the first row past the last one found, so the reads are
   * as many as the pairs (a few a year), not the orders.
   */
  function ownOrderSpans(): { first: string; last: string }[] {
    const { first, last } = s.yearSpan(o.dateSigned, o.dateSignedLatest);
    const next = (name: string, where: SQL, orderBy: SQL[]) =>
      once(`spans:${name}`, () =>
        db
          .select({ first, last })
          .from(o)
          .where(and(orderOfItsOwn(), where))
          .orderBy(...orderBy)
          .limit(1)
          .prepare(),
      );
    const [atFirst, atLast] = [sql.placeholder("first"), sql.placeholder("last")];
    // `>= ''` is `is not null` for text, as a range SQLite reads from the index; within one first
    // year the order is by the last year alone (ordered by both, SQLite sorts).
    const start = next("start", gte(first, ""), [asc(first), asc(last)]);
    const sameFirst = next("sameFirst", and(eq(first, atFirst), gt(last, atLast))!, [asc(last)]);
    const laterFirst = next("laterFirst", gt(first, atFirst), [asc(first), asc(last)]);
    const spans: { first: string; last: string }[] = [];
    for (let at = start.get(); at;) {
      spans.push({ first: at.first!, last: at.last! });
      at = sameFirst.get({ first: at.first, last: at.last }) ?? laterFirst.get({ first: at.first });
    }
    return spans;
  }

  /**
   * Every item of the timeline as one SQL relation (origin, id, day, latest, rank, kind): the
   * public events, and the signing of each public order no public event tells of. For counts and
   * the filter form's facets; a page reads each side from its index instead (keysetPage).
   */
  function items(): SQL {
    const ev = sql`(select 0 as origin, ${e.id} as id, ${e.date} as day, ${e.dateLatest} as latest, ${s.precisionRank(e.datePrecision, e.date)} as rank, ${e.kind} as kind from ${e} where ${publicTimelineEvent()})`;
    const ord = sql`(select 1 as origin, ${o.id} as id, ${o.dateSigned} as day, ${o.dateSignedLatest} as latest, ${s.precisionRank(o.dateSignedPrecision, o.dateSigned)} as rank, 'order' as kind from ${o} where ${orderOfItsOwn()})`;
    return sql`(select * from ${ev} as ev union all select * from ${ord} as ord) as item`;
  }

  type Side = { origin: 0 | 1; id: number; day: string | null; rank: number };
  const EVENT_ORDER = { date: e.date, precision: e.datePrecision, id: e.id };
  const ORDER_ORDER = { date: o.dateSigned, precision: o.dateSignedPrecision, id: o.id };

  /** A page of the public events, filtered, in the timeline's order from events_list_idx, with each one's key. */
  function eventSide(page: FuzzyDatePageBounds, filter: TimelineFilter): Side[] {
    const side = (r: { id: number; day: string | null; rank: unknown }): Side => ({
      origin: 0,
      id: r.id,
      day: r.day,
      rank: Number(r.rank),
    });
    // The page's own filters (a year, a kind): one prepared statement per shape.
    if (!filter.list)
      return readPreparedFuzzyDatePage(
        EVENT_ORDER,
        page,
        (shape, range, orderBy) =>
          once(`eventSide:${filterShape(filter)}:${shape}`, () =>
            db
              .select({ id: e.id, day: e.date, rank: s.precisionRank(e.datePrecision, e.date) })
              .from(e)
              .where(and(...publicEventsFiltered(filter), range))
              .orderBy(...orderBy)
              .limit(sql.placeholder("limit"))
              .prepare(),
          ),
        filterValues(filter),
      ).map(side);
    const where = [publicTimelineEvent()];
    if (filter.year !== undefined) where.push(touchesYear(e.date, e.dateLatest, filter.year));
    if (filter.kind !== undefined) where.push(eq(e.kind, filter.kind as (typeof s.EVENT_KINDS)[number]));
    for (const { name, anyOf } of filter.list?.values ?? []) {
      // `__in` with no value matches nothing, as in memory.
      if (anyOf.length === 0 || (name === "origin" && !anyOf.includes("event"))) return [];
      if (name === "kind") where.push(inArray(e.kind, anyOf as (typeof s.EVENT_KINDS)[number][]));
      // The item's case and subpoena are the event's when the public may see them (events()'s joins).
      const cases = () =>
        db
          .select({ id: s.cases.id })
          .from(s.cases)
          .where(and(inArray(s.cases.slug, anyOf), publicCase()));
      const subpoenas = () =>
        db
          .select({ id: s.subpoenas.id })
          .from(s.subpoenas)
          .where(and(inArray(s.subpoenas.slug, anyOf), publicRow(s.subpoenas)));
      if (name === "case") where.push(inArray(e.caseId, cases()));
      if (name === "subpoena") where.push(inArray(e.subpoenaId, subpoenas()));
    }
    for (const { bound, day } of filter.list?.dates ?? []) where.push({ eq, gte, lte, gt, lt }[bound](e.date, day));
    return readFuzzyDatePage(EVENT_ORDER, page, (range, orderBy, limit) =>
      db
        .select({ id: e.id, day: e.date, rank: s.precisionRank(e.datePrecision, e.date) })
        .from(e)
        .where(and(...where, range))
        .orderBy(...orderBy)
        .limit(limit)
        .all()
        .map((r) => ({ origin: 0 as const, id: r.id, day: r.day, rank: Number(r.rank) })),
    );
  }

  /** A page of the orders of their own, filtered, in the timeline's order from orders_list_idx, with each one's key. */
  function orderSide(page: FuzzyDatePageBounds, filter: TimelineFilter): Side[] {
    if (filter.kind !== undefined && filter.kind !== "order") return [];
    const values = filter.list?.values ?? [];
    if (values.some(({ name, anyOf }) => (name === "origin" || name === "kind") && !anyOf.includes("order"))) return [];
    // The page's own filters (a year; the kind, if "order", leaves every order): one prepared statement per shape.
    if (!filter.list)
      return readPreparedFuzzyDatePage(
        ORDER_ORDER,
        page,
        (shape, range, orderBy) =>
          once(`orderSide:${filter.year === undefined ? "" : "year"}:${shape}`, () =>
            db
              .select({ id: o.id, day: o.dateSigned, rank: s.precisionRank(o.dateSignedPrecision, o.dateSigned) })
              .from(o)
              .where(
                and(orderOfItsOwn(), filter.year === undefined ? undefined : touchesYear(o.dateSigned, o.dateSignedLatest, YEAR), range),
              )
              .orderBy(...orderBy)
              .limit(sql.placeholder("limit"))
              .prepare(),
          ),
        filter.year === undefined ? {} : { year: yearText(filter.year) },
      ).map((r): Side => ({ origin: 1, id: r.id, day: r.day, rank: Number(r.rank) }));
    const where = [orderOfItsOwn()];
    if (filter.year !== undefined) where.push(touchesYear(o.dateSigned, o.dateSignedLatest, filter.year));
    // The case and the coverage's subpoenas, and the day signed, as the order list's filters ask them.
    const asOrders = values.filter((v): v is { name: "case" | "subpoena"; anyOf: string[] } => v.name === "case" || v.name === "subpoena");
    where.push(...createOrdersRepository(db).where({ values: asOrders, dates: filter.list?.dates ?? [] }));
    return readFuzzyDatePage(ORDER_ORDER, page, (range, orderBy, limit) =>
      db
        .select({ id: o.id, day: o.dateSigned, rank: s.precisionRank(o.dateSignedPrecision, o.dateSigned) })
        .from(o)
        .where(and(...where, range))
        .orderBy(...orderBy)
        .limit(limit)
        .all()
        .map((r) => ({ origin: 1 as const, id: r.id, day: r.day, rank: Number(r.rank) })),
    );
  }

  return {
    /** Every live event the public may see, with its (public) case and (live) subpoena. */
    events(ids?: number[]) {
      const select = (only?: SQL) =>
        db
          .select({ event: s.events, kase: s.cases, subpoena: s.subpoenas })
          .from(s.events)
          .leftJoin(s.cases, and(eq(s.cases.id, s.events.caseId), publicCase()))
          .leftJoin(s.subpoenas, and(eq(s.subpoenas.id, s.events.subpoenaId), publicRow(s.subpoenas)))
          .where(and(publicRow(s.events), publicEvent(db), only))
          .orderBy(asc(s.events.id));
      if (!ids) return select().all();
      // A page's events by a padded id list (the same rows), one prepared statement per length.
      const list = paddedList(ids);
      return once(`events:${list.length}`, () => select(inArray(s.events.id, placeholderList("i", list.length))).prepare()).all(
        bindList("i", list),
      );
    },

    /**
     * A keyset page of what events() returns, in the timeline's order after `after` (the earliest
     * day, undated last; precision's rank; id), read in that order from events_list_idx.
     */
    eventsPage(page: { limit: number; after?: EventKey }) {
      const after: FuzzyDateKey | undefined = page.after && [page.after.date, page.after.rank, page.after.id];
      return readFuzzyDatePage(EVENT_ORDER, { limit: page.limit, after }, (range, orderBy, limit) =>
        db
          .select({ event: s.events, kase: s.cases, subpoena: s.subpoenas })
          .from(s.events)
          .leftJoin(s.cases, and(eq(s.cases.id, s.events.caseId), publicCase()))
          .leftJoin(s.subpoenas, and(eq(s.subpoenas.id, s.events.subpoenaId), publicRow(s.subpoenas)))
          .where(and(publicTimelineEvent(), range))
          .orderBy(...orderBy)
          .limit(limit)
          .all(),
      );
    },

    /**
     * Which of these orders a live event already tells of, so the timeline does not show their
     * signing twice: one linked to such an event, or of the same case and day as a public
     * "order" event (loadTimeline's rule).
     */
    ordersToldOf(orderIds: number[]): Set<number> {
      if (orderIds.length === 0) return new Set();
      const linked = db
        .select({ recordId: s.eventLinks.recordId })
        .from(s.eventLinks)
        .innerJoin(s.events, eq(s.events.id, s.eventLinks.eventId))
        .where(and(eq(s.eventLinks.recordType, "order"), inArray(s.eventLinks.recordId, orderIds.map(String)), publicRow(s.events)))
        .all()
        .map((r) => Number(r.recordId));
      const sameDay = db
        .select({ id: s.orders.id })
        .from(s.orders)
        .innerJoin(
          s.events,
          and(
            eq(s.events.caseId, s.orders.caseId),
            eq(s.events.kind, "order"),
            or(eq(s.events.date, s.orders.dateSigned), and(isNull(s.events.date), isNull(s.orders.dateSigned))),
          ),
        )
        .where(and(inArray(s.orders.id, orderIds), publicRow(s.events), publicEvent(db)))
        .all()
        .map((r) => r.id);
      return new Set([...linked, ...sameDay]);
    },

    /** Ids of the records of one type that a live event already tells of (as actor or subject). */
    linkedIds(type: RecordType): Set<string> {
      const rows = db
        .select({ recordId: s.eventLinks.recordId })
        .from(s.eventLinks)
        .innerJoin(s.events, eq(s.events.id, s.eventLinks.eventId))
        .where(and(eq(s.eventLinks.recordType, type), publicRow(s.events)))
        .all();
      return new Set(rows.map((r) => r.recordId));
    },

    /**
     * A keyset page of the timeline's items in its order after or before an item's key: each side
     * (events, orders of their own) reads at most a page from its list index, in order, and the
     * two are merged; no statement sorts the union.
     */
    keysetPage(
      page: { limit: number; after?: TimelineKey; before?: TimelineKey; fromEnd?: boolean } & TimelineFilter,
    ): { origin: 0 | 1; id: number }[] {
      const key = page.after ?? page.before;
      // A side's bound in its own order. On the key's day and rank the events come before the
      // orders: an order's key bounds the events after all of them (id beyond any), an event's
      // bounds the orders before all of them (id 0).
      const sideKey = (origin: 0 | 1): FuzzyDateKey | undefined =>
        key && [key[0], key[1], key[2] === origin ? key[3] : origin === 0 ? Number.MAX_SAFE_INTEGER : 0];
      const backward = page.before !== undefined || page.fromEnd === true;
      const bounds = (origin: 0 | 1): FuzzyDatePageBounds =>
        !key
          ? { limit: page.limit, fromEnd: backward }
          : backward
            ? { limit: page.limit, before: sideKey(origin) }
            : { limit: page.limit, after: sideKey(origin) };
      const filter = { year: page.year, kind: page.kind, list: page.list };
      const merged = [...eventSide(bounds(0), filter), ...orderSide(bounds(1), filter)].sort((a, b) =>
        compareKeys([a.day, a.rank, a.origin, a.id], [b.day, b.rank, b.origin, b.id]),
      );
      const rows = backward ? merged.slice(-page.limit) : merged.slice(0, page.limit);
      return rows.map(({ origin, id }) => ({ origin, id }));
    },

    /** The key of one item the public may see on the timeline, or null (hidden, told by an event, or never). */
    keyOf(origin: 0 | 1, id: number): TimelineKey | null {
      const row = db.get<{ day: string | null; rank: number } | undefined>(
        sql`select item.day as day, item.rank as rank from ${items()} where item.origin = ${origin} and item.id = ${id}`,
      );
      return row ? [row.day, Number(row.rank), origin, id] : null;
    },

    /**
     * The id of the event the public may see at this slug (its own page, /events/{slug}), or
     * undefined: a deleted or held event, or one of a hidden case, is not found, as a slug no event has.
     */
    publicEventIdBySlug(slug: string): number | undefined {
      return db
        .select({ id: s.events.id })
        .from(s.events)
        .where(and(eq(s.events.slug, slug), publicRow(s.events), publicEvent(db)))
        .orderBy(asc(s.events.id))
        .get()?.id;
    },

    /**
     * The orders an event tells of, as the timeline folds them in (ordersToldOf's rule, from the
     * event's side): those linked to it, and for an "order" event those of its case signed that day.
     * Whether the public may see each is loadOrders's to say.
     */
    ordersOfEvent(event: { id: number; kind: string; caseId: number | null; date: string | null }): number[] {
      const linked = db
        .select({ recordId: s.eventLinks.recordId })
        .from(s.eventLinks)
        .where(and(eq(s.eventLinks.eventId, event.id), eq(s.eventLinks.recordType, "order")))
        .all()
        .map((r) => Number(r.recordId));
      const sameDay =
        event.kind === "order" && event.caseId !== null
          ? db
              .select({ id: s.orders.id })
              .from(s.orders)
              .where(
                and(
                  eq(s.orders.caseId, event.caseId),
                  event.date === null ? isNull(s.orders.dateSigned) : eq(s.orders.dateSigned, event.date),
                ),
              )
              .all()
              .map((r) => r.id)
          : [];
      return [...new Set([...linked, ...sameDay])];
    },

    /** The judges an event names (as actor or subject) that the public may see. */
    judgesOfEvent(eventId: number) {
      return db
        .select()
        .from(s.judges)
        .innerJoin(s.eventLinks, and(eq(s.eventLinks.recordType, "judge"), eq(s.eventLinks.recordId, sql`cast(${s.judges.id} as text)`)))
        .where(and(eq(s.eventLinks.eventId, eventId), publicRow(s.judges), publicJudge(db)))
        .orderBy(asc(s.judges.id))
        .all()
        .map((r) => r.judges);
    },

    /** Slugs of the events the public may see, by id, a keyset batch after `afterId` at a time (the sitemap). */
    publicEventSlugs(afterId: number, limit: number): { id: number; slug: string }[] {
      return db
        .select({ id: s.events.id, slug: s.events.slug })
        .from(s.events)
        .where(and(gt(s.events.id, afterId), publicRow(s.events), publicEvent(db)))
        .orderBy(asc(s.events.id))
        .limit(limit)
        .all();
    },

    /** The court of an event's case, for its page's header. */
    court(id: string | null) {
      return id ? db.select().from(s.courts).where(eq(s.courts.id, id)).get() : undefined;
    },

    /** How many items the (filtered) timeline holds, in SQL. */
    /** How many items the (filtered) timeline holds, in SQL: the public events, and the orders of their own. */
    count(filter: TimelineFilter = {}): number {
      const events = once(`count:${filterShape(filter)}`, () =>
        db
          .select({ n: sql<number>`count(*)` })
          .from(e)
          .where(and(...publicEventsFiltered(filter)))
          .prepare(),
      ).get(filterValues(filter));
      return Number(events?.n ?? 0) + ownOrdersCount(filter);
    },

    /**
     * The year spans and kinds of the whole timeline, for its filter form: a row per distinct
     * triple of the events, and the orders' spans from their year index; never a row per order.
     */
    facets(): { spans: { first: string; last: string }[]; kinds: string[] } {
      const { first, last } = s.yearSpan(e.date, e.dateLatest);
      const rows = once("facets", () =>
        db.selectDistinct({ first, last, kind: e.kind }).from(e).where(publicTimelineEvent()).prepare(),
      ).all();
      const orderSpans = ownOrderSpans();
      // An undated order of its own has no span but is an item of kind "order".
      const anyOrder = orderSpans.length > 0 || orderSide({ limit: 1 }, {}).length > 0;
      return {
        spans: [...rows.filter((r) => r.first !== null).map((r) => ({ first: r.first!, last: r.last! })), ...orderSpans],
        kinds: [...new Set([...rows.map((r) => r.kind as string), ...(anyOrder ? ["order"] : [])])],
      };
    },
  };
}
