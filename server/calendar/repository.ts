import { and, asc, eq, gte, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { publicCase, publicRow } from "../records/public-scope";

/**
 * Synchronous reads behind the calendar page and feeds. Records of a case the public may not
 * see (deleted, unpublished) never come back from here; deadlines with no case at all (a platform's stated window) do, unless the
 * reader asked for one case. Nothing here is projected yet.
 */
export function createCalendarRepository(db: Db) {
  return {
    /** `from`: only the open deadlines due on or after that day (upcomingSchedule's selection, in SQL). */
    deadlines(caseId?: number, from?: string) {
      return db
        .select({ deadline: s.deadlines, case: s.cases })
        .from(s.deadlines)
        .leftJoin(s.cases, and(eq(s.cases.id, s.deadlines.caseId), publicCase()))
        .where(
          and(
            publicRow(s.deadlines),
            // Either the case is public (the join found it), or the deadline belongs to no case.
            or(isNull(s.deadlines.caseId), isNotNull(s.cases.id)),
            caseId === undefined ? undefined : eq(s.deadlines.caseId, caseId),
            from === undefined ? undefined : and(eq(s.deadlines.status, "open"), gte(s.deadlines.dateDue, from)),
          ),
        )
        .orderBy(asc(s.deadlines.dateDue), asc(s.deadlines.id))
        .all();
    },

    /** `from`: only the scheduled hearings not past on that day (hearingPast: an undated one never is). */
    hearings(caseId?: number, from?: string) {
      const h = s.hearings;
      const notPast =
        from === undefined ? undefined : and(eq(h.status, "scheduled"), sql`coalesce(${h.dateLatest}, ${h.date}, ${from}) >= ${from}`);
      return db
        .select({ hearing: s.hearings, case: s.cases })
        .from(s.hearings)
        .innerJoin(s.cases, and(eq(s.cases.id, s.hearings.caseId), publicCase()))
        .where(and(publicRow(s.hearings), caseId === undefined ? undefined : eq(s.hearings.caseId, caseId), notPast))
        .orderBy(asc(s.hearings.date), asc(s.hearings.time), asc(s.hearings.id))
        .all();
    },

    /** Live motions by id (a deadline of a deleted motion is not shown). */
    motions(ids: number[]) {
      return ids.length
        ? db
            .select()
            .from(s.motions)
            .where(and(inArray(s.motions.id, ids), publicRow(s.motions)))
            .all()
        : [];
    },

    /** Live orders by id (a deadline set by an order entered in error and deleted is not shown). */
    orders(ids: number[]) {
      return ids.length
        ? db
            .select()
            .from(s.orders)
            .where(and(inArray(s.orders.id, ids), publicRow(s.orders)))
            .all()
        : [];
    },

    courts(ids: string[]) {
      return ids.length ? db.select().from(s.courts).where(inArray(s.courts.id, ids)).all() : [];
    },

    /** Pending motions of public cases, to say which have no computed deadlines and why. */
    pendingMotions(caseId?: number) {
      return db
        .select({ motion: s.motions, case: s.cases })
        .from(s.motions)
        .innerJoin(s.cases, and(eq(s.cases.id, s.motions.caseId), publicCase()))
        .where(and(publicRow(s.motions), eq(s.motions.status, "pending"), caseId === undefined ? undefined : eq(s.motions.caseId, caseId)))
        .orderBy(asc(s.motions.dateFiled), asc(s.motions.id))
        .all();
    },
  };
}
