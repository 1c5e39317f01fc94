import { and, asc, count, countDistinct, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { notHeld } from "../records/public-scope";

/**
 * The three statements of one page of a docket under `filters` (live entries of the case, and
 * what the reader filtered by), prepared: how many match, how many of those the publication
 * guard holds, and the page's rows. The page's ids are found first, in the live-entry indexes
 * (migration 0010), so a deep page skips index entries only and reads the rows of the page it
 * shows; the count reads index entries only. Counted as the live entries matching less the held
 * ones among them: the first is a range of index entries, the second a handful of holds, where
 * checking each of 100,000 entries for a hold cost tens of milliseconds a page.
 */
export function docketPageStatements(db: Db, filters: SQL, order: "asc" | "desc") {
  return {
    live: db.select({ n: count() }).from(s.docketEntries).where(filters).prepare(),
    held: docketHeldCount(db, filters),
    rows: docketPageRows(db, filters, order),
  };
}

/** How many entries under `filters` the publication guard holds, prepared: a handful of holds, each joined to its entry. */
export function docketHeldCount(db: Db, filters: SQL) {
  const e = s.docketEntries;
  const h = s.publicationHolds;
  return db
    .select({ n: countDistinct(e.id) })
    .from(h)
    .innerJoin(e, sql`${e.id} = cast(${h.recordId} as integer)`)
    .where(and(eq(h.status, "held"), eq(h.recordType, "entry"), filters))
    .prepare();
}

/** A page (placeholders `limit`, `offset`) of the entries under `filters` the guard does not hold, in docket order, prepared. */
export function docketPageRows(db: Db, filters: SQL, order: "asc" | "desc") {
  const e = s.docketEntries;
  const direction = order === "desc" ? desc : asc;
  const ordering = [direction(e.sequence), direction(e.id)];
  const pageIds = db
    .select({ id: e.id })
    .from(e)
    .where(and(filters, notHeld("entry", e.id)))
    .orderBy(...ordering)
    .limit(sql.placeholder("limit"))
    .offset(sql.placeholder("offset"));
  return db
    .select()
    .from(e)
    .where(inArray(e.id, pageIds))
    .orderBy(...ordering)
    .prepare();
}
