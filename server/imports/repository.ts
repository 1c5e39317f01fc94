import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import type { EditableType } from "../records/tables";

/**
 * The queries the importer needs, synchronous like the rest of better-sqlite3. Lookups include
 * soft-deleted rows on purpose: a record staff deleted is matched (and left alone), never
 * created again by the next import.
 */
export function createImportsRepository(db: Db) {
  return {
    court(id: string) {
      return db.select().from(s.courts).where(eq(s.courts.id, id)).get();
    },

    casesInCourt(courtId: string) {
      return db.select().from(s.cases).where(eq(s.cases.courtId, courtId)).orderBy(asc(s.cases.id)).all();
    },

    caseById(id: number) {
      return db.select().from(s.cases).where(eq(s.cases.id, id)).get();
    },

    slugExists(table: "case" | "judge" | "attorney" | "organization", slug: string): boolean {
      const t = { case: s.cases, judge: s.judges, attorney: s.attorneys, organization: s.organizations }[table];
      return db.select({ id: t.id }).from(t).where(eq(t.slug, slug)).get() !== undefined;
    },

    judges() {
      return db.select().from(s.judges).orderBy(asc(s.judges.id)).all();
    },

    partiesOfCase(caseId: number) {
      return db.select().from(s.parties).where(eq(s.parties.caseId, caseId)).orderBy(asc(s.parties.id)).all();
    },

    attorneys() {
      return db.select().from(s.attorneys).orderBy(asc(s.attorneys.id)).all();
    },

    organizations() {
      return db.select().from(s.organizations).orderBy(asc(s.organizations.id)).all();
    },

    representationsOfParty(partyId: number) {
      return db.select().from(s.representations).where(eq(s.representations.partyId, partyId)).all();
    },

    entriesOfCase(caseId: number) {
      return db
        .select()
        .from(s.docketEntries)
        .where(eq(s.docketEntries.caseId, caseId))
        .orderBy(asc(s.docketEntries.sequence), asc(s.docketEntries.id))
        .all();
    },

    documentsOfEntry(entryId: number) {
      return db.select().from(s.documents).where(eq(s.documents.entryId, entryId)).all();
    },

    motionsOfCase(caseId: number) {
      return db.select().from(s.motions).where(eq(s.motions.caseId, caseId)).orderBy(asc(s.motions.id)).all();
    },

    /** Live citations of a record, with the reliability of each source. */
    citationsOf(recordType: EditableType, recordId: string | number) {
      return db
        .select({ citation: s.factSources, reliability: s.sources.reliability })
        .from(s.factSources)
        .innerJoin(s.sources, eq(s.sources.id, s.factSources.sourceId))
        .where(
          and(
            eq(s.factSources.recordType, recordType as s.RecordType),
            eq(s.factSources.recordId, String(recordId)),
            isNull(s.factSources.deletedAt),
          ),
        )
        .all();
    },

    /**
     * The latest report date among earlier imports of `kind` that created or updated the
     * record: a report older than that must not overwrite what a newer one wrote.
     */
    lastImportDate(recordType: EditableType, recordId: string | number, kind: (typeof s.IMPORT_KINDS)[number]): string | null {
      const rows = db
        .select({ date: s.sources.datePublished })
        .from(s.importRecords)
        .innerJoin(s.imports, eq(s.imports.id, s.importRecords.importId))
        .innerJoin(s.sources, eq(s.sources.id, s.imports.sourceId))
        .where(
          and(
            eq(s.importRecords.recordType, recordType as s.RecordType),
            eq(s.importRecords.recordId, String(recordId)),
            inArray(s.importRecords.action, ["created", "updated"]),
            eq(s.imports.kind, kind),
          ),
        )
        .all();
      return (
        rows
          .map((r) => r.date)
          .filter((d): d is string => !!d)
          .sort()
          .at(-1) ?? null
      );
    },

    latestImportOfFile(sha256: string) {
      return db.select().from(s.imports).where(eq(s.imports.fileSha256, sha256)).orderBy(desc(s.imports.id)).get();
    },

    importById(id: number) {
      return db.select().from(s.imports).where(eq(s.imports.id, id)).get();
    },

    /** Imports for the staff pages, newest first: the given ids, or the latest `limit`. */
    importRows(filter: { ids: number[] } | { limit: number }) {
      const query = db
        .select({
          id: s.imports.id,
          kind: s.imports.kind,
          createdAt: s.imports.createdAt,
          actor: s.imports.actor,
          summary: s.imports.summary,
          fileName: s.files.originalName,
          sourceTitle: s.sources.title,
        })
        .from(s.imports)
        .leftJoin(s.files, eq(s.files.sha256, s.imports.fileSha256))
        .leftJoin(s.sources, eq(s.sources.id, s.imports.sourceId));
      return "ids" in filter
        ? query.where(inArray(s.imports.id, filter.ids)).orderBy(asc(s.imports.id)).all()
        : query.orderBy(desc(s.imports.id)).limit(filter.limit).all();
    },

    recordsOfImport(importId: number) {
      return db.select().from(s.importRecords).where(eq(s.importRecords.importId, importId)).orderBy(asc(s.importRecords.id)).all();
    },

    sourceByTag(tag: string) {
      return db.select().from(s.sources).where(eq(s.sources.tag, tag)).get();
    },

    sourceById(id: number) {
      return db.select().from(s.sources).where(eq(s.sources.id, id)).get();
    },

    file(sha256: string) {
      return db.select().from(s.files).where(eq(s.files.sha256, sha256)).get();
    },

    insertFile(row: typeof s.files.$inferInsert) {
      db.insert(s.files).values(row).run();
    },

    insertImport(row: typeof s.imports.$inferInsert): number {
      return db.insert(s.imports).values(row).returning({ id: s.imports.id }).get().id;
    },

    finishImport(id: number, values: { caseId: number | null; sourceId: number | null; summary: string }) {
      db.update(s.imports).set(values).where(eq(s.imports.id, id)).run();
    },

    insertImportRecords(rows: (typeof s.importRecords.$inferInsert)[]) {
      // Chunked: SQLite caps the number of bound parameters per statement.
      for (let i = 0; i < rows.length; i += 200)
        db.insert(s.importRecords)
          .values(rows.slice(i, i + 200))
          .run();
    },
  };
}

export type ImportsRepository = ReturnType<typeof createImportsRepository>;
