import { toCaseListItem } from "../cases/view-models";
import { paths } from "../paths";
import { viewDate, type DateView } from "../shared/dates";
import { COVERAGE_STATUS_LABELS, MOTION_KIND_LABELS, MOTION_STATUS_LABELS, SUBPOENA_KIND_LABELS, label } from "../shared/labels";
import { conflictMarkers, isInferred, markersFor, type ConflictMarker, type SourceMarker, refKey, type Citation } from "../sources/markers";
import { toStatusHistoryView } from "../status/history-view";
import { type StatusOrder, SUBPOENA_STATUS_KEYS, SUBPOENA_STATUS_LABELS, type SubpoenaStatus } from "../status/subpoena-status";
import type { CoverageRow } from "./coverage";
import type { PublicSubpoena, SubpoenaSummary } from "./loaders";
import type { SubpoenaListQuery } from "./schemas";

/** A fact as printed: its words, whether it is unknown or inferred, and its sources. */
type Fact = { text: string; unknown: boolean; inferred: boolean; sources: SourceMarker[]; conflicts: ConflictMarker[] };

/** A record's own markers; when its sources back only single fields, those, so no row is unsourced. */
function recordMarkers(cites: Citation[] | undefined): SourceMarker[] {
  const own = markersFor(cites);
  return own.length > 0 ? own : citationMarkers(cites ?? []);
}

/** Fields the facts list prints; a conflict on any other field is shown with the record's. */
const FACT_FIELDS = ["issuerId", "issuingComponent", "kind", "authorityCited", "dateIssued", "recipientId", "statedPurpose", "howKnown"];

const handle = (a: { handle: string | null; displayName: string | null } | null) => a?.handle ?? a?.displayName ?? null;

function judgeLink(o: StatusOrder | null) {
  const j = o?.judge;
  return j ? { name: `${j.title} ${j.name}`, href: paths.judge(j.slug) } : null;
}

function orderDate(o: StatusOrder["order"]): DateView {
  return viewDate({ date: o.dateSigned, latest: o.dateSignedLatest, precision: o.dateSignedPrecision, label: o.dateSignedLabel });
}

function factsView(d: PublicSubpoena) {
  const sp = d.subpoena;
  const key = refKey("subpoena", sp.id);
  const cites = d.citations.get(key);
  const allConflicts = d.conflicts.get(key) ?? [];
  // A conflict on one field sits beside that field; a conflict on the record sits at the top.
  const fieldConflicts = (field: string) =>
    conflictMarkers(
      allConflicts.filter((c) => c.field === field),
      field,
    );
  const fact = (value: string | null, field: string, unknownText = "unknown"): Fact => ({
    text: value ?? unknownText,
    unknown: value === null,
    inferred: isInferred(cites, field),
    sources: value === null ? [] : markersFor(cites, field),
    conflicts: fieldConflicts(field),
  });
  const recipient = d.recipient ? (d.recipient.shortName ? `${d.recipient.name} (${d.recipient.shortName})` : d.recipient.name) : null;
  return {
    issuer: fact(d.issuerName, "issuerId"),
    component: sp.issuingComponent || fieldConflicts("issuingComponent").length ? fact(sp.issuingComponent, "issuingComponent") : null,
    kind: fact(label(SUBPOENA_KIND_LABELS, sp.kind), "kind"),
    authority: fact(sp.authorityCited, "authorityCited", "unknown — no reliable source states it"),
    issued: {
      ...viewDate({ date: sp.dateIssued, latest: sp.dateIssuedLatest, precision: sp.dateIssuedPrecision, label: sp.dateIssuedLabel }),
      inferred: isInferred(cites, "dateIssued"),
      sources: markersFor(cites, "dateIssued"),
      conflicts: fieldConflicts("dateIssued"),
    },
    returnDate: { ...viewDate({ date: sp.dateReturn }), sources: sp.dateReturn ? markersFor(cites, "dateReturn") : [] },
    recipient: fact(recipient, "recipientId"),
    purpose: fact(sp.statedPurpose, "statedPurpose", "not stated in any source"),
    howKnown: fact(sp.howKnown, "howKnown"),
    recordConflicts: conflictMarkers(allConflicts.filter((c) => c.field === null || !FACT_FIELDS.includes(c.field))),
  };
}

function accountsView(d: PublicSubpoena) {
  return d.accounts.map(({ account, note, platform }) => ({
    handle: handle(account) ?? "handle not public",
    handleKnown: handle(account) !== null,
    platform: platform ? (platform.shortName ?? platform.name) : null,
    description: account.description,
    note,
    sources: recordMarkers(d.citations.get(refKey("account", account.id))),
  }));
}

