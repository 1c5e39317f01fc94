import { paths } from "../paths";
import { viewDate } from "../shared/dates";
import { COVERAGE_STATUS_LABELS, MOTION_KIND_LABELS, MOTION_STATUS_LABELS, ORDER_KIND_LABELS, label } from "../shared/labels";
import { inferredView } from "../sources/inferred";
import { recordMarkers } from "../sources/record-markers";
import { conflictMarkers, markersFor } from "../sources/markers";
import { citationTable } from "../sources/citation-table";
import { bluebookCitation, type BluebookCitation } from "../shared/bluebook";
import { citeBox } from "../shared/cite-box";
import type { OrderPage, OrderRecord, OrdersPage, OrderStanding } from "./loaders";

const STANDING: Record<OrderStanding, { label: string; tone: "ok" | "muted" }> = {
  in_force: { label: "In force", tone: "ok" },
  ended: { label: "No longer in force", tone: "muted" },
  none: { label: "No protection recorded", tone: "muted" },
};

export const standingView = (standing: OrderStanding) => STANDING[standing];

/** The date an order was signed, as precisely as the sources know it, with its badge and sources. */
export function signedView(r: OrderRecord) {
  const o = r.order;
  return {
    date: viewDate({ date: o.dateSigned, latest: o.dateSignedLatest, precision: o.dateSignedPrecision, label: o.dateSignedLabel }),
    inferred: inferredView(r.citations, "dateSigned"),
    sources: markersFor(r.citations, "dateSigned"),
  };
}

export function caseLink(kase: OrderRecord["case"]) {
  return { title: kase.caption ?? kase.label, href: paths.case(kase.slug), docketNumber: kase.docketNumber };
}

export function judgeLink(judge: OrderRecord["judge"]) {
  return judge ? { name: `${judge.title} ${judge.name}`, href: paths.judge(judge.slug) } : null;
}

/** One order as a card: what it says, whom it binds, what it decided and what it protects. */
export function toOrderCard(r: OrderRecord) {
  const o = r.order;
  return {
    anchor: `order-${o.slug}`,
    href: paths.order(o.slug),
    title: o.title,
    kind: label(ORDER_KIND_LABELS, o.kind),
    ecf: r.entry?.number != null ? { text: `ECF No. ${r.entry.number}`, href: paths.entryPermalink(r.case.slug, r.entry.id) } : null,
    case: caseLink(r.case),
    judge: judgeLink(r.judge),
    judgeSources: markersFor(r.citations, "judgeId"),
    signed: signedView(r),
    standing: standingView(r.standing),
    summary: o.summary,
    summarySources: markersFor(r.citations, "summary"),
    quotedText: o.quotedText,
    quoteSources: markersFor(r.citations, "quotedText"),
    dispositions: r.dispositions.map((d) => ({
      title: d.motion.title,
      kind: label(MOTION_KIND_LABELS, d.motion.kind),
      href: paths.motionPage(r.case.slug, d.motion.id),
      disposition: label(MOTION_STATUS_LABELS, d.disposition),
      sources: recordMarkers(d.citations),
    })),
    coverage: r.coverage.map((c) => {
      // Each cell cites its own field; a cell with no source of its own shows the order's, which states what it covers.
      const cell = (field: string) => {
        const own = markersFor(c.citations, field);
        return own.length ? own : recordMarkers(r.citations);
      };
      return {
        subpoena: c.subpoena.title,
        subpoenaHref: paths.subpoena(c.subpoena.slug),
        account: c.account ? (c.account.handle ?? c.account.displayName ?? "an account with no public handle") : null,
        accountSources: cell("accountId"),
        addressee: c.addressee?.name ?? null,
        addresseeSources: c.addressee ? cell("addresseeId") : [],
        endCondition: c.coverage.endCondition,
        endConditionSources: c.coverage.endCondition ? cell("endCondition") : [],
        status: label(COVERAGE_STATUS_LABELS, c.coverage.status),
        inForce: c.coverage.status === "in_force",
        statusReason: c.coverage.statusReason,
        statusSources: cell("status"),
        dateEnded: c.coverage.dateEnded ? viewDate({ date: c.coverage.dateEnded }) : null,
        dateEndedSources: c.coverage.dateEnded ? cell("dateEnded") : [],
        conflicts: conflictMarkers(c.conflicts),
      };
    }),
    sources: recordMarkers(r.citations),
    conflicts: conflictMarkers(r.conflicts),
  };
}

