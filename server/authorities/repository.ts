import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { publicRow } from "../records/public-scope";

/**
 * Synchronous reads of authorities. An authority belongs to no case, so every live one is
 * public; what cites it is filtered where it is read (server/cites, server/arguments).
 */
export function createAuthoritiesRepository(db: Db) {
  return {
    list() {
      return db
        .select()
        .from(s.authorities)
        .where(publicRow(s.authorities))
        .orderBy(asc(s.authorities.shortName), asc(s.authorities.id))
        .all();
    },

    findBySlug(slug: string) {
      return db
        .select()
        .from(s.authorities)
        .where(and(eq(s.authorities.slug, slug), publicRow(s.authorities)))
        .get();
    },

    byIds(ids: number[]) {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return [];
      return db
        .select()
        .from(s.authorities)
        .where(and(inArray(s.authorities.id, wanted), publicRow(s.authorities)))
        .all();
    },
  };
}
