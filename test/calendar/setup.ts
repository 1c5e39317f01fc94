import type { Db } from "../../db/client";
import { createRecordStore } from "../../server/records/store";
import { createMotionDeadlines, setCourtOrderedDeadline } from "../../server/schedule/service";
import { buildTestApp } from "../support/app";
import { testActor, testClock } from "../support/db";
import {
  citeSource,
  insertCase,
  insertCourt,
  insertDeadline,
  insertHearing,
  insertMotion,
  insertOrder,
  insertSource,
} from "../support/factories";

/**
 * A small calendar around the test clock's today, 2026-11-21 (a Saturday):
 * - Doe v. DHS: motion filed 2026-11-05 → opposition 11-19 (overdue), reply 11-27 (Thanksgiving
 *   11-26 rolls it), earliest hearing 12-10; a hearing 12-10 at 10:00, one on 11-18 never marked
 *   held, one vacated; and a pending motion filed "November 2026" (no computed deadlines).
 * - Roe v. DHS: motion filed 2026-11-12 → opposition 11-27 by the rule, but an order sets 12-03;
 *   its reply (12-04) is vacated.
 * - A deleted case with an open deadline that must never show.
 */
export function seedCalendar(db: Db) {
  const ctx = { db, store: createRecordStore(db, testClock) };
  const actor = testActor;
  insertCourt(db);
  const source = insertSource(db, { tag: "S01", publisher: "Court docket" });

  const doe = insertCase(db, { slug: "doe-v-dhs", courtId: "cand", caption: "Doe v. DHS", docketNumber: "3:26-mc-80001-TSH" });
  const doeMotion = insertMotion(db, doe.id, {
    title: "Motion to quash the subpoena to Meta",
    dateFiled: "2026-11-05",
    dateFiledPrecision: "day",
    status: "pending",
  });
  citeSource(db, "motion", doeMotion.id, source.id, { field: "dateFiled" });
  const doeDeadlines = createMotionDeadlines(ctx, doeMotion, { actor }).created;
  const hearing = insertHearing(db, doe.id, {
    title: "Hearing on the motion to quash",
    date: "2026-12-10",
    datePrecision: "day",
    time: "10:00",
    place: "Courtroom E, 15th Floor",
    motionId: doeMotion.id,
  });
  const pastHearing = insertHearing(db, doe.id, { title: "Case management conference", date: "2026-11-18", datePrecision: "day" });
  const vacatedHearing = insertHearing(db, doe.id, {
    title: "Vacated status conference",
    date: "2026-12-01",
    datePrecision: "day",
    status: "vacated",
  });
  const roughHearing = insertHearing(db, doe.id, {
    title: "Further hearing",
    date: "2026-12-02",
    dateLatest: "2026-12-09",
    datePrecision: "weekday",
    dateLabel: "a Wednesday in December 2026",
  });
  insertMotion(db, doe.id, {
    title: "Motion to proceed pseudonymously",
    dateFiled: "2026-11-01",
    dateFiledPrecision: "month",
    status: "pending",
  });

  const roe = insertCase(db, { slug: "roe-v-dhs", courtId: "cand", caption: "Roe v. DHS" });
  const roeMotion = insertMotion(db, roe.id, {
    title: "Roe's motion to quash",
    dateFiled: "2026-11-12",
    dateFiledPrecision: "day",
    status: "pending",
  });
  const roeComputed = createMotionDeadlines(ctx, roeMotion, { actor }).created;
  const order = insertOrder(db, roe.id, {
    title: "Order setting briefing schedule",
    kind: "scheduling",
    dateSigned: "2026-11-16",
    dateSignedPrecision: "day",
  });
  citeSource(db, "order", order.id, source.id);
  const ordered = setCourtOrderedDeadline(
    ctx,
    { caseId: roe.id, motionId: roeMotion.id, orderId: order.id, label: "Opposition due", dateDue: "2026-12-03", ruleCode: "lr-7-3a" },
    { actor },
  ).deadline;
  const roeReply = roeComputed.find((d) => d.ruleCode === "lr-7-3c")!;
  ctx.store.update("deadline", roeReply.id, { status: "vacated" }, { actor });

  const gone = insertCase(db, { slug: "deleted-case", courtId: "cand", caption: "Deleted v. Case" });
  const goneDeadline = insertDeadline(db, gone.id, { label: "Ghost deadline", dateDue: "2026-12-05", origin: "court_ordered" });
  ctx.store.remove("case", gone.id, { actor });

  const byRule = (list: typeof doeDeadlines, code: string) => list.find((d) => d.ruleCode === code)!;
  return {
    doe,
    roe,
    order,
    hearing,
    pastHearing,
    vacatedHearing,
    roughHearing,
    doeOpposition: byRule(doeDeadlines, "lr-7-3a"),
    doeReply: byRule(doeDeadlines, "lr-7-3c"),
    doeEarliestHearing: byRule(doeDeadlines, "lr-7-2a"),
    roeComputedOpposition: byRule(roeComputed, "lr-7-3a"),
    roeEarliestHearing: byRule(roeComputed, "lr-7-2a"),
    roeOrdered: ordered,
    roeReply,
    goneDeadline,
  };
}

export type CalendarSeed = ReturnType<typeof seedCalendar>;

/** A fresh app on the calendar above, for the page and feed tests; close it in afterEach. */
export async function buildCalendarApp() {
  const { app, db } = await buildTestApp();
  return { app, db, seeded: seedCalendar(db) };
}
