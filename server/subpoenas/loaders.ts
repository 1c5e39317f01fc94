import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { loadCaseSummaries, type CaseSummary } from "../cases/loaders";
import { createCasesRepository } from "../cases/repository";
import { toPublic, toPublicText, type PublicRecord } from "../privacy/projection";
import { createSourcesRepository } from "../sources/repository";
import { refKey, type Citation, type ConflictRef, type RecordRef } from "../sources/markers";
import {
  deriveSubpoenaStatus,
  type StatusCoverage,
  type StatusEvent,
  type StatusMotion,
  type StatusOrder,
  type SubpoenaStatus,
} from "../status/subpoena-status";
import { deriveSubpoenaHistory, type StatusStep } from "../status/history";
import { buildCoverageTable, type CoverageTable } from "./coverage";
import { createSubpoenasRepository } from "./repository";

type Org = PublicRecord<"organization">;

/** One subpoena with everything its status is derived from, already projected. */
export type SubpoenaBundle = {
  subpoena: PublicRecord<"subpoena">;
  issuer: Org | null;
  /** The issuer's parent (DHS for ICE), so pages can say "ICE (DHS)". */
  issuerParent: Org | null;
  recipient: Org | null;
  /** Every event linked to the subpoena (issuance, withdrawal…), oldest first, with actors. */
  events: StatusEvent[];
  coverages: StatusCoverage[];
  /** Cases challenging the subpoena (case_subpoenas). */
  challenges: PublicRecord<"case">[];
  /** Motions of those cases, with the orders that decided them. */
  motions: StatusMotion[];
  namedAccounts: { account: PublicRecord<"account">; note: string | null }[];
  status: SubpoenaStatus;
  /** The status at every dated step of the record, ending with today's (status/history.ts). */
  history: StatusStep[];
};

export type SubpoenaBundles = {
  bundles: SubpoenaBundle[];
  /** Citations of every record in the bundles, keyed by refKey(type, id). */
  citations: Map<string, Citation[]>;
  conflicts: Map<string, ConflictRef[]>;
  /** Organizations by id (issuers, recipients, parents, actors, addressees, platforms). */
  organizations: Map<number, Org>;
};

/**
 * Loads the status material of a batch of subpoenas in a fixed number of queries and derives
 * each status. `extraRefs` lets a caller fetch the citations of more records in the same pass.
 */
export function loadSubpoenaBundles(db: Db, rows: (typeof s.subpoenas.$inferSelect)[], extraRefs: RecordRef[] = []): SubpoenaBundles {
  const repo = createSubpoenasRepository(db);
  const ids = rows.map((r) => r.id);

  const eventRows = repo.events(ids);
  const actorLinks = repo.eventActors(eventRows.map((e) => e.id));
  const coverageRows = repo.coverages(ids);
  const challengeRows = repo.challenges(ids);
  const caseIds = [...new Set(challengeRows.map((c) => c.case.id))];
  const motionRows = repo.motions(caseIds);
  const decidingOrders = new Map(repo.orders(motionRows.map((m) => m.decidedByOrderId)).map((o) => [o.id, o]));
  const judges = new Map(
    repo
      .judges([...coverageRows.map((c) => c.order.judgeId), ...[...decidingOrders.values()].map((o) => o.judgeId)])
      .map((j) => [j.id, toPublic("judge", j)]),
  );
  const named = repo.namedAccounts(ids);
  const organizations = new Map(
    repo
      .organizations([
        ...rows.flatMap((r) => [r.issuerId, r.recipientId]),
        ...actorLinks.map((l) => l.organizationId),
        ...coverageRows.map((c) => c.coverage.addresseeId),
        ...named.map((n) => n.account.platformId),
      ])
      .map((o) => [o.id, toPublic("organization", o)]),
  );

  const statusOrder = (o: typeof s.orders.$inferSelect): StatusOrder => ({
    order: toPublic("order", o),
    judge: (o.judgeId !== null && judges.get(o.judgeId)) || null,
  });
  const org = (id: number | null) => (id !== null && organizations.get(id)) || null;

  const refs: RecordRef[] = [
    ...rows.map((r) => ({ type: "subpoena" as const, id: r.id })),
    ...eventRows.map((e) => ({ type: "event" as const, id: e.id })),
    ...coverageRows.flatMap((c) => [
      { type: "coverage" as const, id: c.coverage.id },
      { type: "order" as const, id: c.order.id },
    ]),
    ...caseIds.map((id) => ({ type: "case" as const, id })),
    ...motionRows.map((m) => ({ type: "motion" as const, id: m.id })),
    ...[...decidingOrders.keys()].map((id) => ({ type: "order" as const, id })),
    ...named.map((n) => ({ type: "account" as const, id: n.account.id })),
    ...extraRefs,
  ];
  const sources = createSourcesRepository(db);
  const citations = sources.citationsFor(refs);
  const conflicts = sources.conflictsFor(refs);

  const bundles = rows.map((row): SubpoenaBundle => {
    const subpoena = toPublic("subpoena", row);
    const issuer = org(row.issuerId);
    const events = eventRows
      .filter((e) => e.subpoenaId === row.id)
      .map((e) => ({
        event: toPublic("event", e),
        actors: actorLinks
          .filter((l) => l.eventId === e.id)
          .map((l) => org(l.organizationId))
          .filter((o): o is Org => o !== null),
      }));
    const coverages = coverageRows
      .filter((c) => c.coverage.subpoenaId === row.id)
      .map((c) => ({ coverage: toPublic("coverage", c.coverage), order: statusOrder(c.order), addressee: org(c.coverage.addresseeId) }));
    const challenges = challengeRows.filter((c) => c.subpoenaId === row.id).map((c) => toPublic("case", c.case));
    const motions = motionRows
      .filter((m) => challenges.some((c) => c.id === m.caseId))
      .map((m) => {
        const decided = m.decidedByOrderId !== null ? decidingOrders.get(m.decidedByOrderId) : undefined;
        return { motion: toPublic("motion", m), decidedBy: decided ? statusOrder(decided) : null };
      });
    const namedAccounts = named
      .filter((n) => n.subpoenaId === row.id)
      .map((n) => ({ account: toPublic("account", n.account), note: toPublicText(n.note) }));
    const recipient = org(row.recipientId);
    const statusInput = { subpoena, issuer, recipient, events, coverages, motions, challenges, citations };
    const status = deriveSubpoenaStatus(statusInput);
    const history = deriveSubpoenaHistory(statusInput);
    return {
      subpoena,
      issuer,
      issuerParent: issuer?.parentId != null ? org(issuer.parentId) : null,
      recipient,
      events,
      coverages,
      challenges,
      motions,
      namedAccounts,
      status,
      history,
    };
  });

  return { bundles, citations, conflicts, organizations };
}

