import { and, asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { toPublic, toPublicEntry, type PublicRecord } from "../privacy/projection";
import { publicCase, publicEvent, publicRow } from "../records/public-scope";
import { createSourcesRepository } from "../sources/repository";
import { citationsBehind, refKey, type Citation } from "../sources/markers";
import { deriveCaseHistory, type StatusStep } from "../status/history";
import { loadSubpoenaBundles } from "../subpoenas/loaders";
import { createSubpoenasRepository } from "../subpoenas/repository";

/** What a feed is about: one case, one subpoena (and the cases challenging it), or everything. */
export type FeedScope = { kind: "case"; caseId: number } | { kind: "subpoena"; subpoenaId: number } | { kind: "all" };

/** When the record entered the tracker and when it last changed: a feed entry's `published` and `updated`. */
type Stamps = { recordedAt: string; changedAt: string };

export type FeedRecord =
  | ({ kind: "entry"; entry: PublicRecord<"entry">; case: PublicRecord<"case">; citations: Citation[] } & Stamps)
  | ({ kind: "event"; event: PublicRecord<"event">; case: PublicRecord<"case"> | null; citations: Citation[] } & Stamps)
  | StatusFeedRecord;

/** One step of a subpoena's or case's status history (status/history.ts), as a feed entry; its stamps are its subject's. */
export type StatusFeedRecord = {
  kind: "status";
  subject: { type: "subpoena" | "case"; slug: string; title: string };
  step: StatusStep;
  /** The sources behind the step. */
  citations: Citation[];
  case: null;
} & Stamps;

/** The newest items of a feed, entries and events together, through the public projection. */
export function loadFeedRecords(db: Db, scope: FeedScope, limit = 100): FeedRecord[] {
  const caseIds = scope.kind === "case" ? [scope.caseId] : scope.kind === "subpoena" ? casesChallenging(db, scope.subpoenaId) : null;

  const newestEntries = (...where: SQL[]) =>
    db
      .select({ entry: s.docketEntries, case: s.cases })
      .from(s.docketEntries)
      .innerJoin(s.cases, eq(s.cases.id, s.docketEntries.caseId))
      .where(and(publicRow(s.docketEntries), publicCase(), ...where))
      .orderBy(desc(s.docketEntries.dateFiled), desc(s.docketEntries.sequence))
      .limit(limit)
      .all();
  // A case's newest entries come from its own index (docket_entries_live_case_date_idx), one case
  // at a time: with an IN over a subpoena's cases SQLite walked every live entry of the record by
  // date instead, looking for theirs (1.3 s with a million entries in other cases).
  const entries =
    caseIds === null
      ? newestEntries()
      : caseIds
          .flatMap((caseId) => newestEntries(eq(s.docketEntries.caseId, caseId)))
          .sort((a, b) => newestFirst(a.entry, b.entry))
          .slice(0, limit);

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
      recordedAt: e.entry.createdAt,
      changedAt: e.entry.updatedAt,
    })),
    ...events.map((e) => ({
      kind: "event" as const,
      event: toPublic("event", e.event),
      case: e.case && !e.case.deletedAt ? toPublic("case", e.case) : null,
      citations: citations.get(refKey("event", e.event.id)) ?? [],
      recordedAt: e.event.createdAt,
      changedAt: e.event.updatedAt,
    })),
  ];
  records.push(...statusRecords(db, scope));
  return records.sort((a, b) => dayOf(b).localeCompare(dayOf(a))).slice(0, limit);
}

/** The entries' order in SQL (date filed, then sequence, newest first), for merging cases' lists. */
function newestFirst(a: { dateFiled: string; sequence: number }, b: { dateFiled: string; sequence: number }): number {
  return b.dateFiled.localeCompare(a.dateFiled) || b.sequence - a.sequence;
}

export function dayOf(record: FeedRecord): string {
  if (record.kind === "status") return record.step.date.known && record.step.date.datetime ? record.step.date.datetime : "0000-00-00";
  return record.kind === "entry" ? record.entry.dateFiled : (record.event.date ?? "0000-00-00");
}

/** The status history steps a feed carries: its subpoena's (every subpoena's for the whole feed), or its case's. */
function statusRecords(db: Db, scope: FeedScope): StatusFeedRecord[] {
  const stepCitations = (step: StatusStep, citations: Map<string, Citation[]>) => citationsBehind(step.sources, citations);
  if (scope.kind === "case") {
    const row = db
      .select()
      .from(s.cases)
      .where(and(eq(s.cases.id, scope.caseId), publicCase()))
      .get();
    if (!row) return [];
    const kase = toPublic("case", row);
    const motions = db
      .select()
      .from(s.motions)
      .where(and(eq(s.motions.caseId, row.id), publicRow(s.motions)))
      .all()
      .map((m) => toPublic("motion", m));
    // The history dates a motion's decision by the order that decided it, and reads no other
    // order: only those are read (a docket of 100,000 entries has 1,000 orders).
    const deciding = [...new Set(motions.flatMap((m) => (m.decidedByOrderId === null ? [] : [m.decidedByOrderId])))];
    const orders =
      deciding.length === 0
        ? []
        : db
            .select()
            .from(s.orders)
            .where(and(eq(s.orders.caseId, row.id), inArray(s.orders.id, deciding), publicRow(s.orders)))
            .all()
            .map((o) => toPublic("order", o));
    const steps = deriveCaseHistory({ kase, motions, orders });
    const citations = createSourcesRepository(db).citationsFor(steps.flatMap((st) => st.sources));
    const subject = { type: "case" as const, slug: kase.slug, title: kase.caption ?? kase.label };
    const stamps = { recordedAt: row.createdAt, changedAt: row.updatedAt };
    return steps.map((step) => ({ kind: "status", subject, step, citations: stepCitations(step, citations), case: null, ...stamps }));
  }
  const repo = createSubpoenasRepository(db);
  const rows = scope.kind === "subpoena" ? repo.list().filter((r) => r.id === scope.subpoenaId) : repo.list();
  const { bundles, citations } = loadSubpoenaBundles(db, rows);
  return bundles.flatMap((b) => {
    const subject = { type: "subpoena" as const, slug: b.subpoena.slug, title: b.subpoena.title };
    const row = rows.find((r) => r.id === b.subpoena.id);
    const stamps = { recordedAt: row?.createdAt ?? "", changedAt: row?.updatedAt ?? "" };
    return b.history.map((step): StatusFeedRecord => ({
      kind: "status",
      subject,
      step,
      citations: stepCitations(step, citations),
      case: null,
      ...stamps,
    }));
  });
}

function casesChallenging(db: Db, subpoenaId: number): number[] {
  return db
    .select({ caseId: s.caseSubpoenas.caseId })
    .from(s.caseSubpoenas)
    .where(eq(s.caseSubpoenas.subpoenaId, subpoenaId))
    .all()
    .map((r) => r.caseId);
}
