import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import type { RecordType } from "../../db/schema";
import { publicCase, publicEvent, publicRow } from "../records/public-scope";
import { PRECISION_RANK } from "../shared/date-ordering";

/**
 * Where an event stands in the timeline's order (shared/date-ordering: the earliest day, undated
 * last; then how precisely it is known; then id), as a keyset cursor.
 */
export type EventKey = { date: string | null; rank: number; id: number };

/** Synchronous reads behind the timeline. Nothing here is projected yet. */
export function createTimelineRepository(db: Db) {
  return {
    /** Every live event the public may see, with its (public) case and (live) subpoena. */
    events() {
      return db
        .select({ event: s.events, kase: s.cases, subpoena: s.subpoenas })
        .from(s.events)
        .leftJoin(s.cases, and(eq(s.cases.id, s.events.caseId), publicCase()))
        .leftJoin(s.subpoenas, and(eq(s.subpoenas.id, s.events.subpoenaId), publicRow(s.subpoenas)))
        .where(and(publicRow(s.events), publicEvent(db)))
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
  };
}
