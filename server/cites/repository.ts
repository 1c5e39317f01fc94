import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { publicCase, publicRow } from "../records/public-scope";

export type CiteFilter = { caseId?: number; authorityId?: number; entryIds?: number[] };

const c = s.cites;
const d = s.documents;
const e = s.docketEntries;

/**
 * Reads of the "cites" links found in filings. The public ones are confirmed by staff, still
 * found in the text, of a live authority, in a document and filing that are neither sealed nor
 * stricken, of a public case: a proposed link is a guess until a person checks it, and a
 * sealed paper's sentences never leave the server. Staff reads (`ofCase`, `proposed`) see
 * every live link. Nothing here is projected yet.
 */
export function createCitesRepository(db: Db) {
  const joined = () =>
    db
      .select({ cite: c, document: d, entry: e, kase: s.cases, authority: s.authorities })
      .from(c)
      .innerJoin(d, eq(d.id, c.documentId))
      .innerJoin(e, eq(e.id, d.entryId))
      .innerJoin(s.cases, eq(s.cases.id, e.caseId))
      .leftJoin(s.authorities, and(eq(s.authorities.id, c.authorityId), publicRow(s.authorities)));

  const order = [asc(s.cases.position), asc(s.cases.id), asc(e.sequence), asc(d.attachmentNumber), asc(c.spanStart), asc(c.id)];

  function filters(filter: CiteFilter): SQL[] {
    const out: SQL[] = [];
    if (filter.caseId !== undefined) out.push(eq(s.cases.id, filter.caseId));
    if (filter.authorityId !== undefined) out.push(eq(c.authorityId, filter.authorityId));
    if (filter.entryIds) out.push(inArray(e.id, filter.entryIds.length ? filter.entryIds : [-1]));
    return out;
  }

  return {
    publicCites(filter: CiteFilter = {}) {
      return joined()
        .where(
          and(
            eq(c.status, "confirmed"),
            eq(c.found, true),
            isNull(c.deletedAt),
            publicRow(s.authorities),
            eq(s.authorities.id, c.authorityId),
            isNull(d.deletedAt),
            eq(d.sealed, false),
            eq(e.sealed, false),
            eq(e.stricken, false),
            publicCase(),
            ...filters(filter),
          ),
        )
        .orderBy(...order)
        .all();
    },

    /** Every live link of a case's documents, whatever its status, for staff. */
    ofCase(caseId: number) {
      return joined()
        .where(and(isNull(c.deletedAt), isNull(d.deletedAt), eq(s.cases.id, caseId)))
        .orderBy(...order)
        .all();
    },

    /** The live case a link was found in: where its decision is shown. */
    caseOf(citeId: number) {
      return db
        .select({ id: s.cases.id, slug: s.cases.slug })
        .from(c)
        .innerJoin(d, eq(d.id, c.documentId))
        .innerJoin(e, eq(e.id, d.entryId))
        .innerJoin(s.cases, eq(s.cases.id, e.caseId))
        .where(and(eq(c.id, citeId), isNull(s.cases.deletedAt)))
        .get();
    },

    /** Live authorities by name, for the select a link is confirmed with. */
    authorityChoices() {
      return db
        .select({ id: s.authorities.id, shortName: s.authorities.shortName, citation: s.authorities.citation })
        .from(s.authorities)
        .where(isNull(s.authorities.deletedAt))
        .all();
    },

    /** Links waiting for a decision, across live cases, for the staff review list. */
    proposed() {
      return joined()
        .where(and(eq(c.status, "proposed"), eq(c.found, true), isNull(c.deletedAt), isNull(d.deletedAt), isNull(s.cases.deletedAt)))
        .orderBy(...order)
        .all();
    },

    /** The live authorities and their citations: what a found citation may name. */
    authorities() {
      return db
        .select({ id: s.authorities.id, citation: s.authorities.citation })
        .from(s.authorities)
        .where(isNull(s.authorities.deletedAt))
        .orderBy(asc(s.authorities.id))
        .all();
    },

    /** Every stored link of one document, deleted ones too: what a re-extraction reconciles with. */
    ofDocument(documentId: number) {
      return db.select().from(c).where(eq(c.documentId, documentId)).orderBy(asc(c.id)).all();
    },

    /** Documents of a case with their text state, for the tab's honest empty states. */
    documentsOfCase(caseId: number) {
      return db
        .select({
          id: d.id,
          entryId: d.entryId,
          sealed: d.sealed,
          entrySealed: e.sealed,
          stricken: e.stricken,
          textLength: sql<number>`length(trim(coalesce(${d.extractedText}, '')))`,
        })
        .from(d)
        .innerJoin(e, eq(e.id, d.entryId))
        .where(and(eq(e.caseId, caseId), isNull(d.deletedAt)))
        .all();
    },
  };
}

export type CiteRow = ReturnType<ReturnType<typeof createCitesRepository>["publicCites"]>[number];
export type CiteWithContext = ReturnType<ReturnType<typeof createCitesRepository>["ofCase"]>[number];
