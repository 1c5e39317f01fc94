import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import type { RecordType } from "../../db/schema";
import { publicCase, publicEvent, publicRow } from "../records/public-scope";

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
