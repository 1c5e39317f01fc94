import { COURT_TIME_ZONE, electronicFilingCutoff } from "../deadlines";
import { parseIsoDate } from "../deadlines/civil-date";
import type { PublicRecord } from "../privacy/projection";
import { zoneWords } from "../shared/court-time";
import { formatDay, weekdayOf } from "../shared/dates";
import { DEADLINE_STATUS_LABELS, label } from "../shared/labels";
import { markersFor, type SourceMarker, refKey, type Citation } from "../sources/markers";
import { parseComputation } from "./computation";
import { isFilingDeadline, ruleInfo } from "./motion-rules";

/**
 * How one deadline reads wherever it is shown (calendar, docket page, feeds): the due day with
 * its weekday, the e-filing cut-off, the rule with the catalogue's words, where the date comes
 * from, and — for a date an order set — the rule's date it replaced, to be shown struck through.
 * Pure: the caller passes the projected records around it.
 */

export type PublicDeadline = PublicRecord<"deadline">;

export type DayView = { text: string; datetime: string };

export type DeadlineView = {
  id: number;
  anchor: string;
  label: string;
  motionTitle: string | null;
  due: DayView;
  /** When e-filing closes on the due day; null for dates that are not filings. */
  cutoff: { text: string; at: string; citation: string } | null;
  /** Why a date has no cut-off ("the earliest day the hearing may be set…"). */
  notFiling: string | null;
  rule: { citation: string; name: string | null; summary: string | null; trigger: string | null } | null;
  origin: string;
  computed: boolean;
  courtOrdered: boolean;
  order: { title: string; href: string } | null;
  /** Dates this one replaced (the rule default, an earlier order's date), newest first. */
  replaced: { due: DayView; what: string }[];
  supersededBy: { label: string; due: DayView; anchor: string } | null;
  status: string;
  statusClass: string;
  open: boolean;
  superseded: boolean;
  warnings: string[];
  steps: string[];
  sources: SourceMarker[];
};

export type DeadlineContext = {
  /** The deadlines around this one (its case's), to follow supersession links. */
  all: readonly PublicDeadline[];
  motion: PublicRecord<"motion"> | null;
  order: { title: string; href: string } | null;
  sources: SourceMarker[];
  /** The court's zone, for the e-filing cut-off; N.D. Cal.'s when unknown. */
  timeZone?: string;
};

/** "Thursday, October 2, 2025" */
export function dayView(iso: string): DayView {
  return { text: `${weekdayOf(iso)}, ${formatDay(iso)}`, datetime: iso };
}

const zoneNamers = new Map<string, Intl.DateTimeFormat>();
function zoneNamer(timeZone: string): Intl.DateTimeFormat {
  let namer = zoneNamers.get(timeZone);
  if (!namer) zoneNamers.set(timeZone, (namer = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })));
  return namer;
}

/**
 * E-filing closes at midnight in the court's zone (FRCP 6(a)(4)(A)); people file by 11:59 p.m.
 * The zone's name is read just before the cut-off, so a due day before a DST change is right.
 */
export function filingCutoff(dueIso: string, timeZone: string = COURT_TIME_ZONE): { text: string; at: string; citation: string } | null {
  const day = parseIsoDate(dueIso);
  if (day === undefined) return null;
  const cutoff = electronicFilingCutoff(day, timeZone);
  const zone = zoneNamer(timeZone)
    .formatToParts(new Date(Date.parse(cutoff.at) - 60_000))
    .find((p) => p.type === "timeZoneName")?.value;
  return { text: `11:59 p.m. ${zoneWords(timeZone)}${zone ? ` (${zone})` : ""}`, at: cutoff.at, citation: cutoff.citation };
}

const NOT_FILING: Record<string, string> = {
  "hearing-floor": "The earliest day the hearing may be set — a floor for the hearing date, not a filing deadline.",
  submission: "The day the motion is taken under submission without a hearing — not a filing deadline.",
  "private-window": "The platform's own date, not a court deadline.",
};

