import { and, desc, eq, isNull, like, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import type { SealKind } from "./schemas";

/** Staff-side reads for seal decisions: sealed text included, never projected, never public. */
export function createSealRepository(db: Db) {
  const caseOf = (caseId: number) => db.select().from(s.cases).where(eq(s.cases.id, caseId)).get();

  return {
    /** The record, its case and (for a document) its entry, as the seal page describes them. */
    context(kind: SealKind, id: number) {
      if (kind === "case") {
        const kase = caseOf(id);
        return kase ? { kase, entry: null, document: null, party: null } : undefined;
      }
      if (kind === "entry") {
        const entry = db.select().from(s.docketEntries).where(eq(s.docketEntries.id, id)).get();
        const kase = entry && caseOf(entry.caseId);
        return entry && kase ? { kase, entry, document: null, party: null } : undefined;
      }
      if (kind === "party") {
        const party = db.select().from(s.parties).where(eq(s.parties.id, id)).get();
        const kase = party && caseOf(party.caseId);
        return party && kase ? { kase, entry: null, document: null, party } : undefined;
      }
      const document = db.select().from(s.documents).where(eq(s.documents.id, id)).get();
      const entry = document && db.select().from(s.docketEntries).where(eq(s.docketEntries.id, document.entryId)).get();
      const kase = entry && caseOf(entry.caseId);
      return document && entry && kase ? { kase, entry, document, party: null } : undefined;
    },

    /** Every seal or unseal decision on the record, newest first. */
    decisions(kind: SealKind, id: number) {
      const recordType = kind === "party" ? "party" : kind;
      return db
        .select({ id: s.revisions.id, actor: s.revisions.actor, at: s.revisions.at, reason: s.revisions.reason })
        .from(s.revisions)
        .where(
          and(
            eq(s.revisions.recordType, recordType),
            eq(s.revisions.recordId, String(id)),
            or(like(s.revisions.reason, "Sealed (order: %"), like(s.revisions.reason, "Unsealed (order: %")),
          ),
        )
        .orderBy(desc(s.revisions.id))
        .all();
    },

    /** What is sealed now, live records only, each with its case. */
    sealed() {
      const cases = db
        .select()
        .from(s.cases)
        .where(and(eq(s.cases.sealed, true), isNull(s.cases.deletedAt)))
        .all();
      const parties = db
        .select({ party: s.parties, kase: s.cases })
        .from(s.parties)
        .innerJoin(s.cases, eq(s.cases.id, s.parties.caseId))
        .where(and(eq(s.parties.nameSealed, true), isNull(s.parties.deletedAt)))
        .all();
      const entries = db
        .select({ entry: s.docketEntries, kase: s.cases })
        .from(s.docketEntries)
        .innerJoin(s.cases, eq(s.cases.id, s.docketEntries.caseId))
        .where(and(eq(s.docketEntries.sealed, true), isNull(s.docketEntries.deletedAt)))
        .all();
      const documents = db
        .select({ document: s.documents, entry: s.docketEntries, kase: s.cases })
        .from(s.documents)
        .innerJoin(s.docketEntries, eq(s.docketEntries.id, s.documents.entryId))
        .innerJoin(s.cases, eq(s.cases.id, s.docketEntries.caseId))
        .where(and(eq(s.documents.sealed, true), isNull(s.documents.deletedAt)))
        .all();
      return { cases, parties, entries, documents };
    },
  };
}

export type SealRepository = ReturnType<typeof createSealRepository>;
