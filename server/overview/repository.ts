import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { publicCase, publicRow } from "../records/public-scope";
import { preparedQuery } from "../records/prepared";
import { CASE_STATUS_LABELS } from "../status/case-status";

/**
 * A case's status as deriveCaseStatus (server/status/case-status.ts) derives it from the case
 * and its public motions, written as SQL over a `cases` row, so the overview can count and
 * pick the cases of each status without building every case's summary. A test holds the two
 * to the same answer (test/overview/case-groups.test.ts).
 */
function caseStatusLabel(): SQL {
  const m = s.motions;
  const motion = (status?: SQL) =>
    sql`exists (select 1 from ${m} where ${m.caseId} = ${s.cases.id} and ${publicRow(m)}${status ? sql` and ${status}` : sql``})`;
  return sql<string>`case
    when coalesce(${s.cases.dateTerminated}, '') <> '' then ${CASE_STATUS_LABELS.closed}
    when ${motion(sql`${m.status} = 'pending'`)} then ${CASE_STATUS_LABELS.pending}
    when ${motion()} and not ${motion(sql`${m.status} = 'unknown'`)} then ${CASE_STATUS_LABELS.none}
    else ${CASE_STATUS_LABELS.unknown} end`;
}

/** Reads for the overview that cut across cases. Nothing here is projected yet. */
export function createOverviewRepository(db: Db) {
  const once = <T>(name: string, build: () => T) => preparedQuery(db, `overview.${name}`, build);
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

    /** How many public cases have each status, counted in SQL. */
    caseStatusCounts(): { label: string; total: number }[] {
      return once("caseStatusCounts", () => {
        const label = caseStatusLabel();
        return db
          .select({ label: sql<string>`${label}`.as("status_label"), total: count() })
          .from(s.cases)
          .where(publicCase())
          .groupBy(sql`status_label`)
          .prepare();
      }).all();
    },

    /** The first `limit` public cases of a status, in the record's order (position, then id), as the overview lists them. */
    casesWithStatus(label: string, limit: number) {
      return once("casesWithStatus", () =>
        db
          .select()
          .from(s.cases)
          .where(and(publicCase(), sql`${caseStatusLabel()} = ${sql.placeholder("label")}`))
          .orderBy(asc(s.cases.position), asc(s.cases.id))
          .limit(sql.placeholder("limit"))
          .prepare(),
      ).all({ label, limit });
    },
  };
}
