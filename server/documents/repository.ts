import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";

/** Reads for the entry documents page and the download route, and the `files` rows uploads add. */
export function createDocumentsRepository(db: Db) {
  return {
    /** A live case by slug and one of its entries (stricken or sealed ones too: staff attach to them). */
    entryOfCase(caseSlug: string, entryId: number) {
      const kase = db
        .select()
        .from(s.cases)
        .where(and(eq(s.cases.slug, caseSlug), isNull(s.cases.deletedAt)))
        .get();
      if (!kase) return undefined;
      const entry = db
        .select()
        .from(s.docketEntries)
        .where(and(eq(s.docketEntries.id, entryId), eq(s.docketEntries.caseId, kase.id)))
        .get();
      return entry ? { kase, entry } : undefined;
    },

    /** Every document row of an entry, deleted ones too (their attachment numbers stay taken), with its file. */
    documentsOfEntry(entryId: number) {
      return db
        .select({ document: s.documents, file: s.files })
        .from(s.documents)
        .leftJoin(s.files, eq(s.files.sha256, s.documents.fileSha256))
        .where(eq(s.documents.entryId, entryId))
        .orderBy(asc(s.documents.attachmentNumber))
        .all();
    },

    /** A document with its entry, case and file, for a download. */
    documentForDownload(documentId: number) {
      return db
        .select({ document: s.documents, entry: s.docketEntries, kase: s.cases, file: s.files })
        .from(s.documents)
        .innerJoin(s.docketEntries, eq(s.docketEntries.id, s.documents.entryId))
        .innerJoin(s.cases, eq(s.cases.id, s.docketEntries.caseId))
        .leftJoin(s.files, eq(s.files.sha256, s.documents.fileSha256))
        .where(eq(s.documents.id, documentId))
        .get();
    },

    file(sha256: string) {
      return db.select().from(s.files).where(eq(s.files.sha256, sha256)).get();
    },

    insertFile(row: typeof s.files.$inferInsert) {
      db.insert(s.files).values(row).run();
    },

    /** Records the file's metadata and the stripped copy the public downloads. */
    setPublicCopy(sha256: string, values: { publicSha256: string; pdfMetadata?: string | null }) {
      db.update(s.files).set(values).where(eq(s.files.sha256, sha256)).run();
    },
  };
}

export type DocumentsRepository = ReturnType<typeof createDocumentsRepository>;
