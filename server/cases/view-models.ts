import { entryCitation } from "../shared/bluebook";
import { citeBox } from "../shared/cite-box";
import { ENTRY_KINDS, PUBLIC_CASE_GROUPS } from "../../db/schema";
import { paths } from "../paths";
import { deadlineSources, toDeadlineView, type DeadlineView } from "../schedule/deadline-view";
import { motionDeadlineEligibility } from "../schedule/motion-rules";
import { formatDocketDate, viewDate, type DateView } from "../shared/dates";
import {
  COVERAGE_STATUS_LABELS,
  ENTRY_KIND_LABELS,
  ENTRY_SOURCE_PHRASES,
  HEARING_STATUS_LABELS,
  MOTION_KIND_LABELS,
  MOTION_STATUS_LABELS,
  ORDER_KIND_LABELS,
  STANDING_LABELS,
  label,
  GROUP_LABELS,
} from "../shared/labels";
import { allMarkersFor, conflictMarkers, isInferred, markersFor, type ConflictMarker, type SourceMarker, refKey } from "../sources/markers";
import { deriveCaseStatus, type CaseStatus } from "../status/case-status";
import { deriveCaseHistory } from "../status/history";
import { toStatusHistoryView, type StatusHistoryView } from "../status/history-view";
import { accountsOfParty, counselOfParty, firmOf, type PublicDocketData, type PublicEntryData, type CaseSummary } from "./loaders";
import { DOCKET_PAGE_SIZE } from "../records/docket-position";
import type { DocketQuery } from "./schemas";

type Fact = { text: string; sources: SourceMarker[]; inferred: boolean; unknown: boolean };

export type CaseHeaderView = {
  courtName: string;
  courtSources: SourceMarker[];
  docketNumber: Fact;
  caption: Fact;
  label: string;
  assigned: (Fact & { href: string | null }) | null;
  referred: (Fact & { href: string | null }) | null;
  dateFiled: DateView & { sources: SourceMarker[]; inferred: boolean };
  dateTerminated: string | null;
  nature: string | null;
  status: CaseStatus;
  /** The case's narrative, with the sources behind it (its own, else the case's). */
  summary: { text: string; sources: SourceMarker[] } | null;
  sources: SourceMarker[];
  conflicts: ConflictMarker[];
};

export function toCaseHeader(d: PublicDocketData): CaseHeaderView {
  const c = d.case;
  const cites = d.citations.get(refKey("case", c.id));
  const judge = (id: number | null, field: string) => {
    const j = d.judges.find((x) => x.id === id);
    if (!j) return null;
    return {
      text: `${j.title} ${j.name}`,
      href: paths.judge(j.slug),
      sources: markersFor(cites, field),
      inferred: isInferred(cites, field),
      unknown: false,
    };
  };
  const fact = (value: string | null, field: string, unknownText: string): Fact => ({
    text: value ?? unknownText,
    sources: value ? markersFor(cites, field) : [],
    inferred: isInferred(cites, field),
    unknown: value === null,
  });
  return {
    courtName: d.court?.name ?? "Court unknown",
    courtSources: markersFor(cites, "courtId"),
    docketNumber: fact(c.docketNumber, "docketNumber", "Docket number unknown"),
    caption: fact(c.caption, "caption", "Caption unknown"),
    label: c.label,
    assigned: judge(c.assignedJudgeId, "assignedJudgeId"),
    referred: judge(c.referredJudgeId, "referredJudgeId"),
    dateFiled: {
      ...viewDate({ date: c.dateFiled, latest: c.dateFiledLatest, precision: c.dateFiledPrecision, label: c.dateFiledLabel }),
      sources: markersFor(cites, "dateFiled"),
      inferred: isInferred(cites, "dateFiled"),
    },
    dateTerminated: c.dateTerminated ? formatDocketDate(c.dateTerminated) : null,
    nature: c.nature,
    status: deriveCaseStatus(c, d.motions),
    summary: c.summary ? { text: c.summary, sources: markersFor(cites, "summary") } : null,
    sources: markersFor(cites),
    conflicts: conflictMarkers(d.conflicts.get(refKey("case", c.id))),
  };
}

