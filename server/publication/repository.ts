import { and, asc, count, desc, eq, inArray, isNull, like, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";

/** What a case holds, counted for the staff deciding whether to publish it. */
export type CaseHoldings = {
  entries: number;
  parties: number;
  counsel: number;
  motions: number;
  orders: number;
  hearings: number;
  deadlines: number;
};

const NO_HOLDINGS: CaseHoldings = { entries: 0, parties: 0, counsel: 0, motions: 0, orders: 0, hearings: 0, deadlines: 0 };

/** Staff-side reads for publication decisions: every state of every live case, never projected. */
export function createPublicationRepository(db: Db) {
  function countBy(
    table: typeof s.docketEntries | typeof s.parties | typeof s.motions | typeof s.orders | typeof s.hearings,
    caseIds: number[],
  ) {
    if (caseIds.length === 0) return new Map<number, number>();
    const rows = db
      .select({ caseId: table.caseId, n: count() })
      .from(table)
      .where(and(inArray(table.caseId, caseIds), isNull(table.deletedAt)))
      .groupBy(table.caseId)
      .all();
    return new Map(rows.map((r) => [r.caseId, r.n]));
  }

  return {
    caseBySlug(slug: string) {
      return db.select().from(s.cases).where(eq(s.cases.slug, slug)).get();
    },

    /** Live cases the public does not see yet, newest first. */
    unpublishedCases() {
      return db
        .select()
        .from(s.cases)
        .where(and(isNull(s.cases.deletedAt), eq(s.cases.published, false)))
        .orderBy(desc(s.cases.createdAt), desc(s.cases.id))
        .all();
    },

    courts(ids: (string | null)[]) {
      const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
      return wanted.length ? db.select().from(s.courts).where(inArray(s.courts.id, wanted)).all() : [];
    },

    holdings(caseIds: number[]): Map<number, CaseHoldings> {
      const entries = countBy(s.docketEntries, caseIds);
      const parties = countBy(s.parties, caseIds);
      const motions = countBy(s.motions, caseIds);
      const orders = countBy(s.orders, caseIds);
      const hearings = countBy(s.hearings, caseIds);
      const deadlines = new Map(
        caseIds.length
          ? db
              .select({ caseId: s.deadlines.caseId, n: count() })
              .from(s.deadlines)
              .where(and(inArray(s.deadlines.caseId, caseIds), isNull(s.deadlines.deletedAt)))
              .groupBy(s.deadlines.caseId)
              .all()
              .map((r) => [r.caseId!, r.n] as const)
          : [],
      );
      const counsel = new Map(
        caseIds.length
          ? db
              .select({ caseId: s.parties.caseId, n: count() })
              .from(s.representations)
              .innerJoin(s.parties, eq(s.parties.id, s.representations.partyId))
              .where(and(inArray(s.parties.caseId, caseIds), isNull(s.representations.deletedAt), isNull(s.parties.deletedAt)))
              .groupBy(s.parties.caseId)
              .all()
              .map((r) => [r.caseId, r.n] as const)
          : [],
      );
      const of = (m: Map<number, number>, id: number) => m.get(id) ?? 0;
      return new Map(
        caseIds.map((id) => [
          id,
          {
            ...NO_HOLDINGS,
            entries: of(entries, id),
            parties: of(parties, id),
            counsel: of(counsel, id),
            motions: of(motions, id),
            orders: of(orders, id),
            hearings: of(hearings, id),
            deadlines: of(deadlines, id),
          },
        ]),
      );
    },

    /** The imports that touched each case, oldest first, with the file's name. */
    importsOf(caseIds: number[]) {
      if (caseIds.length === 0) return [];
      return db
        .select({
          caseId: s.importRecords.recordId,
          importId: s.imports.id,
          kind: s.imports.kind,
          at: s.imports.createdAt,
          actor: s.imports.actor,
          fileName: s.files.originalName,
        })
        .from(s.importRecords)
        .innerJoin(s.imports, eq(s.imports.id, s.importRecords.importId))
        .leftJoin(s.files, eq(s.files.sha256, s.imports.fileSha256))
        .where(and(eq(s.importRecords.recordType, "case"), inArray(s.importRecords.recordId, caseIds.map(String))))
        .orderBy(asc(s.imports.id))
        .all()
        .map((r) => ({ ...r, caseId: Number(r.caseId) }));
    },

    /** Who created each case and when: its first revision. */
    creations(caseIds: number[]) {
      if (caseIds.length === 0) return [];
      return db
        .select({ recordId: s.revisions.recordId, actor: s.revisions.actor, at: s.revisions.at })
        .from(s.revisions)
        .where(
          and(eq(s.revisions.recordType, "case"), eq(s.revisions.action, "create"), inArray(s.revisions.recordId, caseIds.map(String))),
        )
        .all()
        .map((r) => ({ caseId: Number(r.recordId), actor: r.actor, at: r.at }));
    },

    /** The case's publication decisions, newest first (the revisions the service writes). */
    decisions(caseId: number) {
      return db
        .select({
          id: s.revisions.id,
          actor: s.revisions.actor,
          at: s.revisions.at,
          reason: s.revisions.reason,
          action: s.revisions.action,
        })
        .from(s.revisions)
        .where(
          and(
            eq(s.revisions.recordType, "case"),
            eq(s.revisions.recordId, String(caseId)),
            or(
              like(s.revisions.reason, "Published: %"),
              like(s.revisions.reason, "Unpublished: %"),
              eq(s.revisions.reason, "published at import"),
            ),
          ),
        )
        .orderBy(desc(s.revisions.id))
        .all();
    },
  };
}

export type PublicationRepository = ReturnType<typeof createPublicationRepository>;
