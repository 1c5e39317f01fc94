import { and, eq, asc } from "drizzle-orm";
import type { Db } from "../../db/client";
import type { RecordType } from "../../db/schema";
import * as s from "../../db/schema";
import { toPublic, toPublicDocumentWithFile, toPublicEntry, toPublicText, type PublicRecord } from "../privacy/projection";
import { caseNotPublicCause } from "../privacy/visibility";
import { withoutRemembering } from "../privacy/redact";
import { publicCase, publicRow } from "../records/public-scope";
import { createSourcesRepository } from "../sources/repository";
import { type Citation, type ConflictRef, type RecordRef, refKey } from "../sources/markers";
import { deriveCaseStatus, type CaseStatus } from "../status/case-status";
import { docketPageOf } from "../records/docket-position";
import { EXPORT_BATCH } from "../shared/export-batch";
import { createCasesRepository } from "./repository";
import type { DocketQuery } from "./schemas";

/**
 * Who reads a docket: the public, who find public cases only, or staff, who also find a case
 * not yet public and see it exactly as publishing it would show it (the same projection).
 */
export type DocketReader = "public" | "staff";

/**
 * Everything public about one case, already through the public projection, with the
 * citations and conflicts of every record on it. Both the docket page and the API read this.
 * `notPublic` says why the public cannot see the case (only ever set for a staff reader).
 */
/**
 * Which entries a docket read loads: a page of the docket (the page, the API's first page), or
 * only the entries named (a motion's own entry). Never the whole docket: a case can have
 * 100,000 entries, and their documents and citations would be looked up by every id.
 */
export type DocketSlice = DocketQuery | { only: number[] };

/**
 * A case with at most this many orders has them all read with any page of its docket; past it,
 * a page reads the orders of its own entries and those in force, deciding a motion or named by
 * a deadline, and says how many there are (`ordersTotal`).
 */
export const ORDERS_IN_FULL = 50;