/*
 * The docket page (cases/show.hbs), declared rather than inferred so the template's contract
 * is read here: the header, the parties and their counsel, the entries (one page of them), the
 * motions, orders, hearings and deadlines, each with its sources.
 */

export type DocketPartyView = {
  id: number;
  name: string;
  role: string;
  /** Pseudonymous and named as such (a sealed name is not called a pseudonym). */
  pseudonymous: boolean;
  nameSealed: boolean;
  description: string | null;
  terminated: string | null;
  accounts: string[];
  sources: SourceMarker[];
  counsel: { name: string | null; firm: string | null; roles: string | null; standing: string; sources: SourceMarker[] }[];
};

export type DocketEntryView = {
  id: number;
  anchor: string;
  permalink: string;
  number: number | null;
  dateFiled: string;
  dateFiledIso: string;
  dateEntered: string;
  dateEnteredIso: string | null;
  description: string;
  sealed: boolean;
  stricken: boolean;
  kind: string;
  source: string;
  fromPress: boolean;
  /** The filing date is inferred (a source says so), marked as /orders marks one. */
  dateInferred: boolean;
  documents: {
    label: string;
    description: string | null;
    pages: number | null;
    size: string | null;
    sealed: boolean;
    href: string | null;
  }[];
  sources: SourceMarker[];
};

export type DocketMotionView = {
  id: number;
  title: string;
  href: string;
  kind: string;
  movants: string | null;
  relief: string | null;
  filed: DateView;
  status: string;
  pending: boolean;
  statusNote: string | null;
  decidedBy: { title: string; href: string } | null;
  sources: SourceMarker[];
  inferred: boolean;
};

export type DocketOrderView = {
  id: number;
  anchor: string;
  /** The order's own page (its permalink). */
  href: string;
  title: string;
  kind: string;
  /** "ECF No. 12", linked to the entry's permalink, when the public may see the order's docket entry. */
  ecf: { text: string; href: string } | null;
  judge: { name: string; href: string } | null;
  signed: DateView;
  signedInferred: boolean;
  summary: string | null;
  quotedText: string | null;
  inForce: boolean;
  coverage: {
    subpoena: string;
    subpoenaHref: string;
    account: string | null;
    endCondition: string | null;
    status: string;
    inForce: boolean;
    statusReason: string | null;
    sources: SourceMarker[];
  }[];
  sources: SourceMarker[];
  conflicts: ConflictMarker[];
};

export type DocketHearingView = {
  id: number;
  title: string;
  date: DateView;
  time: string | null;
  place: string | null;
  status: string;
  sources: SourceMarker[];
  conflicts: ConflictMarker[];
};

export type DocketScheduleView = {
  hearings: DocketHearingView[];
  deadlines: DeadlineView[];
  /** Pending motions the rules gave no deadline, and why ("filing date not known to the day"). */
  motionsWithoutDeadlines: { title: string; reason: string }[];
  calendarFeed: string;
};

export type DocketView = DocketScheduleView & {
  title: string;
  header: CaseHeaderView;
  history: StatusHistoryView;
  alertsHref: string;
  parties: DocketPartyView[];
  entries: DocketEntryView[];
  entryCount: number;
  entryCountText: string;
  /** The whole docket as CSV (server/cases/csv.ts), whatever the filters. */
  csvHref: string;
  filtered: boolean;
  filters: {
    from: string;
    to: string;
    q: string;
    kinds: { value: string; label: string; selected: boolean }[];
    orderAsc: boolean;
    orderDesc: boolean;
    errors: Record<string, string>;
  };
  /** `pages` as the page says it: "12", or "more than 10" past a capped count. */
  pagination: { page: number; pages: string; prev: string | null; next: string | null } | null;
  clearHref: string;
  motions: DocketMotionView[];
  orders: DocketOrderView[];
  /** Set when the case has more orders than a page reads (ORDERS_IN_FULL): which ones are listed, and where the rest are. */
  ordersNote: { text: string; href: string } | null;
  ordersInForce: DocketOrderView[];
  related: { relation: string; label: string; href: string }[];
  subpoenas: { title: string; href: string }[];
  apiHref: string;
  feedUrl: string;
  feedTitle: string;
  /** The layout's <link rel="alternate" type="text/calendar">. */
  calendarUrl: string;
  calendarTitle: string;
};

