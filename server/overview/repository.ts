import { and, asc, desc, eq, gte, inArray, isNull, notInArray, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";

/** Reads for the overview that cut across cases. Nothing here is projected yet. */
export function createOverviewRepository(db: Db) {
  return {
    /** The latest docket entries across all live cases, newest first. */
    latestEntries(limit: number) {
      return db
        .select({ entry: s.docketEntries, case: s.cases })
        .from(s.docketEntries)
        .innerJoin(s.cases, eq(s.cases.id, s.docketEntries.caseId))
        .where(and(isNull(s.docketEntries.deletedAt), isNull(s.cases.deletedAt)))
        .orderBy(desc(s.docketEntries.dateFiled), desc(s.docketEntries.sequence), desc(s.docketEntries.id))
        .limit(limit)
        .all();
    },

    /**
     * Hearings that may still happen on or after `today`: a fuzzy date counts while its last
     * possible day has not passed. Vacated and held hearings are not upcoming.
     */
    upcomingHearings(today: string) {
      return db
        .select({ hearing: s.hearings, case: s.cases })
        .from(s.hearings)
        .innerJoin(s.cases, eq(s.cases.id, s.hearings.caseId))
        .where(
          and(
            isNull(s.hearings.deletedAt),
            isNull(s.cases.deletedAt),
            notInArray(s.hearings.status, ["vacated", "held"]),
            or(gte(s.hearings.date, today), gte(s.hearings.dateLatest, today)),
          ),
        )
        .orderBy(asc(s.hearings.date), asc(s.hearings.time), asc(s.hearings.id))
        .all();
    },

    /** Open deadlines due on or after `today`, with their case when they have one. */
    upcomingDeadlines(today: string) {
      return db
        .select({ deadline: s.deadlines, case: s.cases })
        .from(s.deadlines)
        .leftJoin(s.cases, eq(s.cases.id, s.deadlines.caseId))
        .where(and(isNull(s.deadlines.deletedAt), inArray(s.deadlines.status, ["open"]), gte(s.deadlines.dateDue, today)))
        .orderBy(asc(s.deadlines.dateDue), asc(s.deadlines.id))
        .all()
        .filter((r) => r.case === null || r.case.deletedAt === null);
    },
  };
}