const STATUS_CLASSES: Record<string, string> = {
  open: "badge-accent",
  met: "badge-ok",
  vacated: "badge-muted",
  superseded: "badge-muted",
};

function originText(origin: string): string {
  if (origin === "court_ordered") return "Set by court order";
  if (origin === "computed") return "Computed from the rule";
  return "As stated (not computed)";
}

/** Every deadline this one replaced, following the chain back (order ← earlier order ← rule). */
function predecessors(dl: PublicDeadline, all: readonly PublicDeadline[]): PublicDeadline[] {
  const found: PublicDeadline[] = [];
  const seen = new Set([dl.id]);
  let frontier = [dl.id];
  while (frontier.length > 0) {
    const next = all.filter((d) => d.supersededById !== null && frontier.includes(d.supersededById) && !seen.has(d.id));
    for (const d of next) seen.add(d.id);
    found.push(...next);
    frontier = next.map((d) => d.id);
  }
  return found;
}

function replacedWhat(d: PublicDeadline): string {
  if (d.origin === "computed") return `rule default${d.ruleCitation ? ` under ${d.ruleCitation}` : ""}`;
  if (d.origin === "court_ordered") return "set by an earlier order";
  return "as stated earlier";
}

export function toDeadlineView(dl: PublicDeadline, ctx: DeadlineContext): DeadlineView {
  const info = ruleInfo(dl.ruleCode);
  const computation = dl.origin === "computed" ? parseComputation(dl.computation) : null;
  const filing = isFilingDeadline(dl.origin, dl.ruleCode);
  const successor = dl.supersededById === null ? undefined : ctx.all.find((d) => d.id === dl.supersededById);
  const citation = dl.ruleCitation ?? info?.citation ?? null;
  return {
    id: dl.id,
    anchor: `deadline-${dl.id}`,
    label: dl.label,
    motionTitle: ctx.motion?.title ?? null,
    due: dayView(dl.dateDue),
    cutoff: filing ? filingCutoff(dl.dateDue, ctx.timeZone) : null,
    notFiling: filing ? null : (NOT_FILING[dl.origin === "stated" ? "private-window" : (info?.kind ?? "")] ?? null),
    rule: citation ? { citation, name: info?.name ?? null, summary: info?.summary ?? null, trigger: info?.trigger ?? null } : null,
    origin: originText(dl.origin),
    computed: dl.origin === "computed",
    courtOrdered: dl.origin === "court_ordered",
    order: dl.origin === "court_ordered" ? ctx.order : null,
    replaced: predecessors(dl, ctx.all).map((d) => ({ due: dayView(d.dateDue), what: replacedWhat(d) })),
    supersededBy: successor ? { label: successor.label, due: dayView(successor.dateDue), anchor: `deadline-${successor.id}` } : null,
    status: label(DEADLINE_STATUS_LABELS, dl.status),
    statusClass: STATUS_CLASSES[dl.status] ?? "badge-muted",
    open: dl.status === "open",
    superseded: dl.status === "superseded",
    warnings: computation?.warnings.map((w) => w.message) ?? [],
    steps: computation?.steps.map((s) => s.text) ?? [],
    sources: ctx.sources,
  };
}

/**
 * The sources behind a deadline: its own, or else where its date comes from — the motion's
 * filing date for a computed one, the order for a court-ordered one — so no date goes unsourced.
 */
export function deadlineSources(dl: PublicDeadline, citations: Map<string, Citation[]>): SourceMarker[] {
  const own = markersFor(citations.get(refKey("deadline", dl.id)));
  if (own.length > 0) return own;
  if (dl.origin === "computed" && dl.motionId !== null) return markersFor(citations.get(refKey("motion", dl.motionId)), "dateFiled");
  if (dl.origin === "court_ordered" && dl.orderId !== null) return markersFor(citations.get(refKey("order", dl.orderId)));
  return [];
}
