import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import type { RecordType } from "../../db/schema";
import { PRECISION_RANK } from "../shared/date-ordering";
import { publicCase, publicEvent, publicRow } from "../records/public-scope";

/**
 * Where an event stands in the timeline's order (shared/date-ordering: the earliest day, undated
 * last; then how precisely it is known; then id), as a keyset cursor.
 */
export type EventKey = { date: string | null; rank: number; id: number };

/** Where an item stands on the timeline: [earliest day or null, precision rank, 0 event / 1 order, id]. */
export type TimelineKey = [string | null, number, 0 | 1, number];

/** Which items a page of the timeline holds: the year their date window touches, their kind. */
export type TimelineFilter = { year?: number; kind?: string };

/** How precisely a date is known, as PRECISION_RANK numbers it (a day when only the date is set). */
function rankOf(precision: SQL, date: SQL): SQL {
  return sql`case when ${precision} is null then (case when ${date} is null then ${PRECISION_RANK.unknown} else ${PRECISION_RANK.day} end) ${sql.join(
    Object.entries(PRECISION_RANK).map(([p, n]) => sql`when ${precision} = ${p} then ${n}`),
    sql` `,
  )} end`;
}

/** Synchronous reads behind the timeline. Nothing here is projected yet. */
export function createTimelineRepository(db: Db) {
  /**
   * Every item of the timeline as one SQL relation (origin, id, day, latest, rank, kind): the
   * public events, and the signing of each public order no public event tells of (linked to it,
   * or an "order" event of the same case on the same day; an undated one matches an undated one,
   * as loadTimeline's `${caseId}|${date}` did). The order of the whole is the key's.
   */
  function items(): SQL {
    const e = s.events;
    const o = s.orders;
    const l = s.eventLinks;
    const ev = sql`(select 0 as origin, ${e.id} as id, ${e.date} as day, ${e.dateLatest} as latest, ${rankOf(
      sql`${e.datePrecision}`,
      sql`${e.date}`,
    )} as rank, ${e.kind} as kind from ${e} where ${and(publicRow(e), publicEvent(db))})`;
    // Correlated on the order only: events inside them are their own reference.
    const linked = sql`exists (select 1 from ${l} inner join ${e} on ${e.id} = ${l.eventId} where ${l.recordType} = 'order' and ${l.recordId} = cast(${o.id} as text) and ${publicRow(e)})`;
    const sameDay = sql`exists (select 1 from ${e} where ${e.kind} = 'order' and ${e.caseId} = ${o.caseId} and (${e.date} = ${o.dateSigned} or (${e.date} is null and ${o.dateSigned} is null)) and ${and(
      publicRow(e),
      publicEvent(db),
    )})`;
    const ord = sql`(select 1 as origin, ${o.id} as id, ${o.dateSigned} as day, ${o.dateSignedLatest} as latest, ${rankOf(
      sql`${o.dateSignedPrecision}`,
      sql`${o.dateSigned}`,
    )} as rank, 'order' as kind from ${o} inner join ${s.cases} on ${s.cases.id} = ${o.caseId} where ${and(
      publicRow(o),
      publicCase(),
    )} and not ${linked} and not ${sameDay})`;
    return sql`(select * from ${ev} as ev union all select * from ${ord} as ord) as item`;
  }

  const KEY = sql.raw("(item.day is null, coalesce(item.day, ''), item.rank, item.origin, item.id)");
  const bound = ([day, rank, origin, id]: TimelineKey) => sql`(${day === null ? 1 : 0}, ${day ?? ""}, ${rank}, ${origin}, ${id})`;

  function filtered(filter: TimelineFilter): SQL[] {
    const where: SQL[] = [];
    if (filter.year !== undefined) {
      // The item's date window touches the year (loadTimeline's yearsOf): from its first day's year to its latest's.
      const y = String(filter.year).padStart(4, "0");
      where.push(
        sql`item.day is not null and substr(item.day, 1, 4) <= ${y} and (substr(coalesce(item.latest, item.day), 1, 4) >= ${y} or substr(item.day, 1, 4) = ${y})`,
      );
    }
    if (filter.kind !== undefined) where.push(sql`item.kind = ${filter.kind}`);
    return where;
  }

  return {
    /** Every live event the public may see, with its (public) case and (live) subpoena. */
    events(ids?: number[]) {
      const where = [publicRow(s.events), publicEvent(db)];
      if (ids) where.push(inArray(s.events.id, ids.length ? ids : [0]));
      return db
        .select({ event: s.events, kase: s.cases, subpoena: s.subpoenas })
        .from(s.events)
        .leftJoin(s.cases, and(eq(s.cases.id, s.events.caseId), publicCase()))
        .leftJoin(s.subpoenas, and(eq(s.subpoenas.id, s.events.subpoenaId), publicRow(s.subpoenas)))
        .where(and(...where))
        .orderBy(asc(s.events.id))
        .all();
    },

    /**
     * A keyset page of what events() returns, in the timeline's order after `after`: dated events
     * by (date, precision's rank, id), which walks the index on date, then the undated by (rank, id).
     */
    eventsPage(page: { limit: number; after?: EventKey }) {
      const e = s.events;
      const rank = sql<number>`case ${sql.join(
        Object.entries(PRECISION_RANK).map(([precision, n]) => sql`when ${e.datePrecision} = ${precision} then ${n}`),
        sql` `,
      )} end`;
      const after = page.after;
      const rankThenId = (k: EventKey) => or(gt(rank, k.rank), and(sql`${rank} = ${k.rank}`, gt(e.id, k.id)))!;
      const read = (where: SQL | undefined, limit: number) =>
        db
          .select({ event: s.events, kase: s.cases, subpoena: s.subpoenas })
          .from(s.events)
          .leftJoin(s.cases, and(eq(s.cases.id, s.events.caseId), publicCase()))
          .leftJoin(s.subpoenas, and(eq(s.subpoenas.id, s.events.subpoenaId), publicRow(s.subpoenas)))
          .where(and(publicRow(s.events), publicEvent(db), where))
          .orderBy(asc(e.date), asc(rank), asc(e.id))
          .limit(limit)
          .all();
      // Two statements rather than one ORDER BY on "date is null": the dated one walks the index on date.
      const from = after?.date;
      const dated =
        from === null
          ? []
          : read(
              from === undefined
                ? isNotNull(e.date)
                : and(gte(e.date, from), or(gt(e.date, from), and(eq(e.date, from), rankThenId(after!)))),
              page.limit,
            );
      if (dated.length === page.limit) return dated;
      return [...dated, ...read(and(isNull(e.date), from === null ? rankThenId(after!) : undefined), page.limit - dated.length)];
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

    /** A keyset page of the timeline's items in its order, cut in SQL, after or before an item's key. */
    keysetPage(page: { limit: number; after?: TimelineKey; before?: TimelineKey } & TimelineFilter): { origin: 0 | 1; id: number }[] {
      const where = filtered(page);
      if (page.after) where.push(sql`${KEY} > ${bound(page.after)}`);
      if (page.before) where.push(sql`${KEY} < ${bound(page.before)}`);
      const dir = sql.raw(page.before ? "desc" : "asc");
      const rows = db.all<{ origin: 0 | 1; id: number }>(
        sql`select item.origin as origin, item.id as id from ${items()} ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``} order by item.day is null ${dir}, coalesce(item.day, '') ${dir}, item.rank ${dir}, item.origin ${dir}, item.id ${dir} limit ${page.limit}`,
      );
      return page.before ? rows.reverse() : rows;
    },

    /** The key of one item the public may see on the timeline, or null (hidden, told by an event, or never). */
    keyOf(origin: 0 | 1, id: number): TimelineKey | null {
      const row = db.get<{ day: string | null; rank: number } | undefined>(
        sql`select item.day as day, item.rank as rank from ${items()} where item.origin = ${origin} and item.id = ${id}`,
      );
      return row ? [row.day, Number(row.rank), origin, id] : null;
    },

    /** How many items the (filtered) timeline holds, in SQL. */
    count(filter: TimelineFilter = {}): number {
      const where = filtered(filter);
      const row = db.get<{ n: number }>(
        sql`select count(*) as n from ${items()} ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}`,
      );
      return Number(row?.n ?? 0);
    },

    /** The year spans and kinds of the whole timeline, for its filter form: a row per distinct triple, never per item. */
    facets(): { spans: { first: string; last: string }[]; kinds: string[] } {
      const rows = db.all<{ first: string | null; last: string | null; kind: string }>(
        sql`select distinct substr(item.day, 1, 4) as first, substr(coalesce(item.latest, item.day), 1, 4) as last, item.kind as kind from ${items()}`,
      );
      return {
        spans: rows.filter((r) => r.first !== null).map((r) => ({ first: r.first!, last: r.last! })),
        kinds: [...new Set(rows.map((r) => r.kind))],
      };
    },
  };
}