function partiesView(d: PublicDocketData): DocketPartyView[] {
  return d.parties.map((p) => ({
    id: p.id,
    name: p.name,
    role: p.role,
    pseudonymous: p.pseudonymous && !p.nameSealed,
    nameSealed: p.nameSealed,
    description: p.description,
    terminated: p.dateTerminated ? formatDocketDate(p.dateTerminated) : null,
    accounts: accountsOfParty(d, p.id).map((account) => account.handle ?? account.displayName ?? "account"),
    sources: markersFor(d.citations.get(refKey("party", p.id))),
    counsel: counselOfParty(d, p.id).map((c) => {
      const firm = firmOf(d, c);
      return {
        name: c.attorney?.name ?? null,
        firm: firm?.name ?? null,
        roles: c.representation.roles,
        standing: label(STANDING_LABELS, c.representation.standing),
        sources: markersFor(d.citations.get(refKey("representation", c.representation.id))),
      };
    }),
  }));
}

function entriesView(d: PublicDocketData): DocketEntryView[] {
  return d.entries.map((e) => {
    const docs = d.documents.filter((doc) => doc.entryId === e.id);
    return {
      id: e.id,
      anchor: `entry-${e.id}`,
      permalink: `${paths.case(d.case.slug)}/entries/${e.id}`,
      number: e.number,
      dateFiled: formatDocketDate(e.dateFiled),
      dateFiledIso: e.dateFiled,
      dateEntered: formatDocketDate(e.dateEntered),
      dateEnteredIso: e.dateEntered,
      description: e.description,
      sealed: e.sealed,
      stricken: e.stricken,
      kind: label(ENTRY_KIND_LABELS, e.kind),
      source: label(ENTRY_SOURCE_PHRASES, e.source),
      fromPress: e.source === "press",
      dateInferred: !e.sealed && isInferred(d.citations.get(refKey("entry", e.id)), "dateFiled"),
      documents: docs.map((doc) => ({
        label: doc.attachmentNumber === 0 ? "Main document" : `Attachment ${doc.attachmentNumber}`,
        description: doc.description,
        pages: doc.pageCount,
        size: doc.fileSizeText,
        sealed: doc.sealed,
        href: doc.hasFile ? paths.document(doc.id) : null,
      })),
      sources: e.sealed ? [] : markersFor(d.citations.get(refKey("entry", e.id))),
    };
  });
}

function motionsView(d: PublicDocketData): DocketMotionView[] {
  return d.motions.map((m) => {
    const order = d.orders.find((o) => o.id === m.decidedByOrderId);
    const movantNames = d.movants
      .filter((mv) => mv.motionId === m.id)
      .map((mv) => d.parties.find((p) => p.id === mv.partyId)?.name)
      .filter(Boolean);
    return {
      id: m.id,
      title: m.title,
      href: paths.motionPage(d.case.slug, m.id),
      kind: label(MOTION_KIND_LABELS, m.kind),
      movants: movantNames.join(", ") || null,
      relief: m.reliefSought,
      filed: viewDate({ date: m.dateFiled, latest: m.dateFiledLatest, precision: m.dateFiledPrecision, label: m.dateFiledLabel }),
      status: label(MOTION_STATUS_LABELS, m.status),
      pending: m.status === "pending",
      statusNote: m.statusNote,
      decidedBy: order ? { title: order.title, href: `#order-${order.slug}` } : null,
      sources: markersFor(d.citations.get(refKey("motion", m.id))),
      inferred: isInferred(d.citations.get(refKey("motion", m.id)), "dateFiled"),
    };
  });
}