export type OrderCard = ReturnType<typeof toOrderCard>;

const GROUPS: { standing: OrderStanding; id: string; heading: string; lede: string }[] = [
  {
    standing: "in_force",
    id: "in-force",
    heading: "In force",
    lede: "Orders that still protect at least one subpoenaed account.",
  },
  {
    standing: "ended",
    id: "no-longer-in-force",
    heading: "No longer in force",
    lede: "Every protection these orders gave has ended: dissolved, superseded, or moot once the demand was withdrawn.",
  },
  {
    standing: "none",
    id: "other-orders",
    heading: "Other orders",
    lede: "Orders for which no protection of any account is recorded (rulings, scheduling, sealing).",
  },
];

export function toOrdersIndexView(page: OrdersPage) {
  const { records, total } = page;
  const paged = page.nextAfter !== null || page.previousBefore !== null;
  return {
    title: "Orders",
    count: total,
    countText: `${total} ${total === 1 ? "order" : "orders"} on the record.`,
    groups: GROUPS.map((g) => {
      const orders = records.filter((r) => r.standing === g.standing).map(toOrderCard);
      return { ...g, orders, empty: orders.length === 0 };
    }),
    // Only a record of more orders than a page has pages; the bundled record's page is unchanged.
    pagination: paged
      ? {
          shown: `${records.length} of them on this page, in date order.`,
          prev: page.previousBefore !== null ? paths.ordersPage({ before: page.previousBefore }) : null,
          next: page.nextAfter !== null ? paths.ordersPage({ after: page.nextAfter }) : null,
        }
      : null,
    apiHref: paths.api.orders(),
  };
}

/** How an order's fields are named where its sources are listed. */
const ORDER_FIELD_LABELS: Record<string, string> = {
  title: "Title",
  kind: "Kind",
  dateSigned: "Date signed",
  judgeId: "Judge",
  entryId: "Docket entry",
  summary: "Summary",
  quotedText: "Words of the order",
};

/**
 * An order in Bluebook form (Rule B17: the document, then the case): "Order that Meta not produce,
 * Doe v. DHS, No. 3:25-mc-80200-TSH, ECF No. 12 (N.D. Cal. Sept. 19, 2025)"; what the record
 * does not know (the ECF No., the day) is left out.
 */
export function orderCitation(r: OrderRecord, court: { shortName: string } | null): BluebookCitation {
  const o = r.order;
  const kase = bluebookCitation({
    caseName: r.case.caption ?? r.case.label,
    docketNumber: r.case.docketNumber,
    court: court?.shortName ?? null,
    ecfNumber: r.entry?.number ?? null,
    date: { date: o.dateSigned, latest: o.dateSignedLatest, precision: o.dateSignedPrecision },
  });
  const runs = [{ text: `${o.title}, `, italic: false }, ...kase.runs];
  return { text: runs.map((run) => run.text).join(""), runs };
}

/** An order's own page (/orders/{slug}): the card's facts in full, its sources, and "Cite this page". */
export function toOrderShowView(page: OrderPage, share: { publicUrl: string; retrievedAt: string }) {
  const r = page.record;
  const card = toOrderCard(r);
  const caseTitle = r.case.caption ?? r.case.label;
  return {
    ...card,
    title: `${r.order.title} — ${caseTitle}`,
    court: page.court?.shortName ?? null,
    // The order's docket entry when the public may see it, numbered or not.
    docketEntry: r.entry
      ? {
          text: r.entry.number != null ? `ECF No. ${r.entry.number}` : "Unnumbered docket entry",
          href: paths.entryPermalink(r.case.slug, r.entry.id),
        }
      : null,
    ordersHref: paths.ordersPage({}),
    sourcesTable: citationTable(r.citations, ORDER_FIELD_LABELS),
    cite: citeBox({
      citation: orderCitation(r, page.court),
      permalink: `${share.publicUrl}${paths.order(r.order.slug)}`,
      changedAt: page.changedAt,
      retrievedAt: share.retrievedAt,
    }),
  };
}
