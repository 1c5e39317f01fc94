import { and, asc, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { publicRow } from "../records/public-scope";

/** Reads the comparison needs beyond the subpoena bundles: what each demand asks for, and the authorities on the record. */
export function createCompareRepository(db: Db) {
  return {
    /** The data each subpoena demands, in its own order. */
    demands(subpoenaIds: number[]) {
      if (subpoenaIds.length === 0) return [];
      return db
        .select()
        .from(s.subpoenaDemands)
        .where(and(inArray(s.subpoenaDemands.subpoenaId, subpoenaIds), isNull(s.subpoenaDemands.deletedAt)))
        .orderBy(asc(s.subpoenaDemands.subpoenaId), asc(s.subpoenaDemands.position), asc(s.subpoenaDemands.id))
        .all();
    },

    /** Live authorities: which one the statute a demand invokes names. */
    authorities() {
      return db.select().from(s.authorities).where(publicRow(s.authorities)).orderBy(asc(s.authorities.id)).all();
    },
  };
}