function ordersView(d: PublicDocketData): DocketOrderView[] {
  return d.orders.map((o) => {
    const judge = d.orderJudges.find((j) => j.id === o.judgeId);
    const cites = d.citations.get(refKey("order", o.id));
    const coverage = d.coverage.filter((c) => c.coverage.orderId === o.id);
    const entry = o.entryId === null ? undefined : d.orderEntries.find((e) => e.id === o.entryId);
    return {
      id: o.id,
      anchor: `order-${o.slug}`,
      href: paths.order(o.slug),
      title: o.title,
      kind: label(ORDER_KIND_LABELS, o.kind),
      ecf: entry?.number != null ? { text: `ECF No. ${entry.number}`, href: paths.entryPermalink(d.case.slug, entry.id) } : null,
      judge: judge ? { name: `${judge.title} ${judge.name}`, href: paths.judge(judge.slug) } : null,
      signed: viewDate({ date: o.dateSigned, latest: o.dateSignedLatest, precision: o.dateSignedPrecision, label: o.dateSignedLabel }),
      signedInferred: isInferred(cites, "dateSigned"),
      summary: o.summary,
      quotedText: o.quotedText,
      inForce: coverage.some((c) => c.coverage.status === "in_force"),
      coverage: coverage.map((c) => ({
        subpoena: c.subpoena.title,
        subpoenaHref: paths.subpoena(c.subpoena.slug),
        account: c.account ? (c.account.handle ?? c.account.displayName) : "every account of the movant",
        endCondition: c.coverage.endCondition,
        status: label(COVERAGE_STATUS_LABELS, c.coverage.status),
        inForce: c.coverage.status === "in_force",
        statusReason: c.coverage.statusReason,
        sources: allMarkersFor(d.citations.get(refKey("coverage", c.coverage.id))),
      })),
      sources: markersFor(cites),
      conflicts: conflictMarkers(d.conflicts.get(refKey("order", o.id))),
    };
  });
}

function scheduleView(d: PublicDocketData): DocketScheduleView {
  return {
    hearings: d.hearings.map((h) => ({
      id: h.id,
      title: h.title,
      date: viewDate({ date: h.date, latest: h.dateLatest, precision: h.datePrecision, label: h.dateLabel }),
      time: h.time,
      place: h.place,
      status: label(HEARING_STATUS_LABELS, h.status),
      sources: markersFor(d.citations.get(refKey("hearing", h.id))),
      conflicts: conflictMarkers(d.conflicts.get(refKey("hearing", h.id))),
    })),
    // The rule's text, the cut-off, and an order's date beside the rule date it replaced.
    deadlines: d.deadlines.map((dl) => {
      const order = d.orders.find((o) => o.id === dl.orderId);
      return toDeadlineView(dl, {
        all: d.deadlines,
        motion: d.motions.find((m) => m.id === dl.motionId) ?? null,
        order: order ? { title: order.title, href: `#order-${order.slug}` } : null,
        sources: deadlineSources(dl, d.citations),
        timeZone: d.court?.timeZone,
      });
    }),
    // Pending motions the rules gave no deadline, and why ("filing date not known to the day").
    motionsWithoutDeadlines: d.motions.flatMap((m) => {
      const eligibility = motionDeadlineEligibility(m, d.case.courtId);
      return !eligibility.eligible && eligibility.shown ? [{ title: m.title, reason: eligibility.reason }] : [];
    }),
    calendarFeed: paths.caseCalendarFeed(d.case.slug),
  };
}

/** Query-string for a docket page with some filters changed (for pagination and sort links). */
function docketHref(slug: string, query: DocketQuery, changes: Partial<DocketQuery>): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  if (merged.from) params.set("from", merged.from);
  if (merged.to) params.set("to", merged.to);
  if (merged.kind) params.set("kind", merged.kind);
  if (merged.q) params.set("q", merged.q);
  if (merged.order !== "asc") params.set("order", merged.order);
  if (merged.page !== 1) params.set("page", String(merged.page));
  if (merged.per !== DOCKET_PAGE_SIZE) params.set("per", String(merged.per));
  const qs = params.toString();
  return `${paths.case(slug)}${qs ? `?${qs}` : ""}#entries`;
}

