import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { publicRow } from "../records/public-scope";

/** Synchronous reads of the doctrines; a deleted doctrine is no one's. Nothing here is projected yet. */
export function createDoctrinesRepository(db: Db) {
  return {
    list() {
      return db.select().from(s.doctrines).where(publicRow(s.doctrines)).orderBy(asc(s.doctrines.position), asc(s.doctrines.id)).all();
    },

    findBySlug(slug: string) {
      return db
        .select()
        .from(s.doctrines)
        .where(and(eq(s.doctrines.slug, slug), publicRow(s.doctrines)))
        .get();
    },
  };
}
