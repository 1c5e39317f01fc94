import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";

/**
 * Synchronous reads of authorities. An authority belongs to no case, so every live one is
 * public; what cites it is filtered where it is read (server/cites, server/arguments).
 */
export function createAuthoritiesRepository(db: Db) {
  return {
    list() {
      return db.select().from(s.authorities).where(isNull(s.authorities.deletedAt)).orderBy(asc(s.authorities.shortName), asc(s.authorities.id)).all();
    },

    findBySlug(slug: string) {
      return db.select().from(s.authorities).where(and(eq(s.authorities.slug, slug), isNull(s.authorities.deletedAt))).get();
    },

    byIds(ids: number[]) {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return [];
      return db.select().from(s.authorities).where(and(inArray(s.authorities.id, wanted), isNull(s.authorities.deletedAt))).all();
    },
  };
}
