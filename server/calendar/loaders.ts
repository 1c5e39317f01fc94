import type { Db } from "../../db/client";
import { toPublic, type PublicRecord } from "../privacy/projection";
import type { RecordRow } from "../records/tables";
import { createSourcesRepository } from "../sources/repository";
import type { Citation, RecordRef } from "../sources/markers";
import { createCalendarRepository } from "./repository";

/**
 * Everything the calendar page and the iCalendar feeds show, through the public projection:
 * the live deadlines and hearings of live cases (or of one case), the motions and orders they
 * hang on, the pending motions (to say which got no computed deadline and why), and the sources
 * behind all of them.
 */
export type CalendarData = {
  cases: Map<number, PublicRecord<"case">>;
  /** The courts of those cases, for their time zones. */
  courts: Map<string, PublicRecord<"court">>;
  deadlines: PublicRecord<"deadline">[];
  hearings: PublicRecord<"hearing">[];
  motions: Map<number, PublicRecord<"motion">>;
  orders: Map<number, PublicRecord<"order">>;
  pendingMotions: PublicRecord<"motion">[];
  citations: Map<string, Citation[]>;
};

/**
 * `upcomingFrom` (a day) reads only what upcomingSchedule keeps as of that day, and no pending
 * motions: the overview shows what lies ahead, and the calendar's past grows with the record.
 */
export function loadCalendar(db: Db, scope: { caseId?: number; upcomingFrom?: string } = {}): CalendarData {
  const repo = createCalendarRepository(db);
  const cases = new Map<number, PublicRecord<"case">>();
  const keepCase = (row: RecordRow<"case"> | null) => {
    if (row && !cases.has(row.id)) cases.set(row.id, toPublic("case", row));
  };

  const deadlineRows = repo.deadlines(scope.caseId, scope.upcomingFrom);
  const hearingRows = repo.hearings(scope.caseId, scope.upcomingFrom);
  const pendingRows = scope.upcomingFrom === undefined ? repo.pendingMotions(scope.caseId) : [];

  const motionIds = new Set<number>();
  for (const r of deadlineRows) if (r.deadline.motionId !== null) motionIds.add(r.deadline.motionId);
  for (const r of pendingRows) motionIds.add(r.motion.id);
  const motions = new Map(repo.motions([...motionIds]).map((m) => [m.id, toPublic("motion", m)] as const));
  const orderIds = deadlineRows.flatMap((r) => (r.deadline.orderId === null ? [] : [r.deadline.orderId]));
  const orders = new Map(repo.orders([...new Set(orderIds)]).map((o) => [o.id, toPublic("order", o)] as const));

  // A deadline whose motion or order was deleted goes with it.
  const deadlines = deadlineRows
    .filter(
      (r) =>
        (r.deadline.motionId === null || motions.has(r.deadline.motionId)) &&
        (r.deadline.orderId === null || orders.has(r.deadline.orderId)),
    )
    .map((r) => {
      keepCase(r.case);
      return toPublic("deadline", r.deadline);
    });
  const hearings = hearingRows.map((r) => {
    keepCase(r.case);
    return toPublic("hearing", r.hearing);
  });
  const pendingMotions = pendingRows.map((r) => {
    keepCase(r.case);
    return motions.get(r.motion.id) ?? toPublic("motion", r.motion);
  });

  const courtIds = [...new Set([...cases.values()].flatMap((c) => (c.courtId ? [c.courtId] : [])))];
  const courts = new Map(repo.courts(courtIds).map((c) => [c.id, toPublic("court", c)] as const));

  const refs: RecordRef[] = [
    ...deadlines.map((d) => ({ type: "deadline" as const, id: d.id })),
    ...hearings.map((h) => ({ type: "hearing" as const, id: h.id })),
    ...[...motions.keys()].map((id) => ({ type: "motion" as const, id })),
    ...[...orders.keys()].map((id) => ({ type: "order" as const, id })),
  ];
  const citations = createSourcesRepository(db).citationsFor(refs);
  return { cases, courts, deadlines, hearings, motions, orders, pendingMotions, citations };
}

/** A hearing is past once even its latest possible day has gone; an undated one never is. */
export function hearingPast(h: PublicRecord<"hearing">, today: string): boolean {
  const last = h.dateLatest ?? h.date;
  return last !== null && last < today;
}

/**
 * What is coming up as of `today`, the same selection the calendar's "Upcoming" makes: open
 * deadlines due on or after today and scheduled hearings that may still happen (a rough date
 * counts until its last possible day; undated ones last), each with its case. The overview
 * lists these.
 */
export function upcomingSchedule(data: CalendarData, today: string) {
  const hearings = data.hearings
    .filter((h) => h.status === "scheduled" && !hearingPast(h, today))
    .sort((a, b) => (a.date === null ? 1 : 0) - (b.date === null ? 1 : 0))
    .flatMap((h) => {
      const kase = data.cases.get(h.caseId);
      return kase ? [{ hearing: h, case: kase }] : [];
    });
  const deadlines = data.deadlines
    .filter((d) => d.status === "open" && d.dateDue >= today)
    .map((d) => ({ deadline: d, case: d.caseId !== null ? (data.cases.get(d.caseId) ?? null) : null }));
  return { hearings, deadlines };
}
