import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { publicCase, publicRow } from "../records/public-scope";

/** Reads for the overview that cut across cases. Nothing here is projected yet. */
export function createOverviewRepository(db: Db) {
  return {
    /** The latest docket entries across all public cases, newest first. */
    latestEntries(limit: number) {
      return db
        .select({ entry: s.docketEntries, case: s.cases })
        .from(s.docketEntries)
        .innerJoin(s.cases, eq(s.cases.id, s.docketEntries.caseId))
        .where(and(publicRow(s.docketEntries), publicCase()))
        .orderBy(desc(s.docketEntries.dateFiled), desc(s.docketEntries.sequence), desc(s.docketEntries.id))
        .limit(limit)
        .all();
    },
  };
}
