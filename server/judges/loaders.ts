import type { Db } from "../../db/client";
import { loadCaseSummaries, type CaseSummary } from "../cases/loaders";
import { loadOrders, type OrderRecord } from "../orders/loaders";
import { toPublic, type PublicRecord } from "../privacy/projection";
import { createSourcesRepository } from "../sources/repository";
import { refKey, type Citation, type ConflictRef } from "../sources/markers";
import { createJudgesRepository } from "./repository";

export type JudgeSummary = {
  judge: PublicRecord<"judge">;
  court: PublicRecord<"court"> | null;
  /** Live cases that name the judge as assigned or referred. */
  caseCount: number;
  /** Live orders the judge signed. */
  orderCount: number;
  citations: Citation[];
  conflicts: ConflictRef[];
};

export type PublicJudge = JudgeSummary & {
  assignedCases: CaseSummary[];
  referredCases: CaseSummary[];
  orders: OrderRecord[];
};

/** The surname a list is sorted by: the last word of the name, passing over "Jr." and the like. */
export function surnameOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .filter((w) => !/^(jr\.?|sr\.?|ii|iii|iv)$/i.test(w.replace(/,$/, "")));
  return (words[words.length - 1] ?? name).replace(/,$/, "");
}

/** Every judge by surname, with court, counts of cases and orders, and the sources behind each judge record. */
export function loadJudgeSummaries(db: Db): JudgeSummary[] {
  const repo = createJudgesRepository(db);
  const rows = repo
    .list()
    .sort((a, b) => surnameOf(a.name).localeCompare(surnameOf(b.name), "en") || a.name.localeCompare(b.name, "en") || a.id - b.id);
  const courts = new Map(repo.courts(rows.map((j) => j.courtId)).map((c) => [c.id, toPublic("court", c)]));
  const counts = repo.counts();
  const sources = createSourcesRepository(db);
  const refs = rows.map((j) => ({ type: "judge" as const, id: j.id }));
  const citations = sources.citationsFor(refs);
  const conflicts = sources.conflictsFor(refs);
  return rows.map((j) => ({
    judge: toPublic("judge", j),
    court: (j.courtId && courts.get(j.courtId)) || null,
    caseCount: counts.get(j.id)?.cases ?? 0,
    orderCount: counts.get(j.id)?.orders ?? 0,
    citations: citations.get(refKey("judge", j.id)) ?? [],
    conflicts: conflicts.get(refKey("judge", j.id)) ?? [],
  }));
}

/**
 * One judge with the cases assigned or referred to them (as the case lists show them) and the
 * orders they signed, all through the public projection; undefined for an unknown slug.
 */
export function loadPublicJudge(db: Db, slug: string): PublicJudge | undefined {
  const repo = createJudgesRepository(db);
  const row = repo.findBySlug(slug);
  if (!row) return undefined;
  const court = repo.courts([row.courtId])[0];
  const sources = createSourcesRepository(db);
  const ref = [{ type: "judge" as const, id: row.id }];
  // Only this judge's cases are summarised, not every case of the record.
  const summaries = loadCaseSummaries(db, repo.casesOf(row.id));
  const assignedCases = summaries.filter((sm) => sm.case.assignedJudgeId === row.id);
  const referredCases = summaries.filter((sm) => sm.case.referredJudgeId === row.id && sm.case.assignedJudgeId !== row.id);
  const orders = loadOrders(db, { judgeId: row.id });
  return {
    judge: toPublic("judge", row),
    court: court ? toPublic("court", court) : null,
    caseCount: assignedCases.length + referredCases.length,
    orderCount: orders.length,
    citations: sources.citationsFor(ref).get(refKey("judge", row.id)) ?? [],
    conflicts: sources.conflictsFor(ref).get(refKey("judge", row.id)) ?? [],
    assignedCases,
    referredCases,
    orders,
  };
}
