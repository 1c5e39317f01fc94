import { paths } from "../paths";
import { OUTCOME_LABELS, OUTCOME_TONES, isoOf, precisionNote, refMarkers, spanView, stageView } from "../patterns/stage-view";
import { queryString } from "../shared/query-string";
import { MOTION_KIND_LABELS, MOTION_STATUS_LABELS, SUBPOENA_KIND_LABELS, label } from "../shared/labels";
import { markersFor, refKey, type SourceMarker } from "../sources/markers";
import type { Comparison, Proceeding } from "./loaders";
import { COMPARE_OUTCOMES, COMPARE_SORTS, type CompareQuery } from "./schemas";

const orgName = (o: { name: string; shortName: string | null } | null) => (o ? (o.shortName ?? o.name) : null);

const outcomeKeyOf = (p: Proceeding) => p.outcome?.key ?? (p.pending ? "pending" : "none");

/** The platforms a proceeding's demands went to, by slug (for the filter) and name. */
function platformsOf(p: Proceeding) {
  const seen = new Map<string, string>();
  for (const i of p.instruments) if (i.path.recipient) seen.set(i.path.recipient.slug, orgName(i.path.recipient)!);
  return [...seen].map(([slug, name]) => ({ slug, name }));
}

/** The movants' arguments grouped by the doctrine that gathers their tag (or the tag itself). */
function doctrinesOf(p: Proceeding) {
  const groups = new Map<string, { slug: string; title: string; count: number; href: string }>();
  for (const a of p.arguments) {
    const slug = a.doctrine?.slug ?? a.argument.doctrineTag;
    const group = groups.get(slug) ?? {
      slug,
      title: a.doctrine?.title ?? a.argument.doctrineTag.replace(/-/g, " "),
      count: 0,
      href: `${paths.arguments()}?${new URLSearchParams({ case: p.summary.case.slug, doctrine: slug })}`,
    };
    group.count += 1;
    groups.set(slug, group);
  }
  return [...groups.values()];
}

function notesOf(p: Proceeding): string[] {
  const notes = [
    p.challenge ? precisionNote("challenge", p.challenge.date, p.challenge.window) : null,
    p.outcome ? precisionNote(p.outcome.key === "withdrawn" ? "withdrawal" : "ruling", p.outcome.date, p.outcome.window) : null,
  ].filter((n): n is string => n !== null);
  if (!p.challenge?.window) notes.push("no filing date of this proceeding is on the record");
  if (p.outcome && !p.outcome.window)
    notes.push(`the ${p.outcome.key === "withdrawn" ? "withdrawal" : "ruling"} has no date on the record`);
  return notes.map((n) => `${n.charAt(0).toUpperCase()}${n.slice(1)}.`);
}

function rulingOf(p: Proceeding, citations: Comparison["citations"]) {
  if (p.ruling) {
    return { yes: true, text: `Yes: ${OUTCOME_LABELS[p.ruling.key].toLowerCase()}`, stage: stageView(p.ruling, citations), detail: null };
  }
  const quash = p.motions.filter((m) => m.motion.kind === "motion_to_quash" || m.motion.kind === "other");
  const detail = quash.length
    ? quash
        .map((m) => `${label(MOTION_KIND_LABELS, m.motion.kind)}: ${label(MOTION_STATUS_LABELS, m.motion.status).toLowerCase()}`)
        .join("; ")
    : null;
  return { yes: false, text: "No ruling on the merits", stage: null, detail };
}

export function toProceedingRow(p: Proceeding, citations: Comparison["citations"]) {
  const c = p.summary.case;
  const key = outcomeKeyOf(p);
  const caseSources: SourceMarker[] = markersFor(citations.get(refKey("case", c.id)) ?? p.summary.citations);
  return {
    id: `proceeding-${c.slug}`,
    slug: c.slug,
    title: c.caption ?? c.label,
    href: paths.case(c.slug),
    court: p.summary.court?.shortName ?? null,
    docketNumber: c.docketNumber,
    caseSources,
    platforms: platformsOf(p),
    instruments: p.instruments.map((i) => ({
      title: i.path.subpoena.title,
      href: paths.subpoena(i.path.subpoena.slug),
      kindKey: i.path.subpoena.kind,
      kind: label(SUBPOENA_KIND_LABELS, i.path.subpoena.kind),
      issuer: i.path.issuerName,
      statute: i.path.subpoena.authorityCited,
      statuteSources: i.path.subpoena.authorityCited
        ? refMarkers([{ type: "subpoena", id: i.path.subpoena.id, field: "authorityCited" }], citations)
        : [],
      authority: i.authority ? { name: i.authority.shortName, href: paths.authority(i.authority.slug) } : null,
      demands: i.demands,
    })),
    doctrines: doctrinesOf(p),
    ruling: rulingOf(p, citations),
    stay: stageView(p.stay, citations),
    challenge: stageView(p.challenge, citations),
    outcome: { key, label: OUTCOME_LABELS[key], tone: OUTCOME_TONES[key], stage: stageView(p.outcome, citations) },
    days: spanView(p.days),
    notes: notesOf(p),
    // For sorting: where each sortable value falls, unknown last.
    order: {
      challenged: p.challenge?.window?.earliest ?? null,
      days: p.days ? (p.days.min + p.days.max) / 2 : null,
    },
  };
}

