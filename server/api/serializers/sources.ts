import { paths } from "../../paths";
import type { ConflictRecordLink, RegisterConflict, RegisterSource, SourceRegister } from "../../sources/register";
import { absolute, fuzzyDate, sources, type ApiContext } from "./common";

export function toRegisterSource(ctx: ApiContext, { source: s, factCount }: RegisterSource) {
  return {
    tag: s.tag,
    slug: s.tag,
    htmlUrl: absolute(ctx, paths.source(s.tag)),
    sourceUrl: s.url,
    title: s.title,
    publisher: s.publisher,
    description: s.description,
    datePublished: fuzzyDate({ date: s.datePublished, precision: s.datePublishedPrecision }),
    reliability: s.reliability,
    reliabilityNote: s.reliabilityNote,
    factCount,
  };
}

/** Where a record a conflict affects lives, in the API and on the site. */
function recordLinks(ctx: ApiContext, r: ConflictRecordLink): { url: string | null; htmlUrl: string | null } {
  if (r.slug) {
    switch (r.type) {
      case "case":
        return { url: absolute(ctx, paths.api.case(r.slug)), htmlUrl: absolute(ctx, paths.case(r.slug)) };
      case "subpoena":
        return { url: absolute(ctx, paths.api.subpoena(r.slug)), htmlUrl: absolute(ctx, paths.subpoena(r.slug)) };
      case "judge":
        return { url: absolute(ctx, paths.api.judge(r.slug)), htmlUrl: absolute(ctx, paths.judge(r.slug)) };
      case "order":
      case "coverage":
        return { url: null, htmlUrl: absolute(ctx, paths.order(r.slug)) };
      case "event":
        return { url: null, htmlUrl: absolute(ctx, paths.event(r.slug)) };
      case "source":
        return { url: null, htmlUrl: absolute(ctx, paths.source(r.slug)) };
    }
  }
  if (r.caseSlug) return { url: absolute(ctx, paths.api.case(r.caseSlug)), htmlUrl: absolute(ctx, paths.case(r.caseSlug)) };
  return { url: null, htmlUrl: null };
}

export function toRegisterConflict(ctx: ApiContext, { conflict: c, records, citations }: RegisterConflict) {
  return {
    id: c.id,
    code: c.code,
    htmlUrl: absolute(ctx, paths.conflict(c.code)),
    title: c.title,
    description: c.description,
    status: c.status,
    resolution: c.resolution,
    records: records.map((r) => ({ type: r.type, field: r.field, label: r.label, ...recordLinks(ctx, r) })),
    sources: sources(citations),
  };
}

/** The source register: sources with how many facts each backs, the conflicts, and verification counts. */
export function toSourceRegister(ctx: ApiContext, register: SourceRegister) {
  const data = register.sources.map((s) => toRegisterSource(ctx, s));
  return {
    data,
    count: data.length,
    conflicts: register.conflicts.map((c) => toRegisterConflict(ctx, c)),
    verification: register.verification,
  };
}
