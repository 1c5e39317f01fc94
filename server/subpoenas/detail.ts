import type { Db } from "../../db/client";
import { loadCaseSummaries, type CaseSummary } from "../cases/summaries";
import { toPublic, toPublicText, type PublicRecord } from "../privacy/projection";
import type { Citation, ConflictRef, RecordRef } from "../sources/repository";
import { issuerName, loadSubpoenaBundles, statusCitations, type SubpoenaBundle } from "./bundles";
import { buildCoverageTable, type CoverageTable } from "./coverage";
import { createSubpoenasRepository } from "./repository";

type Org = PublicRecord<"organization">;

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

  const summaries = loadCaseSummaries(db);
  const challengeIds = new Set(bundle.challenges.map((c) => c.id));
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
      return { notice, account: (notice.accountId !== null && accountById.get(notice.accountId)) || null, platform: org(notice.platformId) };
    }),
    cases: summaries.filter((sm) => challengeIds.has(sm.case.id)),
    casesById,
    coverage,
    statusCitations: statusCitations(bundle.status, citations),
    citations,
    conflicts,
  };
}