type Row = ReturnType<typeof toProceedingRow>;

const SORT_LABELS: Record<(typeof COMPARE_SORTS)[number], string> = {
  case: "Proceeding",
  platform: "Platform",
  instrument: "Instrument",
  challenged: "First challenge",
  days: "Days to outcome",
};

function compareRows(sort: CompareQuery["sort"], a: Row, b: Row, index: Map<Row, number>): number {
  const text = (r: Row) =>
    sort === "platform" ? (r.platforms[0]?.name ?? null) : sort === "instrument" ? (r.instruments[0]?.kind ?? null) : null;
  switch (sort) {
    case "platform":
    case "instrument":
      return (text(a) ?? "").localeCompare(text(b) ?? "", "en");
    case "challenged":
      return (a.order.challenged ?? "").localeCompare(b.order.challenged ?? "");
    case "days":
      return (a.order.days ?? 0) - (b.order.days ?? 0);
    default:
      return index.get(a)! - index.get(b)!;
  }
}

/** Whether the value a row is sorted by is unknown: such rows stay last whichever way the column is sorted. */
function unknownFor(sort: CompareQuery["sort"], r: Row): boolean {
  if (sort === "challenged") return r.order.challenged === null;
  if (sort === "days") return r.order.days === null;
  if (sort === "platform") return r.platforms.length === 0;
  return false;
}

export function filterAndSort(rows: Row[], q: CompareQuery): Row[] {
  const index = new Map(rows.map((r, i) => [r, i]));
  const kept = rows.filter(
    (r) =>
      (!q.platform || r.platforms.some((p) => p.slug === q.platform)) &&
      (!q.instrument || r.instruments.some((i) => i.kindKey === q.instrument)) &&
      (!q.outcome || r.outcome.key === q.outcome) &&
      (!q.ruled || r.ruling.yes === (q.ruled === "yes")) &&
      (!q.doctrine || r.doctrines.some((d) => d.slug === q.doctrine)),
  );
  const sign = q.dir === "desc" ? -1 : 1;
  return kept.sort((a, b) => {
    const ua = unknownFor(q.sort, a);
    const ub = unknownFor(q.sort, b);
    if (ua !== ub) return ua ? 1 : -1;
    return sign * compareRows(q.sort, a, b, index) || index.get(a)! - index.get(b)!;
  });
}

