import { and, count, eq, lt } from "drizzle-orm";
import { publicRow } from "./public-scope";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { paths } from "../paths";

/*
 * Where an entry sits on its case's docket pages: the docket page itself (server/cases), an
 * entry's permalink, and the entry form's "saved" link all need it, so it lives below them.
 */

/** Entries a docket page shows unless asked for another number. */
export const DOCKET_PAGE_SIZE = 100;

/** Which page of the oldest-first docket (at the default 100 a page) an entry sits on. */
export function docketPageOf(db: Db, entry: { caseId: number; sequence: number }): number {
  const before =
    db
      .select({ n: count() })
      .from(s.docketEntries)
      .where(and(eq(s.docketEntries.caseId, entry.caseId), publicRow(s.docketEntries), lt(s.docketEntries.sequence, entry.sequence)))
      .get()?.n ?? 0;
  return Math.floor(before / DOCKET_PAGE_SIZE) + 1;
}

/** The entry's row on its docket page, whatever page of a long docket that is. */
export function entryOnDocketHref(db: Db, caseSlug: string, entry: { id: number; caseId: number; sequence: number }): string {
  const page = docketPageOf(db, entry);
  return `${paths.case(caseSlug)}${page > 1 ? `?page=${page}` : ""}#entry-${entry.id}`;
}