function noticesView(d: PublicSubpoena) {
  return d.notices.map(({ notice, account, platform }) => {
    const cites = d.citations.get(refKey("notice", notice.id));
    return {
      account: handle(account),
      platform: platform ? (platform.shortName ?? platform.name) : null,
      notified: viewDate({ date: notice.dateNotified, precision: notice.dateNotifiedPrecision }),
      notifiedInferred: isInferred(cites, "dateNotified"),
      // The window exactly as the notice states it; never computed.
      window: notice.responseWindowStated,
      responseDate: notice.responseDateStated ? viewDate({ date: notice.responseDateStated }) : null,
      sources: recordMarkers(cites),
    };
  });
}

function coverageRowView(d: PublicSubpoena, row: CoverageRow) {
  const account = row.account
    ? {
        text: handle(row.account) ?? "handle not public",
        note:
          row.via === "movant" ? "an account of the movant" : row.named ? null : "not among the accounts the demand names on the record",
      }
    : { text: "Every account of the movant", note: "which accounts is not on the record" };
  if (!row.coverage || !row.order) {
    return {
      account,
      protected: false,
      noProtectionText: d.coverage.unresolvedMovantOrders ? "No order names this account" : "No order protects this account",
    };
  }
  const o = row.order.order;
  const kase = d.casesById.get(o.caseId);
  const cites = d.citations.get(refKey("order", o.id));
  return {
    account,
    protected: true,
    order: { title: o.title, href: paths.order(o.slug) },
    judge: judgeLink(row.order),
    case: kase ? { title: kase.caption ?? kase.label, href: paths.case(kase.slug) } : null,
    since: orderDate(o),
    sinceInferred: isInferred(cites, "dateSigned"),
    endCondition: row.coverage.endCondition,
    status: label(COVERAGE_STATUS_LABELS, row.coverage.status),
    inForce: row.coverage.status === "in_force",
    reason: row.coverage.statusReason,
    ended: row.coverage.dateEnded ? viewDate({ date: row.coverage.dateEnded }) : null,
    sources: [...recordMarkers(d.citations.get(refKey("coverage", row.coverage.id))), ...recordMarkers(cites)].filter(
      (m, i, all) => all.findIndex((x) => x.tag === m.tag) === i,
    ),
  };
}

function coverageView(d: PublicSubpoena) {
  const t = d.coverage;
  const named = d.accounts.length;
  return {
    rows: t.rows.map((row) => coverageRowView(d, row)),
    csvHref: paths.coverageCsv(d.subpoena.slug),
    unprotectedCount: t.unprotectedCount,
    unresolvedNote: t.unresolvedMovantOrders
      ? "Some orders protect every account of a movant without the record saying which accounts those are; an account listed without an order may still be protected by one of them."
      : null,
    unnamedNote:
      t.unnamedAccounts > 0
        ? `The sources say this demand covered ${d.subpoena.accountsCovered} accounts; ${named === 0 ? "none is" : `only ${named} ${named === 1 ? "is" : "are"}`} named on the record. Whether any order protects the other ${t.unnamedAccounts} is not known.`
        : null,
    unnamedSources: t.unnamedAccounts > 0 ? markersFor(d.citations.get(refKey("subpoena", d.subpoena.id)), "accountsCovered") : [],
  };
}

function motionsView(d: PublicSubpoena) {
  return d.motions.map(({ motion: m, decidedBy }) => {
    const kase = d.challenges.find((c) => c.id === m.caseId);
    const cites = d.citations.get(refKey("motion", m.id));
    return {
      title: m.title,
      kind: label(MOTION_KIND_LABELS, m.kind),
      case: kase ? { title: kase.caption ?? kase.label, href: paths.case(kase.slug) } : null,
      filed: viewDate({ date: m.dateFiled, latest: m.dateFiledLatest, precision: m.dateFiledPrecision, label: m.dateFiledLabel }),
      filedInferred: isInferred(cites, "dateFiled"),
      status: label(MOTION_STATUS_LABELS, m.status),
      pending: m.status === "pending",
      statusNote: m.statusNote,
      decidedBy: decidedBy
        ? {
            title: decidedBy.order.title,
            href: paths.order(decidedBy.order.slug),
            judge: judgeLink(decidedBy),
            signed: orderDate(decidedBy.order),
          }
        : null,
      sources: recordMarkers(cites),
    };
  });
}

function eventsView(d: PublicSubpoena) {
  return d.events.map(({ event: e, actors }) => {
    const cites = d.citations.get(refKey("event", e.id));
    return {
      date: viewDate({ date: e.date, latest: e.dateLatest, precision: e.datePrecision, label: e.dateLabel }),
      dateInferred: isInferred(cites, "date"),
      kind: label({}, e.kind),
      title: e.title,
      description: e.description,
      actors: actors.map((a) => a.shortName ?? a.name).join(", ") || null,
      sources: recordMarkers(cites),
      conflicts: conflictMarkers(d.conflicts.get(refKey("event", e.id))),
    };
  });
}