export function toCompareView(data: Comparison, q: CompareQuery, errors: Record<string, string> = {}) {
  const all = data.proceedings.map((p) => toProceedingRow(p, data.citations));
  const rows = filterAndSort(all, q);
  const filters = { platform: q.platform, instrument: q.instrument, outcome: q.outcome, ruled: q.ruled, doctrine: q.doctrine };
  const option = (value: string, text: string, current: string | undefined) => ({ value, label: text, selected: value === current });
  const unique = <T>(items: T[], key: (t: T) => string) => [...new Map(items.map((i) => [key(i), i])).values()];
  const sortLinks = COMPARE_SORTS.map((sort) => {
    const current = q.sort === sort;
    const dir = current && q.dir === "asc" ? "desc" : "asc";
    return {
      key: sort,
      label: SORT_LABELS[sort],
      href: `${paths.compare()}${queryString({ ...filters, sort: sort === "case" && dir === "asc" ? undefined : sort, dir: dir === "asc" ? undefined : dir })}`,
      current,
      ariaSort: current ? (q.dir === "asc" ? "ascending" : "descending") : "none",
      direction: current ? (q.dir === "asc" ? "ascending" : "descending") : null,
    };
  });
  const monthOnly = rows.some((r) => r.notes.some((n) => n.includes("only to the month")));
  return {
    title: "Compare the proceedings",
    rows,
    count: rows.length,
    total: all.length,
    countText: rows.length === all.length ? `${all.length} proceedings.` : `${rows.length} of ${all.length} proceedings fit these filters.`,
    errors,
    filter: {
      action: paths.compare(),
      active: Object.values(filters).some(Boolean),
      sort: q.sort === "case" ? null : q.sort,
      dir: q.dir === "asc" ? null : q.dir,
      platforms: unique(
        all.flatMap((r) => r.platforms),
        (p) => p.slug,
      )
        .sort((a, b) => a.name.localeCompare(b.name, "en"))
        .map((p) => option(p.slug, p.name, q.platform)),
      instruments: unique(
        all.flatMap((r) => r.instruments),
        (i) => i.kindKey,
      ).map((i) => option(i.kindKey, i.kind, q.instrument)),
      outcomes: COMPARE_OUTCOMES.filter((o) => all.some((r) => r.outcome.key === o)).map((o) => option(o, OUTCOME_LABELS[o], q.outcome)),
      doctrines: unique(
        all.flatMap((r) => r.doctrines),
        (d) => d.slug,
      ).map((d) => option(d.slug, d.title, q.doctrine)),
      ruled: [option("yes", "Yes", q.ruled), option("no", "No", q.ruled)],
    },
    sortLinks: Object.fromEntries(sortLinks.map((s) => [s.key, s])),
    monthNote: monthOnly
      ? "Some dates are known only to the month (or to a window of days): their durations are given as the fewest to the most days the dates allow, never as one made-up figure."
      : null,
    csvHref: `${paths.compareCsv()}${queryString({ ...filters, sort: q.sort === "case" ? undefined : q.sort, dir: q.dir === "asc" ? undefined : q.dir })}`,
    patternsHref: paths.patterns(),
  };
}

export const COMPARE_COLUMNS = [
  "proceeding",
  "url",
  "court",
  "docket_number",
  "platform",
  "instrument",
  "issuer",
  "authority_invoked",
  "authority_url",
  "data_demanded",
  "arguments_by_doctrine",
  "court_ruled",
  "ruling",
  "first_order_not_to_produce",
  "outcome",
  "first_challenge",
  "outcome_date",
  "days_min",
  "days_max",
  "date_notes",
] as const;

/** The comparison as CSV, filtered and sorted like the page; one row per proceeding, several values joined with "; ". */
export function compareCsvRows(data: Comparison, q: CompareQuery, baseUrl: string): string[][] {
  const byRow = new Map(data.proceedings.map((p) => [p.summary.case.slug, p]));
  return filterAndSort(
    data.proceedings.map((p) => toProceedingRow(p, data.citations)),
    q,
  ).map((r) => {
    const p = byRow.get(r.slug)!;
    const join = (items: (string | null)[]) => items.filter((i): i is string => Boolean(i)).join("; ");
    return [
      r.title,
      `${baseUrl}${r.href}`,
      r.court ?? "",
      r.docketNumber ?? "",
      join(r.platforms.map((x) => x.name)),
      join(r.instruments.map((i) => `${i.kind}: ${i.title}`)),
      join([...new Set(r.instruments.map((i) => i.issuer))]),
      join(r.instruments.map((i) => i.statute)),
      join(r.instruments.map((i) => (i.authority ? `${baseUrl}${i.authority.href}` : null))),
      join(r.instruments.flatMap((i) => i.demands)),
      join(r.doctrines.map((d) => `${d.title} (${d.count})`)),
      r.ruling.yes ? "yes" : "no",
      r.ruling.yes
        ? `${r.ruling.text.replace(/^Yes: /, "")} ${p.ruling ? isoOf(p.ruling.date, p.ruling.window) : ""}`.trim()
        : (r.ruling.detail ?? ""),
      p.stay ? isoOf(p.stay.date, p.stay.window) : "",
      r.outcome.label,
      p.challenge ? isoOf(p.challenge.date, p.challenge.window) : "",
      p.outcome ? isoOf(p.outcome.date, p.outcome.window) : "",
      p.days ? String(p.days.min) : "",
      p.days ? String(p.days.max) : "",
      r.notes.join(" "),
    ];
  });
}