/** The citations behind a status line, in the order the line relies on them. */
export function statusCitations(status: SubpoenaStatus, citations: Map<string, Citation[]>): Citation[] {
  const out: Citation[] = [];
  for (const ref of status.sources) {
    const all = citations.get(refKey(ref.type, ref.id)) ?? [];
    const own = ref.field ? all.filter((c) => c.field === ref.field) : [];
    for (const c of own.length ? own : all.filter((c) => c.field === null)) if (!out.some((o) => o.id === c.id)) out.push(c);
  }
  return out;
}

/** "ICE (DHS)", "DHS", or null while the issuer is unknown. */
export function issuerName(issuer: Org | null, parent: Org | null): string | null {
  if (!issuer) return null;
  const own = issuer.shortName ?? issuer.name;
  return parent ? `${own} (${parent.shortName ?? parent.name})` : own;
}

export type SubpoenaSummary = {
  subpoena: PublicRecord<"subpoena">;
  issuer: PublicRecord<"organization"> | null;
  issuerParent: PublicRecord<"organization"> | null;
  /** "ICE (DHS)"; null while the issuer is unknown. */
  issuerName: string | null;
  recipient: PublicRecord<"organization"> | null;
  /** The cases challenging it. */
  challenges: PublicRecord<"case">[];
  /** How many accounts it names on the record, and how many the sources say it covered. */
  namedAccountCount: number;
  status: SubpoenaStatus;
  /** The sources behind the status line (withdrawal event, orders, motions…). */
  statusCitations: Citation[];
  /** The subpoena's own sources and open conflicts. */
  citations: Citation[];
  conflicts: ConflictRef[];
};

/**
 * Every subpoena and summons in the cluster with its derived status and the sources behind
 * it, in a fixed number of queries. Pages and the JSON API both read this.
 */
export function loadSubpoenaSummaries(db: Db): SubpoenaSummary[] {
  const rows = createSubpoenasRepository(db).list();
  const { bundles, citations, conflicts } = loadSubpoenaBundles(db, rows);
  return bundles.map((b) => ({
    subpoena: b.subpoena,
    issuer: b.issuer,
    issuerParent: b.issuerParent,
    issuerName: issuerName(b.issuer, b.issuerParent),
    recipient: b.recipient,
    challenges: b.challenges,
    namedAccountCount: b.namedAccounts.length,
    status: b.status,
    statusCitations: statusCitations(b.status, citations),
    citations: citations.get(refKey("subpoena", b.subpoena.id)) ?? [],
    conflicts: conflicts.get(refKey("subpoena", b.subpoena.id)) ?? [],
  }));
}

