import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { toPublic, toPublicEntry, type PublicRecord } from "../privacy/projection";
import { publicCase, publicEvent, publicRow } from "../records/public-scope";
import { createSourcesRepository } from "../sources/repository";
import { refKey, type Citation } from "../sources/markers";

/** What a feed is about: one case, one subpoena (and the cases challenging it), or everything. */
export type FeedScope = { kind: "case"; caseId: number } | { kind: "subpoena"; subpoenaId: number } | { kind: "all" };

export type FeedRecord =
  | { kind: "entry"; entry: PublicRecord<"entry">; case: PublicRecord<"case">; citations: Citation[] }
  | { kind: "event"; event: PublicRecord<"event">; case: PublicRecord<"case"> | null; citations: Citation[] };

/** The newest items of a feed, entries and events together, through the public projection. */
export function loadFeedRecords(db: Db, scope: FeedScope, limit = 100): FeedRecord[] {
  const caseIds = scope.kind === "case" ? [scope.caseId] : scope.kind === "subpoena" ? casesChallenging(db, scope.subpoenaId) : null;

  const entryWhere: SQL[] = [publicRow(s.docketEntries), publicCase()];
  if (caseIds) entryWhere.push(inArray(s.docketEntries.caseId, caseIds));
  const entries = db
    .select({ entry: s.docketEntries, case: s.cases })
    .from(s.docketEntries)
    .innerJoin(s.cases, eq(s.cases.id, s.docketEntries.caseId))
    .where(and(...entryWhere))
    .orderBy(desc(s.docketEntries.dateFiled), desc(s.docketEntries.sequence))
    .limit(limit)
    .all();

  const eventWhere: SQL[] = [publicRow(s.events), publicEvent(db)];
  if (scope.kind === "case") eventWhere.push(eq(s.events.caseId, scope.caseId));
  if (scope.kind === "subpoena") eventWhere.push(eq(s.events.subpoenaId, scope.subpoenaId));
  const events = db
    .select({ event: s.events, case: s.cases })
    .from(s.events)
    .leftJoin(s.cases, eq(s.cases.id, s.events.caseId))
    .where(and(...eventWhere))
    .orderBy(desc(s.events.date), asc(s.events.id))
    .limit(limit)
    .all();

  const openEntries = entries.filter((e) => !e.entry.sealed);
  const citations = createSourcesRepository(db).citationsFor([
    ...openEntries.map((e) => ({ type: "entry" as const, id: e.entry.id })),
    ...events.map((e) => ({ type: "event" as const, id: e.event.id })),
  ]);
  const records: FeedRecord[] = [
    ...entries.map((e) => ({
      kind: "entry" as const,
      entry: toPublicEntry(e.entry),
      case: toPublic("case", e.case),
      citations: e.entry.sealed ? [] : (citations.get(refKey("entry", e.entry.id)) ?? []),
    })),
    ...events.map((e) => ({
      kind: "event" as const,
      event: toPublic("event", e.event),
      case: e.case && !e.case.deletedAt ? toPublic("case", e.case) : null,
      citations: citations.get(refKey("event", e.event.id)) ?? [],
    })),
  ];
  return records.sort((a, b) => dayOf(b).localeCompare(dayOf(a))).slice(0, limit);
}

export function dayOf(record: FeedRecord): string {
  return record.kind === "entry" ? record.entry.dateFiled : (record.event.date ?? "0000-00-00");
}

function casesChallenging(db: Db, subpoenaId: number): number[] {
  return db
    .select({ caseId: s.caseSubpoenas.caseId })
    .from(s.caseSubpoenas)
    .where(eq(s.caseSubpoenas.subpoenaId, subpoenaId))
    .all()
    .map((r) => r.caseId);
}
