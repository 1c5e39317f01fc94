import { and, asc, desc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { RECORD_TABLES, type EditableType } from "../records/tables";

type Row = Record<string, unknown>;
const column = (table: SQLiteTable, name: string) => (table as unknown as Record<string, SQLiteColumn | undefined>)[name];

/**
 * The reads the staff forms need besides the write service: the records a select offers, the
 * staff lists, and the sources behind a record. Staff see deleted records too, marked, so they
 * can restore them; selects offer live ones only.
 */
export function createFormsRepository(db: Db) {
  return {
    /** Rows of one type (of one case, for types that have a case), in docket order for entries. */
    rows(type: EditableType, options: { caseId?: number; includeDeleted?: boolean } = {}): Row[] {
      const table = RECORD_TABLES[type];
      const where: SQL[] = [];
      const caseColumn = column(table, "caseId");
      if (options.caseId !== undefined && caseColumn) where.push(eq(caseColumn, options.caseId));
      if (!options.includeDeleted) where.push(isNull(column(table, "deletedAt")!));
      const order = type === "entry" ? column(table, "sequence")! : column(table, "id")!;
      return db
        .select()
        .from(table)
        .where(and(...where))
        .orderBy(asc(order))
        .all() as Row[];
    },

    /** Any record by id, deleted or not (for names of records that have no form: courts, organizations). */
    find(type: EditableType, id: string | number): Row | undefined {
      const table = RECORD_TABLES[type];
      return db
        .select()
        .from(table)
        .where(eq(column(table, "id")!, id))
        .get() as Row | undefined;
    },

    /** The last entries of a case, newest first: what a clerk typing a run of entries checks against. */
    latestEntries(caseId: number, limit: number) {
      return db
        .select()
        .from(s.docketEntries)
        .where(and(eq(s.docketEntries.caseId, caseId), isNull(s.docketEntries.deletedAt)))
        .orderBy(desc(s.docketEntries.sequence))
        .limit(limit)
        .all();
    },

    /** The live documents filed with one entry, main document first. */
    documentsOfEntry(entryId: number) {
      return db
        .select()
        .from(s.documents)
        .where(and(eq(s.documents.entryId, entryId), isNull(s.documents.deletedAt)))
        .orderBy(asc(s.documents.attachmentNumber))
        .all();
    },

    /** Live fact-source links of one record, with the source each names. */
    factSourcesOf(recordType: EditableType, recordId: string | number) {
      return db
        .select({ link: s.factSources, source: s.sources })
        .from(s.factSources)
        .innerJoin(s.sources, eq(s.sources.id, s.factSources.sourceId))
        .where(and(eq(s.factSources.recordType, recordType), eq(s.factSources.recordId, String(recordId)), isNull(s.factSources.deletedAt)))
        .orderBy(asc(s.factSources.field), asc(s.factSources.id))
        .all();
    },

    /** Counsel of the parties of one case. */
    representationsOfCase(caseId: number, includeDeleted = false) {
      const where: SQL[] = [eq(s.parties.caseId, caseId)];
      if (!includeDeleted) where.push(isNull(s.representations.deletedAt));
      return db
        .select({ representation: s.representations, party: s.parties, attorney: s.attorneys, organization: s.organizations })
        .from(s.representations)
        .innerJoin(s.parties, eq(s.parties.id, s.representations.partyId))
        .leftJoin(s.attorneys, eq(s.attorneys.id, s.representations.attorneyId))
        .leftJoin(s.organizations, eq(s.organizations.id, s.representations.organizationId))
        .where(and(...where))
        .orderBy(asc(s.parties.id), asc(s.representations.id))
        .all();
    },

    /** Arguments made in a case's motions or filings. */
    argumentsOfCase(caseId: number, includeDeleted = false) {
      // Joined in SQL: a long docket's entry ids (100,000 of them) never come into JavaScript.
      const a = s.argumentsTable;
      const ofCase = or(
        inArray(a.motionId, db.select({ id: s.motions.id }).from(s.motions).where(eq(s.motions.caseId, caseId))),
        inArray(a.entryId, db.select({ id: s.docketEntries.id }).from(s.docketEntries).where(eq(s.docketEntries.caseId, caseId))),
      )!;
      return db
        .select()
        .from(a)
        .where(and(ofCase, ...(includeDeleted ? [] : [isNull(a.deletedAt)])))
        .orderBy(asc(a.id))
        .all();
    },
  };
}

export type FormsRepository = ReturnType<typeof createFormsRepository>;