/** What the orders section says of a long docket's orders, of which it lists only some (loadPublicDocket). */
function ordersNote(d: PublicDocketData): DocketView["ordersNote"] {
  if (d.ordersComplete) return null;
  return {
    text: `${d.orders.length} of the case's ${d.ordersTotal} orders: those of the entries on this page, those in force, and those that decided a motion or set a deadline.`,
    href: `${paths.case(d.case.slug)}?kind=order#entries`,
  };
}

export function toDocketView(d: PublicDocketData, query: DocketQuery, errors: Record<string, string> = {}): DocketView {
  const header = toCaseHeader(d);
  const orders = ordersView(d);
  const pages = Math.max(1, Math.ceil(d.total / query.per));
  const filtered = Boolean(query.from || query.to || query.kind || query.q);
  return {
    title: `${d.case.docketNumber ?? d.case.label}${d.case.caption ? ` — ${d.case.caption}` : ""}`,
    header,
    history: toStatusHistoryView(deriveCaseHistory({ kase: d.case, motions: d.motions, orders: d.orders }), d.citations),
    alertsHref: paths.alerts({ case: d.case.slug }),
    parties: partiesView(d),
    entries: entriesView(d),
    entryCount: d.total,
    csvHref: paths.docketCsv(d.case.slug),
    entryCountText: d.totalCapped
      ? `More than ${d.total.toLocaleString("en-US")} matching entries.`
      : `${d.total.toLocaleString("en-US")} ${filtered ? "matching " : ""}${d.total === 1 ? "entry" : "entries"}.`,
    filtered,
    filters: {
      from: query.from ?? "",
      to: query.to ?? "",
      q: query.q ?? "",
      kinds: ENTRY_KINDS.map((k) => ({ value: k, label: label(ENTRY_KIND_LABELS, k), selected: query.kind === k })),
      orderAsc: query.order === "asc",
      orderDesc: query.order === "desc",
      errors,
    },
    pagination:
      pages > 1
        ? {
            page: query.page,
            // Past a capped count the pages are "more than" those it fills, and there is always a next.
            pages: d.totalCapped
              ? `more than ${Math.max(Math.floor(d.total / query.per), query.page).toLocaleString("en-US")}`
              : String(pages),
            prev: query.page > 1 ? docketHref(d.case.slug, query, { page: query.page - 1 }) : null,
            next: d.totalCapped || query.page < pages ? docketHref(d.case.slug, query, { page: query.page + 1 }) : null,
          }
        : null,
    clearHref: `${paths.case(d.case.slug)}#entries`,
    motions: motionsView(d),
    orders,
    ordersNote: ordersNote(d),
    ordersInForce: orders.filter((o) => o.inForce),
    ...scheduleView(d),
    related: d.related.map((r) => ({ relation: r.relation, label: r.case.caption ?? r.case.label, href: paths.case(r.case.slug) })),
    subpoenas: d.subpoenas.map((sp) => ({ title: sp.title, href: paths.subpoena(sp.slug) })),
    apiHref: paths.api.case(d.case.slug),
    feedUrl: paths.feeds.case(d.case.slug),
    feedTitle: `New entries in ${d.case.caption ?? d.case.label}`,
    calendarUrl: paths.caseCalendarFeed(d.case.slug),
    calendarTitle: `Hearings and deadlines in ${d.case.caption ?? d.case.label} (iCalendar)`,
  };
}

