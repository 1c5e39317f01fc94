import { asc, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { toPublic, type PublicRecord } from "../privacy/projection";
import { publicCase } from "../records/public-scope";
import { createSourcesRepository, refKey, type Citation, type ConflictRef } from "../sources/repository";
import { deriveCaseStatus, type CaseStatus } from "../status/case-status";

export type CaseSummary = {
  case: PublicRecord<"case">;
  court: PublicRecord<"court"> | null;
  assigned: PublicRecord<"judge"> | null;
  referred: PublicRecord<"judge"> | null;
  subpoenas: PublicRecord<"subpoena">[];
  motions: PublicRecord<"motion">[];
  status: CaseStatus;
  citations: Citation[];
  conflicts: ConflictRef[];
};

/**
 * Every public case with what a list needs (court, judges, challenged subpoenas, derived status,
 * sources), in a fixed number of queries whatever the number of cases.
 */
export function loadCaseSummaries(db: Db): CaseSummary[] {
  const caseRows = db.select().from(s.cases).where(publicCase()).orderBy(asc(s.cases.position), asc(s.cases.id)).all();
  const courts = new Map(db.select().from(s.courts).all().map((c) => [c.id, toPublic("court", c)]));
  const judges = new Map(db.select().from(s.judges).where(isNull(s.judges.deletedAt)).all().map((j) => [j.id, toPublic("judge", j)]));
  const subpoenas = new Map(
    db.select().from(s.subpoenas).where(isNull(s.subpoenas.deletedAt)).all().map((sp) => [sp.id, toPublic("subpoena", sp)]),
  );
  const links = db.select().from(s.caseSubpoenas).all();
  const motions = db.select().from(s.motions).where(isNull(s.motions.deletedAt)).orderBy(asc(s.motions.id)).all();
  const sources = createSourcesRepository(db);
  const refs = caseRows.map((c) => ({ type: "case" as const, id: c.id }));
  const citations = sources.citationsFor(refs);
  const conflicts = sources.conflictsFor(refs);

  return caseRows.map((row) => {
    const kase = toPublic("case", row);
    const caseMotions = motions.filter((m) => m.caseId === row.id).map((m) => toPublic("motion", m));
    return {
      case: kase,
      court: (row.courtId && courts.get(row.courtId)) || null,
      assigned: (row.assignedJudgeId && judges.get(row.assignedJudgeId)) || null,
      referred: (row.referredJudgeId && judges.get(row.referredJudgeId)) || null,
      subpoenas: links
        .filter((l) => l.caseId === row.id)
        .map((l) => subpoenas.get(l.subpoenaId))
        .filter((sp): sp is PublicRecord<"subpoena"> => Boolean(sp)),
      motions: caseMotions,
      status: deriveCaseStatus(kase, caseMotions),
      citations: citations.get(refKey("case", row.id)) ?? [],
      conflicts: conflicts.get(refKey("case", row.id)) ?? [],
    };
  });
}
