import { and, count, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { toPublic, toPublicDocumentWithFile, toPublicEntry } from "../privacy/projection";
import { createSourcesRepository, refKey } from "../sources/repository";
import { paths } from "../paths";
import type { DocketReader } from "./docket";
import { createCasesRepository } from "./repository";
import { DOCKET_PAGE_SIZE } from "./schemas";

/** One docket entry with its case, documents and sources, for the entry's permalink (staff also find one of a case not yet public). */
export function loadPublicEntry(db: Db, slug: string, entryId: number, reader: DocketReader = "public") {
  const repo = createCasesRepository(db);
  const kase = reader === "staff" ? repo.findLiveBySlug(slug) : repo.findBySlug(slug);
  if (!kase) return undefined;
  const row = db
    .select()
    .from(s.docketEntries)
    .where(and(eq(s.docketEntries.id, entryId), eq(s.docketEntries.caseId, kase.id), isNull(s.docketEntries.deletedAt)))
    .get();
  if (!row) return undefined;
  const citations = row.sealed ? [] : (createSourcesRepository(db).citationsFor([{ type: "entry", id: row.id }]).get(refKey("entry", row.id)) ?? []);
  const court = repo.court(kase.courtId);
  return {
    case: toPublic("case", kase),
    // Staff-side only: whether the case is public decides the preview banner, never what is shown.
    caseRow: { deletedAt: kase.deletedAt, published: kase.published },
    court: court ? toPublic("court", court) : undefined,
    entry: toPublicEntry(row),
    documents: row.sealed ? [] : repo.documents([row.id]).map(toPublicDocumentWithFile),
    page: docketPageOf(db, row),
    citations,
  };
}

/** Which page of the oldest-first docket (at the default 100 a page) an entry sits on. */
export function docketPageOf(db: Db, entry: { caseId: number; sequence: number }): number {
  const before =
    db
      .select({ n: count() })
      .from(s.docketEntries)
      .where(and(eq(s.docketEntries.caseId, entry.caseId), isNull(s.docketEntries.deletedAt), lt(s.docketEntries.sequence, entry.sequence)))
      .get()?.n ?? 0;
  return Math.floor(before / DOCKET_PAGE_SIZE) + 1;
}

/** The entry's row on its docket page, whatever page of a long docket that is. */
export function entryOnDocketHref(db: Db, caseSlug: string, entry: { id: number; caseId: number; sequence: number }): string {
  const page = docketPageOf(db, entry);
  return `${paths.case(caseSlug)}${page > 1 ? `?page=${page}` : ""}#entry-${entry.id}`;
}
