import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";

/** Synchronous reads the schedule service needs before it writes. Nothing here is projected. */
export function createScheduleRepository(db: Db) {
  return {
    caseCourt(caseId: number): string | null | undefined {
      return db.select({ courtId: s.cases.courtId }).from(s.cases).where(eq(s.cases.id, caseId)).get()?.courtId;
    },

    /** Every deadline of a motion, deleted ones included (a withdrawn computed deadline comes back, not a twin). */
    deadlinesOfMotion(motionId: number) {
      return db.select().from(s.deadlines).where(eq(s.deadlines.motionId, motionId)).orderBy(asc(s.deadlines.id)).all();
    },

    /** The live deadlines of a case. */
    liveDeadlinesOfCase(caseId: number) {
      return db
        .select()
        .from(s.deadlines)
        .where(and(eq(s.deadlines.caseId, caseId), isNull(s.deadlines.deletedAt)))
        .orderBy(asc(s.deadlines.id))
        .all();
    },
  };
}
