import type { PublicArgument } from "../../arguments/loaders";
import { makerOf } from "../../arguments/view-models";
import type { AuthoritySummary, PublicAuthority } from "../../authorities/loaders";
import type { CitingFiling } from "../../cites/loaders";
import type { DoctrineSummary } from "../../doctrine/loaders";
import { paths } from "../../paths";
import { parseTags } from "../../shared/doctrine-tags";
import { filingName } from "../../shared/filing-name";
import { absolute, caseRef, conflicts, sources, type ApiContext } from "./common";

/** The law students' records (doctrines, authorities, arguments) as the API gives them. */

export function doctrineRef(ctx: ApiContext, d: { slug: string; title: string }) {
  return { slug: d.slug, title: d.title, url: absolute(ctx, paths.api.doctrine(d.slug)), htmlUrl: absolute(ctx, paths.doctrine(d.slug)) };
}

export function authorityRef(ctx: ApiContext, a: { slug: string; shortName: string; citation: string }) {
  return {
    slug: a.slug,
    shortName: a.shortName,
    citation: a.citation,
    url: absolute(ctx, paths.api.authority(a.slug)),
    htmlUrl: absolute(ctx, paths.authority(a.slug)),
  };
}

export function toApiArgument(ctx: ApiContext, a: PublicArgument) {
  return {
    id: a.argument.id,
    // Arguments have no slug of their own: this is the anchor that addresses one on /arguments.
    slug: `argument-${a.argument.id}`,
    htmlUrl: absolute(ctx, paths.argument(a.argument.id)),
    text: a.argument.text,
    doctrineTag: a.argument.doctrineTag,
    doctrine: a.doctrine ? doctrineRef(ctx, a.doctrine) : null,
    madeBy: makerOf(a).map((p) => ({ partyId: p.id, name: p.name, role: p.role })),
    case: caseRef(ctx, a.case),
    motion: a.motion
      ? { motionId: a.motion.id, title: a.motion.title, htmlUrl: absolute(ctx, paths.motionPage(a.case.slug, a.motion.id)) }
      : null,
    filing: a.entry
      ? { entryId: a.entry.id, name: filingName(a.entry), htmlUrl: absolute(ctx, paths.entryPermalink(a.case.slug, a.entry.id)) }
      : null,
    authorities: a.authorities.map((au) => authorityRef(ctx, au)),
    reached: a.argument.reached,
    treatment: a.argument.treatment,
    sources: sources(a.citations),
    conflicts: conflicts(ctx, a.conflicts),
  };
}

function toApiCiting(ctx: ApiContext, f: CitingFiling, authorityId: number) {
  return {
    case: caseRef(ctx, f.case),
    filing: {
      entryId: f.entry.id,
      name: filingName(f.entry),
      description: f.entry.description,
      htmlUrl: absolute(ctx, paths.entryPermalink(f.case.slug, f.entry.id)),
    },
    attachmentNumber: f.document.attachmentNumber,
    byCourt: f.byCourt,
    citations: f.cites
      .filter((c) => c.authority.id === authorityId)
      .map((c) => ({ kind: c.cite.kind, citedText: c.cite.citedText, pinCite: c.cite.pinCite, sentence: c.cite.sentence })),
  };
}

export function toApiAuthorityListItem(ctx: ApiContext, a: AuthoritySummary) {
  const au = a.authority;
  return {
    id: au.id,
    slug: au.slug,
    url: absolute(ctx, paths.api.authority(au.slug)),
    htmlUrl: absolute(ctx, paths.authority(au.slug)),
    kind: au.kind,
    citation: au.citation,
    shortName: au.shortName,
    court: au.court,
    year: au.year,
    holding: au.holding,
    textUrl: au.url,
    doctrines: a.doctrines.map((d) => doctrineRef(ctx, d)),
    tags: parseTags(au.doctrineTags),
    filingCount: a.filingCount,
    argumentCount: a.argumentCount,
    sources: sources(a.citations),
    conflicts: conflicts(ctx, a.conflicts),
  };
}

export function toApiAuthorityRecord(ctx: ApiContext, a: PublicAuthority) {
  return {
    ...toApiAuthorityListItem(ctx, a),
    citedIn: a.filings.map((f) => toApiCiting(ctx, f, a.authority.id)),
    arguments: a.arguments.map((arg) => toApiArgument(ctx, arg)),
  };
}

export function toApiDoctrineListItem(ctx: ApiContext, d: DoctrineSummary) {
  return {
    id: d.doctrine.id,
    slug: d.doctrine.slug,
    url: absolute(ctx, paths.api.doctrine(d.doctrine.slug)),
    htmlUrl: absolute(ctx, paths.doctrine(d.doctrine.slug)),
    title: d.doctrine.title,
    summary: d.doctrine.summary,
    tags: d.tags,
    authorityCount: d.authorities.length,
    argumentCount: d.arguments.length,
    sources: sources(d.citations),
    conflicts: conflicts(ctx, d.conflicts),
  };
}

export function toApiDoctrineRecord(ctx: ApiContext, d: DoctrineSummary) {
  return {
    ...toApiDoctrineListItem(ctx, d),
    authorities: d.authorities.map((a) => toApiAuthorityListItem(ctx, a)),
    arguments: d.arguments.map((a) => toApiArgument(ctx, a)),
  };
}
