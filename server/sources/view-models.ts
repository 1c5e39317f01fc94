import { RELIABILITY_LEVELS, type Reliability } from "../../db/schema";
import { paths } from "../paths";
import { viewDate } from "../shared/dates";
import { RELIABILITY_LABELS } from "./markers";
import { recordMarkers } from "./record-markers";
import type { ConflictRecordLink, RegisterConflict, RegisterSource, SourceRegister } from "./register";
import type { SourcesQuery } from "./schemas";

const RELIABILITY_TONES: Record<Reliability, "ok" | "muted" | "warn"> = {
  court_record: "ok",
  counsel: "ok",
  reliable_press: "ok",
  secondary: "muted",
  unreliable: "warn",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export function toSourceRow({ source: src, factCount }: RegisterSource) {
  return {
    anchor: `source-${src.tag}`,
    tag: src.tag,
    title: src.title,
    publisher: src.publisher,
    date: src.datePublished ? viewDate({ date: src.datePublished, precision: src.datePublishedPrecision }) : null,
    url: src.url,
    host: src.url ? hostOf(src.url) : null,
    description: src.description,
    reliability: RELIABILITY_LABELS[src.reliability],
    reliabilityTone: RELIABILITY_TONES[src.reliability],
    reliabilityNote: src.reliabilityNote,
    factCountText: plural(factCount, "fact", "facts"),
  };
}

/** Where a record a conflict affects is shown: its own page, its card, or its section of a docket. */
export function conflictRecordHref(r: ConflictRecordLink): string | null {
  if (r.slug) {
    switch (r.type) {
      case "case":
        return paths.case(r.slug);
      case "subpoena":
        return paths.subpoena(r.slug);
      case "judge":
        return paths.judge(r.slug);
      case "order":
      case "coverage":
        return paths.order(r.slug);
      case "event":
        return paths.event(r.slug);
      case "source":
        return paths.source(r.slug);
    }
  }
  if (r.caseSlug) {
    switch (r.type) {
      case "entry":
        return paths.entry(r.caseSlug, Number(r.id));
      case "motion":
        return `${paths.case(r.caseSlug)}#motions-heading`;
      case "party":
        return `${paths.case(r.caseSlug)}#parties-heading`;
      default:
        return `${paths.case(r.caseSlug)}#schedule-heading`;
    }
  }
  return null;
}

export function toConflictItem(c: RegisterConflict) {
  return {
    anchor: `conflict-${c.conflict.code}`,
    code: c.conflict.code,
    title: c.conflict.title,
    description: c.conflict.description,
    open: c.conflict.status === "open",
    status: c.conflict.status === "open" ? "Open" : "Resolved",
    resolution: c.conflict.resolution,
    records: c.records.map((r) => ({ label: r.label, href: conflictRecordHref(r), field: r.field })),
    sources: recordMarkers(c.citations),
  };
}

function verificationText(v: SourceRegister["verification"]): string[] {
  if (v.citations === 0) return ["No fact in the record cites a source yet."];
  const checked =
    v.verified === 0
      ? `No docket was read directly: none of the ${plural(v.citations, "citation", "citations")} in the record has been checked against a docket.`
      : `${v.verified} of the ${plural(v.citations, "citation", "citations")} in the record ${v.verified === 1 ? "has" : "have"} been checked against a docket; the other ${v.citations - v.verified} have not.`;
  const inferred =
    v.inferred > 0
      ? `${plural(v.inferred, "citation marks its fact", "citations mark their facts")} as inferred: derived from other sourced facts, with the reasoning given beside the fact.`
      : "No fact is marked as inferred.";
  return [checked, "Every fact shows whether it was checked against the docket: hover over or focus its source marker.", inferred];
}

export function toSourcesView(reg: SourceRegister, query: SourcesQuery, errors: Record<string, string> = {}) {
  const filtered = query.reliability !== undefined;
  const conflicts = reg.conflicts.map(toConflictItem);
  return {
    title: filtered ? `Sources: ${RELIABILITY_LABELS[query.reliability!]}` : "Sources",
    countText: filtered
      ? `${plural(reg.sources.length, "source", "sources")} of ${reg.totalSources} at this level.`
      : `${plural(reg.totalSources, "source", "sources")}.`,
    sources: reg.sources.map(toSourceRow),
    filtered,
    // A bad filter is not applied; say so once above the form, the details sit beside the field.
    errorSummary: Object.keys(errors).length ? "The filter was not applied: correct the field marked below." : null,
    filters: {
      levels: RELIABILITY_LEVELS.map((level) => ({
        value: level,
        label: `${RELIABILITY_LABELS[level]} (${reg.levelCounts[level]})`,
        selected: query.reliability === level,
      })),
      errors,
    },
    verification: verificationText(reg.verification),
    openConflicts: conflicts.filter((c) => c.open),
    resolvedConflicts: conflicts.filter((c) => !c.open),
    noConflicts: conflicts.length === 0,
    clearHref: paths.sources(),
    apiHref: paths.api.sources(),
  };
}