export type PublicSubpoena = SubpoenaBundle & {
  issuerName: string | null;
  /** Data demanded, in the subpoena's order (subpoena_demands has no public projection of its own: item text only). */
  demands: { id: number; position: number; item: string }[];
  /** Named accounts with the platform each is on. */
  accounts: { account: PublicRecord<"account">; note: string | null; platform: Org | null }[];
  /** Platform notices to users: dates and the window exactly as stated. */
  notices: { notice: PublicRecord<"notice">; account: PublicRecord<"account"> | null; platform: Org | null }[];
  /** The challenging cases as list summaries (for toCaseListItem). */
  cases: CaseSummary[];
  /** Every case an order on this page belongs to, by id (challenging cases and coverage orders). */
  casesById: Map<number, PublicRecord<"case">>;
  coverage: CoverageTable;
  statusCitations: Citation[];
  citations: Map<string, Citation[]>;
  conflicts: Map<string, ConflictRef[]>;
};

/**
 * Everything public about one subpoena, through the public projection, with the sources of
 * every record on it and its derived status and coverage table. The page and the API read this.
 */
export function loadPublicSubpoena(db: Db, slug: string): PublicSubpoena | undefined {
  const repo = createSubpoenasRepository(db);
  const row = repo.findBySlug(slug);
  if (!row) return undefined;

  const noticeRows = repo.notices(row.id);
  const demandRows = repo.demands(row.id);
  const noticeRefs: RecordRef[] = noticeRows.map((n) => ({ type: "notice", id: n.id }));
  const { bundles, citations, conflicts, organizations } = loadSubpoenaBundles(db, [row], noticeRefs);
  const bundle = bundles[0]!;
  const coveredIds = bundle.coverages.map((c) => c.coverage.accountId);

  const namedIds = new Set(bundle.namedAccounts.map((n) => n.account.id));
  const otherAccounts = repo
    .accounts([...coveredIds, ...noticeRows.map((n) => n.accountId)].filter((id) => id !== null && !namedIds.has(id)))
    .map((a) => toPublic("account", a));
  const platformIds = [...otherAccounts.map((a) => a.platformId), ...noticeRows.map((n) => n.platformId)];
  const moreOrgs = repo.organizations(platformIds.filter((id) => id !== null && !organizations.has(id)));
  for (const o of moreOrgs) organizations.set(o.id, toPublic("organization", o));
  const org = (id: number | null) => (id !== null && organizations.get(id)) || null;
  const accountById = new Map([...bundle.namedAccounts.map((n) => n.account), ...otherAccounts].map((a) => [a.id, a]));

  // Only the cases the page names: those challenging the subpoena and those of the orders
  // protecting its accounts (a summary of every case read 1,000 on a large record).
  const challengeIds = new Set(bundle.challenges.map((c) => c.id));
  const shownIds = [...new Set([...challengeIds, ...bundle.coverages.map((c) => c.order.order.caseId)])];
  const summaries = shownIds.length === 0 ? [] : loadCaseSummaries(db, createCasesRepository(db).listOf(shownIds));
  const casesById = new Map(summaries.map((sm) => [sm.case.id, sm.case]));

  const coverage = buildCoverageTable({
    subpoena: bundle.subpoena,
    namedAccounts: bundle.namedAccounts.map((n) => n.account),
    coverages: bundle.coverages,
    otherAccounts: otherAccounts.filter((a) => coveredIds.includes(a.id)),
    caseAccounts: repo.caseAccounts([...new Set(bundle.coverages.map((c) => c.order.order.caseId))]),
  });

  return {
    ...bundle,
    issuerName: issuerName(bundle.issuer, bundle.issuerParent),
    demands: demandRows.map((d) => ({ id: d.id, position: d.position, item: toPublicText(d.item) })),
    accounts: bundle.namedAccounts.map((n) => ({ account: n.account, note: n.note, platform: org(n.account.platformId) })),
    notices: noticeRows.map((n) => {
      const notice = toPublic("notice", n);
      return {
        notice,
        account: (notice.accountId !== null && accountById.get(notice.accountId)) || null,
        platform: org(notice.platformId),
      };
    }),
    cases: summaries.filter((sm) => challengeIds.has(sm.case.id)),
    casesById,
    coverage,
    statusCitations: statusCitations(bundle.status, citations),
    citations,
    conflicts,
  };
}
