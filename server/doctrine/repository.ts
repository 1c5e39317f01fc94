import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";

/** Synchronous reads of the doctrines; a deleted doctrine is no one's. Nothing here is projected yet. */
export function createDoctrinesRepository(db: Db) {
  return {
    list() {
      return db.select().from(s.doctrines).where(isNull(s.doctrines.deletedAt)).orderBy(asc(s.doctrines.position), asc(s.doctrines.id)).all();
    },

    findBySlug(slug: string) {
      return db.select().from(s.doctrines).where(and(eq(s.doctrines.slug, slug), isNull(s.doctrines.deletedAt))).get();
    },
  };
}
