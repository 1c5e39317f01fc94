import { paths } from "../../paths";
import type { PublicRecord } from "../../privacy/projection";
import type { DateView } from "../../shared/dates";
import { refKey, type Citation } from "../../sources/markers";
import type { StatusOrder, SubpoenaStatus } from "../../status/subpoena-status";
import type { PublicSubpoena, SubpoenaSummary } from "../../subpoenas/loaders";
import { toCaseListItem } from "./cases";
import {
  absolute,
  accountRef,
  caseRef,
  conflicts,
  fuzzyDate,
  judgeRef,
  organizationRef,
  sources,
  sourcesAndConflicts,
  statusHistory,
  type ApiContext,
} from "./common";

function statusDate(date: DateView) {
  return { value: date.datetime, label: date.text, exact: date.exact };
}

export function toSubpoenaStatus(status: SubpoenaStatus, citations: Citation[]) {
  return {
    key: status.key,
    label: status.label,
    tone: status.tone,
    line: status.line,
    date: statusDate(status.date),
    inferred: status.inferred,
    sources: sources(citations),
  };
}

type SubpoenaHead = Pick<
  SubpoenaSummary,
  "subpoena" | "issuer" | "issuerName" | "recipient" | "challenges" | "status" | "statusCitations" | "citations" | "conflicts"
>;

function subpoenaBase(ctx: ApiContext, h: SubpoenaHead) {
  const sp = h.subpoena;
  return {
    id: sp.id,
    slug: sp.slug,
    url: absolute(ctx, paths.api.subpoena(sp.slug)),
    htmlUrl: absolute(ctx, paths.subpoena(sp.slug)),
    title: sp.title,
    kind: sp.kind,
    issuer: organizationRef(h.issuer),
    issuerName: h.issuerName,
    issuingComponent: sp.issuingComponent,
    recipient: organizationRef(h.recipient),
    authorityCited: sp.authorityCited,
    dateIssued: fuzzyDate({
      date: sp.dateIssued,
      latest: sp.dateIssuedLatest,
      precision: sp.dateIssuedPrecision,
      label: sp.dateIssuedLabel,
    }),
    dateReturn: sp.dateReturn,
    accountsCovered: sp.accountsCovered,
    summary: sp.summary,
    status: toSubpoenaStatus(h.status, h.statusCitations),
    cases: h.challenges.map((c) => caseRef(ctx, c)),
    sources: sources(h.citations),
    conflicts: conflicts(ctx, h.conflicts),
  };
}

export function toSubpoenaListItem(ctx: ApiContext, summary: SubpoenaSummary) {
  return { ...subpoenaBase(ctx, summary), namedAccountCount: summary.namedAccountCount };
}

function orderSummary(ctx: ApiContext, o: StatusOrder, casesById: Map<number, PublicRecord<"case">>) {
  const kase = casesById.get(o.order.caseId);
  return {
    slug: o.order.slug,
    title: o.order.title,
    htmlUrl: absolute(ctx, paths.order(o.order.slug)),
    dateSigned: fuzzyDate({
      date: o.order.dateSigned,
      latest: o.order.dateSignedLatest,
      precision: o.order.dateSignedPrecision,
      label: o.order.dateSignedLabel,
    }),
    judge: judgeRef(ctx, o.judge),
    case: kase ? caseRef(ctx, kase) : null,
  };
}

function coverageTable(ctx: ApiContext, p: PublicSubpoena) {
  return {
    rows: p.coverage.rows.map((row) => ({
      account: row.account ? accountRef(row.account) : null,
      namedInSubpoena: row.named,
      via: row.via,
      coverage:
        row.coverage && row.order
          ? {
              id: row.coverage.id,
              status: row.coverage.status,
              endCondition: row.coverage.endCondition,
              statusReason: row.coverage.statusReason,
              dateEnded: row.coverage.dateEnded,
              order: orderSummary(ctx, row.order, p.casesById),
              ...sourcesAndConflicts(ctx, p, "coverage", row.coverage.id),
            }
          : null,
    })),
    unprotectedCount: p.coverage.unprotectedCount,
    unresolvedMovantOrders: p.coverage.unresolvedMovantOrders,
    unnamedAccounts: p.coverage.unnamedAccounts,
  };
}

/** One subpoena with its status line, data demanded, accounts, notices, coverage, events and cases. */
export function toSubpoenaRecord(ctx: ApiContext, p: PublicSubpoena) {
  const sp = p.subpoena;
  return {
    ...subpoenaBase(ctx, {
      ...p,
      citations: p.citations.get(refKey("subpoena", sp.id)) ?? [],
      conflicts: p.conflicts.get(refKey("subpoena", sp.id)) ?? [],
    }),
    statusHistory: statusHistory(p.history, p.citations),
    statedPurpose: sp.statedPurpose,
    howKnown: sp.howKnown,
    demands: [...p.demands].sort((a, b) => a.position - b.position).map((d) => d.item),
    accounts: p.accounts.map((a) => ({
      id: a.account.id,
      ...accountRef(a.account),
      description: a.account.description,
      platform: organizationRef(a.platform),
      note: a.note,
      ...sourcesAndConflicts(ctx, p, "account", a.account.id),
    })),
    notices: p.notices.map((n) => ({
      id: n.notice.id,
      account: n.account ? accountRef(n.account) : null,
      platform: organizationRef(n.platform),
      dateNotified: fuzzyDate({ date: n.notice.dateNotified, precision: n.notice.dateNotifiedPrecision }),
      responseWindowStated: n.notice.responseWindowStated,
      responseWindowDays: n.notice.responseWindowDays,
      responseDateStated: n.notice.responseDateStated,
      ...sourcesAndConflicts(ctx, p, "notice", n.notice.id),
    })),
    coverage: coverageTable(ctx, p),
    events: p.events.map(({ event: e, actors }) => ({
      id: e.id,
      slug: e.slug,
      htmlUrl: absolute(ctx, paths.event(e.slug)),
      kind: e.kind,
      title: e.title,
      description: e.description,
      date: fuzzyDate({ date: e.date, latest: e.dateLatest, precision: e.datePrecision, label: e.dateLabel }),
      actors: actors.map((o) => organizationRef(o)!),
      ...sourcesAndConflicts(ctx, p, "event", e.id),
    })),
    challenges: p.cases.map((c) => toCaseListItem(ctx, c)),
  };
}