export function loadPublicDocket(db: Db, slug: string, query: DocketSlice, reader: DocketReader = "public") {
  const repo = createCasesRepository(db);
  const row = reader === "staff" ? repo.findLiveBySlug(slug) : repo.findBySlug(slug);
  if (!row) return undefined;
  const notPublic = caseNotPublicCause(row);
  const kase = toPublic("case", row);
  const court = repo.court(row.courtId);
  const judges = repo.judges([row.assignedJudgeId, row.referredJudgeId]).map((j) => toPublic("judge", j));

  const page = "only" in query ? { rows: repo.entriesById(row.id, query.only), total: undefined } : repo.entries(row.id, query);
  const entryRows = page.rows;
  const entries = entryRows.map(toPublicEntry);
  const total = page.total ?? entries.length;
  // A search inside a long docket counts to DOCKET_SEARCH_CAP (./docket-search.ts): past it, at least `total`.
  const totalCapped = "capped" in page && page.capped === true;
  // Documents of sealed entries never leave the database.
  const openEntryIds = entryRows.filter((e) => !e.sealed).map((e) => e.id);
  const documents = repo.documents(openEntryIds).map(toPublicDocumentWithFile);

  const partyRows = repo.parties(row.id);
  const parties = partyRows.map((p) => toPublic("party", p));
  const counsel = repo.counselOfCase(row.id).map((c) => ({
    representation: toPublic("representation", c.representation),
    attorney: c.attorney && !c.attorney.deletedAt ? toPublic("attorney", c.attorney) : null,
    organization: c.organization && !c.organization.deletedAt ? toPublic("organization", c.organization) : null,
  }));
  const partyAccounts = repo.partyAccountsOfCase(row.id).map((pa) => ({
    partyId: pa.partyId,
    account: toPublic("account", pa.account),
  }));
  const attorneyOrgs = repo.organizations(counsel.map((c) => c.attorney?.organizationId ?? null)).map((o) => toPublic("organization", o));

  const motionRows = repo.motions(row.id);
  const motions = motionRows.map((m) => toPublic("motion", m));
  const movants = repo.movantsOfCase(row.id);
  // A long docket's orders are not all read for one page of it (a case of 100,000 entries had
  // 1,000): past ORDERS_IN_FULL, only those the page shows (shownOrder in ./repository.ts).
  const ordersTotal = repo.orderCount(row.id);
  const ordersComplete = ordersTotal <= ORDERS_IN_FULL;
  const pageEntryIds = entryRows.map((e) => e.id);
  const orderRows = ordersComplete ? repo.orders(row.id) : repo.ordersShown(row.id, pageEntryIds);
  const orders = orderRows.map((o) => toPublic("order", o));
  const dispositions = ordersComplete ? repo.dispositionsOfCase(row.id) : repo.dispositionsShown(row.id, pageEntryIds);
  const coverageRows = ordersComplete ? repo.coverageOfCase(row.id) : repo.coverageShown(row.id, pageEntryIds);
  const coverage = coverageRows.map((c) => ({
    coverage: toPublic("coverage", c.coverage),
    subpoena: toPublic("subpoena", c.subpoena),
    account: c.account ? toPublic("account", c.account) : null,
  }));
  const orderJudges = repo.judges(orderRows.map((o) => o.judgeId)).map((j) => toPublic("judge", j));
  // The ECF No. of each order's docket entry, when the public may see that entry (the card links it).
  const orderEntries = repo.entryNumbers(row.id, [...new Set(orderRows.flatMap((o) => (o.entryId === null ? [] : [o.entryId])))]);
  const hearings = repo.hearings(row.id).map((h) => toPublic("hearing", h));
  const deadlines = repo.deadlines(row.id).map((d) => toPublic("deadline", d));
  const related = repo.related(row.id).map((r) => ({ relation: toPublicText(r.relation), case: toPublic("case", r.other) }));
  const subpoenas = repo.subpoenas(row.id).map((sp) => toPublic("subpoena", sp));

  const refs: RecordRef[] = [
    { type: "case", id: row.id },
    ...(court ? [{ type: "court" as RecordType, id: court.id }] : []),
    ...judges.map((j) => ({ type: "judge" as const, id: j.id })),
    ...entries.filter((e) => !e.sealed).map((e) => ({ type: "entry" as const, id: e.id })),
    // A sealed name's citations could quote it; they stay unread, as a sealed entry's do.
    ...parties.filter((p) => !p.nameSealed).map((p) => ({ type: "party" as const, id: p.id })),
    ...counsel.map((c) => ({ type: "representation" as const, id: c.representation.id })),
    ...motions.map((m) => ({ type: "motion" as const, id: m.id })),
    ...orders.map((o) => ({ type: "order" as const, id: o.id })),
    ...coverage.map((c) => ({ type: "coverage" as const, id: c.coverage.id })),
    ...hearings.map((h) => ({ type: "hearing" as const, id: h.id })),
    ...deadlines.map((d) => ({ type: "deadline" as const, id: d.id })),
    ...subpoenas.map((sp) => ({ type: "subpoena" as const, id: sp.id })),
  ];
  const sources = createSourcesRepository(db);
  const citations: Map<string, Citation[]> = sources.citationsFor(refs);
  const conflicts: Map<string, ConflictRef[]> = sources.conflictsFor(refs);

  return {
    case: kase,
    notPublic,
    court: court ? toPublic("court", court) : null,
    judges,
    entries,
    total,
    totalCapped,
    documents,
    parties,
    counsel,
    attorneyOrgs,
    partyAccounts,
    motions,
    movants,
    orders,
    ordersTotal,
    ordersComplete,
    orderJudges,
    orderEntries,
    dispositions,
    coverage,
    hearings,
    deadlines,
    related,
    subpoenas,
    citations,
    conflicts,
    // When anything the page shows last changed, for "Cite this page" (not the case record's own date alone).
    changedAt: repo.lastChangedAt(row.id) ?? row.updatedAt,
  };
}

export type PublicDocketData = NonNullable<ReturnType<typeof loadPublicDocket>>;
type PublicCounsel = PublicDocketData["counsel"][number];

/*
 * A party's accounts and counsel, and an appearance's firm, looked up the same way by the
 * docket page and the API.
 */

export function accountsOfParty(d: PublicDocketData, partyId: number) {
  return d.partyAccounts.filter((pa) => pa.partyId === partyId).map((pa) => pa.account);
}

export function counselOfParty(d: PublicDocketData, partyId: number): PublicCounsel[] {
  return d.counsel.filter((c) => c.representation.partyId === partyId);
}

/** The firm named on the appearance; when it names none, the attorney's own firm. */
export function firmOf(d: PublicDocketData, counsel: PublicCounsel) {
  return counsel.organization ?? d.attorneyOrgs.find((o) => o.id === counsel.attorney?.organizationId) ?? null;
}
export type PublicEntry = PublicRecord<"entry">;

/** One docket entry with its case, documents and sources, for the entry's permalink (staff also find one of a case not yet public). */
export function loadPublicEntry(db: Db, slug: string, entryId: number, reader: DocketReader = "public") {
  const repo = createCasesRepository(db);
  const kase = reader === "staff" ? repo.findLiveBySlug(slug) : repo.findBySlug(slug);
  if (!kase) return undefined;
  const row = db
    .select()
    .from(s.docketEntries)
    .where(and(eq(s.docketEntries.id, entryId), eq(s.docketEntries.caseId, kase.id), publicRow(s.docketEntries)))
    .get();
  if (!row) return undefined;
  const citations = row.sealed
    ? []
    : (createSourcesRepository(db)
        .citationsFor([{ type: "entry", id: row.id }])
        .get(refKey("entry", row.id)) ?? []);
  const court = repo.court(kase.courtId);
  return {
    case: toPublic("case", kase),
    // Staff-side only: whether the case is public decides the preview banner, never what is shown.
    caseRow: { deletedAt: kase.deletedAt, published: kase.published, sealed: kase.sealed },
    court: court ? toPublic("court", court) : undefined,
    entry: toPublicEntry(row),
    // When the entry last changed, for "Cite this page" (a time, not a field of its text).
    changedAt: row.updatedAt,
    documents: row.sealed ? [] : repo.documents([row.id]).map(toPublicDocumentWithFile),
    page: docketPageOf(db, row),
    citations,
  };
}

