import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { publicCase, publicJudge, publicRow } from "../records/public-scope";

/**
 * Synchronous reads of judges and what counts against them: the judges the public may see
 * (publicJudge) and the public cases and orders that name them. Nothing here is projected yet.
 */
export function createJudgesRepository(db: Db) {
  return {
    list() {
      return db
        .select()
        .from(s.judges)
        .where(and(publicRow(s.judges), publicJudge(db)))
        .orderBy(asc(s.judges.name), asc(s.judges.id))
        .all();
    },

    findBySlug(slug: string) {
      return db
        .select()
        .from(s.judges)
        .where(and(eq(s.judges.slug, slug), publicRow(s.judges), publicJudge(db)))
        .get();
    },

    courts(ids: (string | null)[]) {
      const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
      if (wanted.length === 0) return [];
      return db
        .select()
        .from(s.courts)
        .where(and(inArray(s.courts.id, wanted), publicRow(s.courts)))
        .all();
    },

    /** The public cases that name this judge as assigned or referred, in the case list's order. */
    casesOf(judgeId: number) {
      return db
        .select()
        .from(s.cases)
        .where(and(publicCase(), or(eq(s.cases.assignedJudgeId, judgeId), eq(s.cases.referredJudgeId, judgeId))))
        .orderBy(asc(s.cases.position), asc(s.cases.id))
        .all();
    },

    /** Which judges each public case names, for counting. */
    caseJudges() {
      return db
        .select({ id: s.cases.id, assignedJudgeId: s.cases.assignedJudgeId, referredJudgeId: s.cases.referredJudgeId })
        .from(s.cases)
        .where(publicCase())
        .all();
    },

    /** The signing judge of each live order of a public case, for counting. */
    orderJudges() {
      return db
        .select({ judgeId: s.orders.judgeId })
        .from(s.orders)
        .innerJoin(s.cases, eq(s.cases.id, s.orders.caseId))
        .where(and(publicRow(s.orders), publicCase()))
        .all();
    },
  };
}
