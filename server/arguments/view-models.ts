import { paths } from "../paths";
import { filingName } from "../shared/filing-name";
import { queryString } from "../shared/query-string";
import { conflictMarkers, markersFor } from "../sources/markers";
import { recordMarkers } from "../sources/record-markers";
import { tagWords } from "../shared/doctrine-tags";
import type { PublicArgument } from "./loaders";

export const REACHED_VIEW: Record<string, { label: string; tone: "ok" | "warn" | "muted" }> = {
  yes: { label: "Reached by the court", tone: "ok" },
  no: { label: "Not reached", tone: "muted" },
  unknown: { label: "Not known whether reached", tone: "warn" },
};

/** No source in the bundled record lists a filing's authorities; the words say so instead of an empty list. */
export const NO_AUTHORITIES_LISTED = "No source lists the authorities this argument cited.";

/** Who made an argument: the party the sources name, or else the motion's movants. */
export function makerOf(a: PublicArgument) {
  return a.party ? [a.party] : a.movants;
}

/** Who made an argument, in the docket's own names ("J. Doe (Movant)"). */
export function makerText(a: PublicArgument): string | null {
  if (a.party) return `${a.party.name} (${a.party.role})`;
  if (a.movants.length) return `${a.movants.map((p) => p.name).join(", ")} (${a.movants.length === 1 ? "movant" : "movants"})`;
  return null;
}

/** One argument as every page prints it: what, who, where, which doctrine, the authorities, the court's treatment, the sources. */
export function toArgumentView(a: PublicArgument) {
  const reached = REACHED_VIEW[a.argument.reached] ?? REACHED_VIEW.unknown!;
  return {
    id: a.argument.id,
    anchor: `argument-${a.argument.id}`,
    text: a.argument.text,
    sources: recordMarkers(a.citations),
    textSources: markersFor(a.citations, "text"),
    conflicts: conflictMarkers(a.conflicts),
    doctrine: a.doctrine
      ? { title: a.doctrine.title, href: paths.doctrine(a.doctrine.slug) }
      : { title: tagWords(a.argument.doctrineTag), href: null },
    maker: makerText(a),
    case: { title: a.case.caption ?? a.case.label, href: paths.case(a.case.slug) },
    motion: a.motion ? { title: a.motion.title, href: paths.motionPage(a.case.slug, a.motion.id) } : null,
    filing: a.entry ? { name: filingName(a.entry), href: paths.entryPermalink(a.case.slug, a.entry.id) } : null,
    authorities: a.authorities.map((au) => ({ name: au.shortName, citation: au.citation, href: paths.authority(au.slug) })),
    noAuthorities: NO_AUTHORITIES_LISTED,
    reached: reached.label,
    reachedTone: reached.tone,
    treatment: a.argument.treatment,
    treatmentSources: a.argument.treatment ? markersFor(a.citations, "treatment") : [],
  };
}

export type ArgumentView = ReturnType<typeof toArgumentView>;

/** /arguments: every public argument, grouped by case, with the filters that chose them. */
/** The arguments a query of /arguments (or its CSV) keeps. */
export function filterArguments(all: PublicArgument[], query: { doctrine?: string; case?: string; reached?: string }) {
  return all.filter(
    (a) =>
      (!query.doctrine || (a.doctrine?.slug ?? a.argument.doctrineTag) === query.doctrine) &&
      (!query.case || a.case.slug === query.case) &&
      (!query.reached || a.argument.reached === query.reached),
  );
}

export function toArgumentsIndexView(
  all: PublicArgument[],
  query: { doctrine?: string; case?: string; reached?: string },
  errors: Record<string, string> = {},
) {
  const shown = filterArguments(all, query);
  const groups: { title: string; href: string; arguments: ArgumentView[] }[] = [];
  for (const a of shown) {
    let group = groups.find((g) => g.href === paths.case(a.case.slug));
    if (!group) groups.push((group = { title: a.case.caption ?? a.case.label, href: paths.case(a.case.slug), arguments: [] }));
    group.arguments.push(toArgumentView(a));
  }
  const unique = <T extends { value: string }>(items: T[]) =>
    items.filter((item, i) => items.findIndex((o) => o.value === item.value) === i);
  const doctrines = unique(
    all.map((a) => ({ value: a.doctrine?.slug ?? a.argument.doctrineTag, label: a.doctrine?.title ?? tagWords(a.argument.doctrineTag) })),
  );
  const cases = unique(all.map((a) => ({ value: a.case.slug, label: a.case.caption ?? a.case.label })));
  const n = shown.length;
  return {
    title: "Arguments",
    countText: `${n} ${n === 1 ? "argument" : "arguments"}${n !== all.length ? ` of ${all.length}` : ""} the sources attribute to filings in the cluster.`,
    groups,
    errors,
    filter: {
      action: paths.arguments(),
      doctrines: doctrines.map((d) => ({ ...d, selected: d.value === query.doctrine })),
      cases: cases.map((c) => ({ ...c, selected: c.value === query.case })),
      reached: Object.entries(REACHED_VIEW).map(([value, v]) => ({ value, label: v.label, selected: value === query.reached })),
      active: Boolean(query.doctrine || query.case || query.reached),
    },
    doctrinesHref: paths.doctrines(),
    apiHref: paths.api.arguments(),
    csvHref: `${paths.argumentsCsv()}${queryString(query)}`,
  };
}
