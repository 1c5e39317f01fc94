import { and, asc, eq, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { publicCase, publicJudge, publicRow } from "../records/public-scope";
import { preparedQuery } from "../records/prepared";

/**
 * Synchronous reads of judges and what counts against them: the judges the public may see
 * (publicJudge) and the public cases and orders that name them. Nothing here is projected yet.
 */
export function createJudgesRepository(db: Db) {
  /** A query built and prepared once per database (records/prepared.ts): publicJudge's subqueries took longer to build than to run. */
  const once = <T>(name: string, build: () => T) => preparedQuery(db, `judges.${name}`, build);
  return {
    list() {
      return once("list", () =>
        db
          .select()
          .from(s.judges)
          .where(and(publicRow(s.judges), publicJudge(db)))
          .orderBy(asc(s.judges.name), asc(s.judges.id))
          .prepare(),
      ).all();
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

    /**
     * How many public cases name each live judge as assigned or referred (a case naming the
     * same judge twice counts once) and how many live orders of public cases each signed,
     * counted in SQL from the judge's own rows (the judge indexes of migration 0017): the judges
     * list's counts, without reading every case and order into JavaScript.
     */
    counts(): Map<number, { cases: number; orders: number }> {
      const c = s.cases;
      const o = s.orders;
      const j = s.judges;
      // Named with its table: drizzle leaves a single table's columns unqualified in the select
      // list, where the subqueries' own "id" would be meant.
      const judgeId = sql`${sql.identifier("judges")}.${sql.identifier("id")}`;
      const publicCaseOf = (caseId: typeof o.caseId) => sql`exists (select 1 from ${c} where ${and(eq(c.id, caseId), publicCase())})`;
      const casesNaming = (column: typeof c.assignedJudgeId | typeof c.referredJudgeId, also?: SQL) =>
        sql<number>`(select count(*) from ${c} where ${and(eq(column, judgeId), publicCase(), also)})`;
      const rows = once("counts", () =>
        db
          .select({
            id: j.id,
            assigned: casesNaming(c.assignedJudgeId),
            // A case that names the judge as both is counted once, as assigned.
            referred: casesNaming(c.referredJudgeId, or(isNull(c.assignedJudgeId), ne(c.assignedJudgeId, judgeId))),
            orders: sql<number>`(select count(*) from ${o} where ${and(eq(o.judgeId, judgeId), publicRow(o), publicCaseOf(o.caseId))})`,
          })
          .from(j)
          .where(isNull(j.deletedAt))
          .prepare(),
      ).all();
      return new Map(rows.map((r) => [r.id, { cases: r.assigned + r.referred, orders: r.orders }]));
    },
  };
}