export function toSubpoenaShowView(d: PublicSubpoena) {
  const cites = d.citations.get(refKey("subpoena", d.subpoena.id));
  return {
    title: d.subpoena.title,
    feedUrl: paths.feeds.subpoena(d.subpoena.slug),
    feedTitle: `News of ${d.subpoena.title}`,
    status: toStatusView(d.status, d.statusCitations),
    history: toStatusHistoryView(d.history, d.citations),
    alertsHref: paths.alerts({ subpoena: d.subpoena.slug }),
    facts: factsView(d),
    summary: d.subpoena.summary,
    sources: recordMarkers(cites),
    demands: d.demands.map((dm) => dm.item),
    demandSources: markersFor(cites, "demands"),
    accounts: accountsView(d),
    notices: noticesView(d),
    coverage: coverageView(d),
    cases: d.cases.map(toCaseListItem),
    motions: motionsView(d),
    events: eventsView(d),
    apiHref: paths.api.subpoena(d.subpoena.slug),
    indexHref: paths.subpoenas(),
  };
}

export type SubpoenaShowView = ReturnType<typeof toSubpoenaShowView>;

/** Markers for a flat list of citations, each under its own field, one per source. */
export function citationMarkers(citations: Citation[]): SourceMarker[] {
  const markers = new Map<string, SourceMarker>();
  for (const c of citations) {
    for (const m of markersFor([c], c.field ?? undefined)) if (!markers.has(m.tag)) markers.set(m.tag, m);
  }
  return [...markers.values()];
}

/** What a template prints for a status line: the words, the badge, the date and the sources. */
export function toStatusView(status: SubpoenaStatus, citations: Citation[]) {
  return {
    key: status.key,
    label: status.label,
    tone: status.tone,
    line: status.line,
    date: status.date,
    inferred: status.inferred,
    sources: citationMarkers(citations),
  };
}

export type StatusView = ReturnType<typeof toStatusView>;

/** One subpoena in a list (overview, subpoenas index). */
export function toSubpoenaListItem(sm: SubpoenaSummary) {
  const sp = sm.subpoena;
  return {
    href: paths.subpoena(sp.slug),
    title: sp.title,
    kind: label(SUBPOENA_KIND_LABELS, sp.kind),
    issuer: sm.issuerName,
    issuerSources: markersFor(sm.citations, "issuerId"),
    recipient: sm.recipient ? (sm.recipient.shortName ?? sm.recipient.name) : null,
    recipientSources: markersFor(sm.citations, "recipientId"),
    issued: viewDate({ date: sp.dateIssued, latest: sp.dateIssuedLatest, precision: sp.dateIssuedPrecision, label: sp.dateIssuedLabel }),
    issuedInferred: isInferred(sm.citations, "dateIssued"),
    issuedSources: markersFor(sm.citations, "dateIssued"),
    status: toStatusView(sm.status, sm.statusCitations),
    cases: sm.challenges.map((c) => ({ title: c.caption ?? c.label, href: paths.case(c.slug) })),
    sources: markersFor(sm.citations),
    // One note per conflict, however many fields of the record it touches.
    conflicts: conflictMarkers(sm.conflicts).filter((c, i, all) => all.findIndex((x) => x.code === c.code) === i),
  };
}

export type SubpoenaListItem = ReturnType<typeof toSubpoenaListItem>;

const UNKNOWN_RECIPIENT = "Recipient unknown";

export function toSubpoenaIndexView(summaries: SubpoenaSummary[], query: SubpoenaListQuery) {
  const items = summaries.map((sm) => ({ sm, item: toSubpoenaListItem(sm) }));
  const groups =
    query.group === "status"
      ? SUBPOENA_STATUS_KEYS.map((key) => ({
          id: `status-${key}`,
          heading: SUBPOENA_STATUS_LABELS[key],
          subpoenas: items.filter((i) => i.sm.status.key === key).map((i) => i.item),
        }))
      : [...new Set(items.map((i) => i.item.recipient ?? UNKNOWN_RECIPIENT))]
          .sort((a, b) => (a === UNKNOWN_RECIPIENT ? 1 : b === UNKNOWN_RECIPIENT ? -1 : a.localeCompare(b)))
          .map((name, n) => ({
            id: `recipient-${n + 1}`,
            heading: name === UNKNOWN_RECIPIENT ? name : `To ${name}`,
            subpoenas: items.filter((i) => (i.item.recipient ?? UNKNOWN_RECIPIENT) === name).map((i) => i.item),
          }));
  return {
    title: "Subpoenas and summonses",
    count: summaries.length,
    countText: `${summaries.length} ${summaries.length === 1 ? "demand" : "demands"} on the record.`,
    groups: groups.filter((g) => g.subpoenas.length > 0),
    grouping: [
      { label: "By status", href: `${paths.subpoenas()}?group=status`, current: query.group === "status" },
      { label: "By recipient", href: `${paths.subpoenas()}?group=recipient`, current: query.group === "recipient" },
    ],
    apiHref: paths.api.subpoenas(),
    csvHref: paths.subpoenasCsv(),
  };
}