/** The permalink page of one entry: how to cite it, and the way back to the docket. */
export function toEntryView(e: PublicEntryData, share: { publicUrl: string; retrievedAt: string }) {
  const c = e.case;
  const docketHref = `${paths.case(c.slug)}${e.page > 1 ? `?page=${e.page}` : ""}#entry-${e.entry.id}`;
  const number = e.entry.number;
  // Bluebook form (server/shared/bluebook.ts): "Doe v. DHS, No. 3:25-mc-80200-TSH, ECF No. 12 (N.D. Cal. Sept. 18, 2025)".
  const citation = entryCitation(c, e.court ?? null, e.entry);
  return {
    title: number
      ? `ECF No. ${number} — ${c.caption ?? c.label}`
      : `Docket entry of ${formatDocketDate(e.entry.dateFiled)} — ${c.caption ?? c.label}`,
    heading: number ? `ECF No. ${number}` : "Unnumbered docket entry",
    caseTitle: c.caption ?? c.label,
    caseHref: paths.case(c.slug),
    docketHref,
    citation,
    cite: citeBox({
      citation,
      permalink: `${share.publicUrl}${paths.entryPermalink(c.slug, e.entry.id)}`,
      changedAt: e.changedAt,
      retrievedAt: share.retrievedAt,
    }),
    entry: {
      dateFiled: viewDate({ date: e.entry.dateFiled }),
      dateEntered: e.entry.dateEntered ? viewDate({ date: e.entry.dateEntered }) : null,
      description: e.entry.description,
      sealed: e.entry.sealed,
      stricken: e.entry.stricken,
      kind: label(ENTRY_KIND_LABELS, e.entry.kind),
      source: label(ENTRY_SOURCE_PHRASES, e.entry.source),
    },
    documents: e.documents.map((doc) => ({
      label: doc.attachmentNumber === 0 ? "Main document" : `Attachment ${doc.attachmentNumber}`,
      description: doc.description,
      pages: doc.pageCount,
      href: doc.hasFile ? paths.document(doc.id) : null,
    })),
    sources: markersFor(e.citations),
  };
}

/** One line of a case list, wherever cases are listed (cases index, overview, judge page). */
export function toCaseListItem(summary: CaseSummary) {
  const c = summary.case;
  const judge = summary.assigned ?? summary.referred;
  return {
    href: paths.case(c.slug),
    title: c.caption ?? c.label,
    captionKnown: c.caption !== null,
    label: c.label,
    docketNumber: c.docketNumber,
    docketSources: markersFor(summary.citations, "docketNumber"),
    court: summary.court?.shortName ?? null,
    courtInferred: isInferred(summary.citations, "courtId"),
    courtSources: markersFor(summary.citations, "courtId"),
    judge: judge ? { name: `${judge.title} ${judge.name}`, href: paths.judge(judge.slug) } : null,
    judgeSources: markersFor(summary.citations, summary.assigned ? "assignedJudgeId" : "referredJudgeId"),
    filed: viewDate({ date: c.dateFiled, latest: c.dateFiledLatest, precision: c.dateFiledPrecision, label: c.dateFiledLabel }),
    filedInferred: isInferred(summary.citations, "dateFiled"),
    filedSources: markersFor(summary.citations, "dateFiled"),
    status: summary.status,
    summary: c.summary,
    subpoenas: summary.subpoenas.map((sp) => ({ title: sp.title, href: paths.subpoena(sp.slug) })),
    sources: markersFor(summary.citations),
    conflicts: conflictMarkers(summary.conflicts),
  };
}

export type CaseListItem = ReturnType<typeof toCaseListItem>;

export function toCaseIndexView(
  summaries: CaseSummary[],
  paging: { page: number; perPage: number; total: number } = { page: 1, perPage: summaries.length, total: summaries.length },
) {
  const pages = Math.max(1, Math.ceil(paging.total / paging.perPage));
  const href = (page: number) => (page === 1 ? paths.cases() : `${paths.cases()}?page=${page}`);
  return {
    title: paging.page > 1 ? `Cases, page ${paging.page}` : "Cases",
    pagination:
      pages > 1
        ? {
            page: paging.page,
            pages,
            prev: paging.page > 1 ? href(Math.min(paging.page - 1, pages)) : null,
            next: paging.page < pages ? href(paging.page + 1) : null,
          }
        : null,
    groups: PUBLIC_CASE_GROUPS.map((group) => ({
      id: `group-${group}`,
      heading: label(GROUP_LABELS, group),
      cases: summaries.filter((sm) => sm.case.group === group).map(toCaseListItem),
    })).filter((g) => g.cases.length > 0),
    apiHref: paths.api.cases(),
  };
}
