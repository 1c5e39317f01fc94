import type { RecordType, Reliability } from "../../db/schema";
import { paths } from "../paths";
import type { PublicRecord } from "../privacy/projection";

/** A record a fact can be cited for; `refKey` is how maps of citations are keyed. */
export type RecordRef = { type: RecordType; id: string | number };
export const refKey = (type: string, id: string | number) => `${type}:${id}`;

/** One citation of one source for one record (or one field of it). */
export type Citation = PublicRecord<"fact_source"> & { source: PublicRecord<"source"> };
export type ConflictRef = PublicRecord<"conflict"> & { field: string | null };

export const RELIABILITY_LABELS: Record<Reliability, string> = {
  court_record: "Court record",
  counsel: "Counsel's own statement",
  reliable_press: "Reliable press",
  secondary: "Secondary source",
  unreliable: "Unreliable source",
};

/** What a template prints beside a fact: a small linked tag with a full description. */
export type SourceMarker = {
  tag: string;
  href: string;
  description: string;
  inferred: boolean;
};

export type ConflictMarker = { code: string; title: string; href: string; field: string | null };

function describeCitation(c: Citation): string {
  const bits = [
    c.source.publisher ?? c.source.title,
    c.source.datePublished ?? "undated",
    RELIABILITY_LABELS[c.source.reliability],
    c.verifiedAgainstDocket ? "checked against the docket" : "not checked against the docket",
  ];
  if (c.inferred) bits.push(`inferred: ${c.inferredReason ?? "see source"}`);
  return `Source ${c.source.tag}: ${bits.join("; ")}`;
}

/**
 * Markers for one fact. A field's own citations win; a field with none shows the record's
 * general citations, so no fact is printed without a source.
 */
export function markersFor(citations: Citation[] | undefined, field?: string): SourceMarker[] {
  if (!citations?.length) return [];
  const own = field ? citations.filter((c) => c.field === field) : [];
  const chosen = own.length ? own : citations.filter((c) => c.field === null);
  const seen = new Set<string>();
  const markers: SourceMarker[] = [];
  for (const c of chosen) {
    if (seen.has(c.source.tag)) continue;
    seen.add(c.source.tag);
    markers.push({ tag: c.source.tag, href: paths.source(c.source.tag), description: describeCitation(c), inferred: c.inferred });
  }
  return markers;
}

/** Every source behind a record, whatever field it backs: for a row that shows the whole record. */
export function allMarkersFor(citations: Citation[] | undefined): SourceMarker[] {
  const byTag = new Map<string, SourceMarker>();
  for (const c of citations ?? []) {
    if (!byTag.has(c.source.tag)) {
      byTag.set(c.source.tag, {
        tag: c.source.tag,
        href: paths.source(c.source.tag),
        description: describeCitation(c),
        inferred: c.inferred,
      });
    }
  }
  return [...byTag.values()];
}

/** True when the record (or the field) is marked inferred by any citation. */
export function isInferred(citations: Citation[] | undefined, field?: string): boolean {
  return (citations ?? []).some((c) => c.inferred && (field === undefined || c.field === field));
}

export function conflictMarkers(conflicts: ConflictRef[] | undefined, field?: string): ConflictMarker[] {
  // A conflict linked to two fields of one record (Q7: a case's nature and its status note) is one disagreement to a reader: listed once.
  const seen = new Set<string>();
  return (conflicts ?? [])
    .filter((c) => field === undefined || c.field === field || c.field === null)
    .filter((c) => !seen.has(c.code) && Boolean(seen.add(c.code)))
    .map((c) => ({ code: c.code, title: c.title, href: paths.conflict(c.code), field: c.field }));
}

/**
 * One citation per source and field: the same source cited twice for one field (two quotes
 * from one article) is one fact–source link, its quotes joined, checked against the docket if
 * either was, inferred only if both were.
 */
function oncePerField(citations: Citation[]): Citation[] {
  const byKey = new Map<string, Citation>();
  for (const c of citations) {
    const key = `${c.source.tag}\u0000${c.field ?? ""}`;
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, c);
      continue;
    }
    const quotes = [seen.quote, c.quote].filter((q): q is string => Boolean(q));
    byKey.set(key, {
      ...seen,
      quote: quotes.length ? [...new Set(quotes)].join(" … ") : null,
      verifiedAgainstDocket: seen.verifiedAgainstDocket || c.verifiedAgainstDocket,
      inferred: seen.inferred && c.inferred,
      inferredReason: seen.inferred && c.inferred ? seen.inferredReason : null,
    });
  }
  return [...byKey.values()];
}

/** The shape every API record carries under `sources`. */
export function apiSources(citations: Citation[] | undefined) {
  return oncePerField(citations ?? []).map((c) => ({
    tag: c.source.tag,
    field: c.field,
    title: c.source.title,
    publisher: c.source.publisher,
    url: c.source.url,
    datePublished: c.source.datePublished,
    reliability: c.source.reliability,
    verifiedAgainstDocket: c.verifiedAgainstDocket,
    inferred: c.inferred,
    inferredReason: c.inferredReason,
    quote: c.quote,
  }));
}

/**
 * The citations behind a list of records or fields (a status line's, a history step's), each
 * source once, in the order given: a field's own citations, or its record's general ones.
 */
export function citationsBehind(
  refs: { type: string; id: string | number; field?: string }[],
  citations: Map<string, Citation[]>,
): Citation[] {
  const out: Citation[] = [];
  for (const ref of refs) {
    const all = citations.get(refKey(ref.type, ref.id)) ?? [];
    const own = ref.field ? all.filter((c) => c.field === ref.field) : [];
    for (const c of own.length ? own : all.filter((c) => c.field === null)) if (!out.some((o) => o.id === c.id)) out.push(c);
  }
  return out;
}