export type PublicEntryData = NonNullable<ReturnType<typeof loadPublicEntry>>;

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
 * sources), in a fixed number of queries whatever the number of cases; or only the cases of
 * `page` (a page of the case list, from createCasesRepository(db).listPage), whose motions and
 * links are then read for those cases alone.
 */
export function loadCaseSummaries(db: Db, page?: (typeof s.cases.$inferSelect)[]): CaseSummary[] {
  return summaries(db, page ?? publicCaseRows(db), { page: page !== undefined, sources: true });
}

const publicCaseRows = (db: Db) => db.select().from(s.cases).where(publicCase()).orderBy(asc(s.cases.position), asc(s.cases.id)).all();

/**
 * Every public case's summary as the API's case list filters and orders it (court, judges,
 * subpoenas, status: what its filters and orderings read), without the sources and conflicts
 * of each, which none reads and which were most of the cost of summarising every case; and
 * `complete`, the full summaries of the page's cases once it is cut, in the order asked.
 */
export function loadCaseOutlines(db: Db): { outlines: CaseSummary[]; complete: (ids: number[]) => CaseSummary[] } {
  const rows = publicCaseRows(db);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    outlines: summaries(db, rows, { page: false, sources: false }),
    complete: (ids) =>
      loadCaseSummaries(
        db,
        ids.flatMap((id) => byId.get(id) ?? []),
      ),
  };
}

function summaries(db: Db, caseRows: (typeof s.cases.$inferSelect)[], read: { page: boolean; sources: boolean }): CaseSummary[] {
  const page = read.page ? caseRows : undefined;
  // For a page, only the courts, judges and subpoenas its cases name are read: the whole
  // tables grow with the record (an import brings its judges and courts).
  const named = <T>(values: (T | null)[]) => [...new Set(values.filter((v): v is T => v !== null))];
  const repo = createCasesRepository(db);
  const pageIds = caseRows.map((c) => c.id);
  const links = page ? repo.subpoenaLinksOfCases(pageIds) : db.select().from(s.caseSubpoenas).all();
  const courtIds = named(caseRows.map((c) => c.courtId));
  const judgeIds = named(caseRows.flatMap((c) => [c.assignedJudgeId, c.referredJudgeId]));
  const subpoenaIds = named(links.map((l) => l.subpoenaId));
  // A page's are read by its ids, each lookup prepared once (building them took longer than running them).
  const courts = new Map(
    (page ? (courtIds.length ? repo.courtsByIds(courtIds) : []) : db.select().from(s.courts).all()).map((c) => [
      c.id,
      toPublic("court", c),
    ]),
  );
  const judges = new Map(
    (page ? (judgeIds.length ? repo.judgesByIds(judgeIds) : []) : db.select().from(s.judges).where(publicRow(s.judges)).all()).map((j) => [
      j.id,
      toPublic("judge", j),
    ]),
  );
  const subpoenas = new Map(
    (page
      ? subpoenaIds.length
        ? repo.subpoenasByIds(subpoenaIds)
        : []
      : db.select().from(s.subpoenas).where(publicRow(s.subpoenas)).all()
    ).map((sp) => [sp.id, toPublic("subpoena", sp)]),
  );
  // Each case's motions in id order; by case first so a page's are read from motions_case_idx in that order.
  const motions = page
    ? repo.motionsOfCases(pageIds)
    : db.select().from(s.motions).where(publicRow(s.motions)).orderBy(asc(s.motions.caseId), asc(s.motions.id)).all();
  const sources = createSourcesRepository(db);
  const refs = read.sources ? caseRows.map((c) => ({ type: "case" as const, id: c.id })) : [];
  const citations = sources.citationsFor(refs);
  const conflicts = sources.conflictsFor(refs);
  // Each case's motions and links, in their order, found by case rather than by a pass over all of them for every case.
  const motionsOf = groupBy(motions, (m) => m.caseId);
  const linksOf = groupBy(links, (l) => l.caseId);

  return caseRows.map((row) => {
    const kase = toPublic("case", row);
    const caseMotions = (motionsOf.get(row.id) ?? []).map((m) => toPublic("motion", m));
    return {
      case: kase,
      court: (row.courtId && courts.get(row.courtId)) || null,
      assigned: (row.assignedJudgeId && judges.get(row.assignedJudgeId)) || null,
      referred: (row.referredJudgeId && judges.get(row.referredJudgeId)) || null,
      subpoenas: (linksOf.get(row.id) ?? [])
        .map((l) => subpoenas.get(l.subpoenaId))
        .filter((sp): sp is PublicRecord<"subpoena"> => Boolean(sp)),
      motions: caseMotions,
      status: deriveCaseStatus(kase, caseMotions),
      citations: citations.get(refKey("case", row.id)) ?? [],
      conflicts: conflicts.get(refKey("case", row.id)) ?? [],
    };
  });
}

