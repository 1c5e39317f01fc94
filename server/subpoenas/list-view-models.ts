import { paths } from "../paths";
import { viewDate } from "../shared/dates";
import { SUBPOENA_KIND_LABELS, label } from "../shared/labels";
import { conflictMarkers, isInferred, markersFor, type SourceMarker } from "../sources/markers";
import type { Citation } from "../sources/repository";
import { SUBPOENA_STATUS_KEYS, SUBPOENA_STATUS_LABELS, type SubpoenaStatus } from "../status/subpoena-status";
import type { SubpoenaListQuery } from "./schemas";
import type { SubpoenaSummary } from "./summaries";

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
  };
}
