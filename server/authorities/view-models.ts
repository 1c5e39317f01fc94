import { toArgumentView } from "../arguments/view-models";
import { paths } from "../paths";
import { AUTHORITY_KIND_LABELS } from "../shared/labels";
import { filingName } from "../shared/filing-name";
import { queryString } from "../shared/query-string";
import { conflictMarkers, markersFor } from "../sources/markers";
import { recordMarkers } from "../sources/record-markers";
import type { CitingFiling } from "../cites/loaders";
import { sentenceRuns } from "../cites/view-models";
import { tagWords } from "../shared/doctrine-tags";
import type { AuthoritySummary, PublicAuthority } from "./loaders";
import { compareAuthorities } from "./rank";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One authority in a list: its name and citation, court and year, holding, doctrines and how often the cluster cites it. */
export function toAuthorityListItem(a: AuthoritySummary) {
  const au = a.authority;
  return {
    name: au.shortName,
    href: paths.authority(au.slug),
    citation: au.citation,
    kind: AUTHORITY_KIND_LABELS[au.kind] ?? au.kind,
    court: au.court,
    year: au.year,
    holding: au.holding,
    holdingSources: markersFor(a.citations, "holding"),
    sources: recordMarkers(a.citations),
    doctrines: a.doctrines.map((d) => ({ title: d.title, href: paths.doctrine(d.slug) })),
    otherTags: a.otherTags.map(tagWords),
    citedText:
      a.filingCount || a.argumentCount
        ? `cited in ${count(a.filingCount, "filing", "filings")} and ${count(a.argumentCount, "argument", "arguments")}`
        : null,
  };
}

/** The authorities a query of /authorities (or its CSV) keeps, leading ones first. */
export function filterAuthorities(authorities: AuthoritySummary[], filter: { doctrine?: string; kind?: string }) {
  return authorities
    .filter((a) => !filter.kind || a.authority.kind === filter.kind)
    .filter((a) => !filter.doctrine || a.doctrines.some((d) => d.slug === filter.doctrine))
    .sort((a, b) => compareAuthorities(a.authority, b.authority));
}

export function toAuthoritiesIndexView(authorities: AuthoritySummary[], filter: { doctrine?: string; kind?: string }) {
  const shown = filterAuthorities(authorities, filter);
  const doctrines = new Map<string, string>();
  for (const a of authorities) for (const d of a.doctrines) doctrines.set(d.slug, d.title);
  const kinds = [...new Set(authorities.map((a) => a.authority.kind))];
  return {
    title: "Authorities",
    countText: `${count(shown.length, "authority", "authorities")}${shown.length !== authorities.length ? ` of ${authorities.length}` : ""}, leading ones first: the Constitution and statutes, the Supreme Court, the courts of appeals, rules, district and state courts.`,
    authorities: shown.map(toAuthorityListItem),
    filter: {
      action: paths.authorities(),
      doctrines: [...doctrines].map(([slug, title]) => ({ value: slug, label: title, selected: slug === filter.doctrine })),
      kinds: kinds.map((k) => ({ value: k, label: AUTHORITY_KIND_LABELS[k] ?? k, selected: k === filter.kind })),
      active: Boolean(filter.doctrine || filter.kind),
    },
    apiHref: paths.api.authorities(),
    csvHref: `${paths.authoritiesCsv()}${queryString(filter)}`,
  };
}

/** A filing citing one or more authorities: where it is, and each citation with its pin cite and sentence. */
export function toCitingFilingView(f: CitingFiling) {
  return {
    case: { title: f.case.caption ?? f.case.label, href: paths.case(f.case.slug) },
    filing: filingName(f.entry),
    filingHref: paths.entryPermalink(f.case.slug, f.entry.id),
    description: f.entry.description,
    document: f.document.attachmentNumber === 0 ? "main document" : `attachment ${f.document.attachmentNumber}`,
    byCourt: f.byCourt,
    cites: f.cites.map((c) => ({
      authority: { name: c.authority.shortName, href: paths.authority(c.authority.slug) },
      citedText: c.cite.citedText,
      pinCite: c.cite.pinCite,
      sentence: sentenceRuns(c.cite.sentence, c.cite.citedText),
    })),
  };
}

export function toAuthorityShowView(a: PublicAuthority) {
  const item = toAuthorityListItem(a);
  const filings = a.filings.map(toCitingFilingView);
  const reached = a.arguments.filter((arg) => arg.argument.reached === "yes");
  return {
    ...item,
    title: a.authority.shortName,
    conflicts: conflictMarkers(a.conflicts),
    url: a.authority.url,
    filings: filings.filter((f) => !f.byCourt),
    courtFilings: filings.filter((f) => f.byCourt),
    arguments: a.arguments.map(toArgumentView),
    reachedArguments: reached.map(toArgumentView),
    treated: filings.some((f) => f.byCourt) || reached.length > 0,
    authoritiesHref: paths.authorities(),
    apiHref: paths.api.authority(a.authority.slug),
  };
}