function groupBy<T, K>(values: T[], keyOf: (value: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const value of values) {
    const key = keyOf(value);
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  return out;
}

/** Where a keyset page of a docket starts: after or before an entry's (sequence, id). */
export type EntriesPageQuery = {
  limit: number;
  after?: [number, number];
  before?: [number, number];
  kind?: string[];
  dateFiled?: { eq?: string; gte?: string; lte?: string; gt?: string; lt?: string };
};

/**
 * One keyset page of a case's live entries with their documents and sources, for the API's
 * entries list: every lookup is bounded by the page, whatever the size of the docket. `hasNext`
 * and `hasPrevious` say whether any entry matching the same filters lies beyond either end.
 */
export function loadPublicEntriesPage(db: Db, slug: string, query: EntriesPageQuery, reader: DocketReader = "public") {
  const repo = createCasesRepository(db);
  const row = reader === "staff" ? repo.findLiveBySlug(slug) : repo.findBySlug(slug);
  if (!row) return undefined;
  const { limit, after, before, ...filters } = query;
  const entryRows = repo.entriesPage(row.id, { limit, after, before, ...filters });
  const first = entryRows[0];
  const last = entryRows.at(-1);
  const probe = (edge: { after?: [number, number]; before?: [number, number] }) =>
    repo.entriesPage(row.id, { limit: 1, ...edge, ...filters }).length > 0;
  const court = repo.court(row.courtId);
  const openIds = entryRows.filter((e) => !e.sealed).map((e) => e.id);
  const refs: RecordRef[] = openIds.map((id) => ({ type: "entry" as const, id }));
  const sources = createSourcesRepository(db);
  return {
    case: toPublic("case", row),
    notPublic: caseNotPublicCause(row),
    court: court ? toPublic("court", court) : null,
    entries: entryRows.map(toPublicEntry),
    // Keys of the page's ends, for its cursors (a sealed entry's placeholder shows neither).
    keys: entryRows.map((e) => [e.sequence, e.id] as [number, number]),
    documents: repo.documents(openIds).map(toPublicDocumentWithFile),
    citations: sources.citationsFor(refs),
    conflicts: sources.conflictsFor(refs),
    hasNext: last ? probe({ after: [last.sequence, last.id] }) : false,
    hasPrevious: first ? probe({ before: [first.sequence, first.id] }) : false,
  };
}

export type PublicEntriesPage = NonNullable<ReturnType<typeof loadPublicEntriesPage>>;

/**
 * A public case's live entries in docket order, a keyset batch at a time by (sequence, id), each
 * entry through the public projection with its citations (none for a sealed entry), as the
 * docket page reads them. For exports that stream a whole docket: only one batch is ever held,
 * and the redactor remembers none of its texts (withoutRemembering). `batchSize` is for tests.
 */
export function* publicEntryBatches(
  db: Db,
  caseId: number,
  batchSize = EXPORT_BATCH,
): Generator<{
  entries: PublicEntry[];
  documents: ReturnType<typeof toPublicDocumentWithFile>[];
  citations: Map<string, Citation[]>;
  conflicts: Map<string, ConflictRef[]>;
}> {
  const repo = createCasesRepository(db);
  const sources = createSourcesRepository(db);
  let after: [number, number] | undefined;
  for (;;) {
    const rows = repo.entriesPage(caseId, { limit: batchSize, after });
    if (rows.length === 0) return;
    // A sealed entry's documents, citations and conflicts are never read.
    const openIds = rows.filter((e) => !e.sealed).map((e) => e.id);
    const refs: RecordRef[] = openIds.map((id) => ({ type: "entry" as const, id }));
    yield withoutRemembering(() => ({
      entries: rows.map(toPublicEntry),
      documents: repo.documents(openIds).map(toPublicDocumentWithFile),
      citations: sources.citationsFor(refs),
      conflicts: sources.conflictsFor(refs),
    }));
    const last = rows.at(-1)!;
    after = [last.sequence, last.id];
    if (rows.length < batchSize) return;
  }
}
