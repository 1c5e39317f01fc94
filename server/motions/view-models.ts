import { toArgumentView } from "../arguments/view-models";
import { paths } from "../paths";
import { filingName } from "../shared/filing-name";
import { viewDate } from "../shared/dates";
import { MOTION_KIND_LABELS, MOTION_STATUS_LABELS, ORDER_KIND_LABELS, label } from "../shared/labels";
import { conflictMarkers, isInferred, markersFor } from "../sources/markers";
import { recordMarkers } from "../sources/record-markers";
import { refKey } from "../sources/markers";
import { caseTabs } from "../shared/case-tabs";
import type { MotionPage } from "./loaders";

/** A motion's own page: what it asked, who brought it, where it stands, and its arguments beside the court's treatment. */
export function toMotionView(page: MotionPage) {
  const { docket: d, motion: m } = page;
  const cites = d.citations.get(refKey("motion", m.id));
  const entry = m.entryId !== null ? d.entries.find((e) => e.id === m.entryId) : undefined;
  const decidedBy = m.decidedByOrderId !== null ? d.orders.find((o) => o.id === m.decidedByOrderId) : undefined;
  const movants = d.movants
    .filter((mv) => mv.motionId === m.id)
    .map((mv) => d.parties.find((p) => p.id === mv.partyId)?.name)
    .filter((n): n is string => Boolean(n));
  return {
    title: m.title,
    sources: recordMarkers(cites),
    conflicts: conflictMarkers(d.conflicts.get(refKey("motion", m.id))),
    case: {
      title: d.case.caption ?? d.case.label,
      href: paths.case(d.case.slug),
      docketNumber: d.case.docketNumber,
      court: d.court?.shortName ?? null,
    },
    tabs: caseTabs(d.case.slug, null),
    kind: label(MOTION_KIND_LABELS, m.kind),
    filed: viewDate({ date: m.dateFiled, latest: m.dateFiledLatest, precision: m.dateFiledPrecision, label: m.dateFiledLabel }),
    filedSources: markersFor(cites, "dateFiled"),
    filedInferred: isInferred(cites, "dateFiled"),
    movants: movants.join(", ") || null,
    relief: m.reliefSought,
    status: label(MOTION_STATUS_LABELS, m.status),
    pending: m.status === "pending",
    statusNote: m.statusNote,
    statusSources: markersFor(cites, "statusNote"),
    filing: entry ? { name: filingName(entry), href: paths.entryPermalink(d.case.slug, entry.id) } : null,
    decidedBy: decidedBy ? { title: decidedBy.title, href: paths.order(decidedBy.slug) } : null,
    orders: d.orders.map((o) => ({
      title: o.title,
      href: paths.order(o.slug),
      kind: label(ORDER_KIND_LABELS, o.kind),
      signed: viewDate({ date: o.dateSigned, latest: o.dateSignedLatest, precision: o.dateSignedPrecision, label: o.dateSignedLabel }),
      summary: o.summary,
      sources: recordMarkers(d.citations.get(refKey("order", o.id))),
    })),
    arguments: page.arguments.map(toArgumentView),
    argumentsHref: paths.arguments(),
  };
}
