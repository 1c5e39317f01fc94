import { and, count, eq, isNull, lt } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { toPublic, toPublicDocumentWithFile, toPublicEntry } from "../privacy/projection";
import { createSourcesRepository, refKey } from "../sources/repository";
import { createCasesRepository } from "./repository";

/** One docket entry with its case, documents and sources, for the entry's permalink. */
export function loadPublicEntry(db: Db, slug: string, entryId: number) {
  const repo = createCasesRepository(db);
  const kase = repo.findBySlug(slug);
  if (!kase) return undefined;
  const row = db
    .select()
    .from(s.docketEntries)
    .where(and(eq(s.docketEntries.id, entryId), eq(s.docketEntries.caseId, kase.id), isNull(s.docketEntries.deletedAt)))
    .get();
  if (!row) return undefined;
  // Which page of the oldest-first docket (100 a page) the entry sits on, for the link back.
  const before =
    db
      .select({ n: count() })
      .from(s.docketEntries)
      .where(and(eq(s.docketEntries.caseId, kase.id), isNull(s.docketEntries.deletedAt), lt(s.docketEntries.sequence, row.sequence)))
      .get()?.n ?? 0;
  const citations = row.sealed ? [] : (createSourcesRepository(db).citationsFor([{ type: "entry", id: row.id }]).get(refKey("entry", row.id)) ?? []);
  return {
    case: toPublic("case", kase),
    court: repo.court(kase.courtId),
    entry: toPublicEntry(row),
    documents: row.sealed ? [] : repo.documents([row.id]).map(toPublicDocumentWithFile),
    page: Math.floor(before / 100) + 1,
    citations,
  };
}
