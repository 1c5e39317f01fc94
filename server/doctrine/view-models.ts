import { toArgumentView } from "../arguments/view-models";
import { toAuthorityListItem } from "../authorities/view-models";
import { paths } from "../paths";
import { conflictMarkers } from "../sources/markers";
import { recordMarkers } from "../sources/record-markers";
import type { PublicArgument } from "../arguments/loaders";
import type { DoctrineSummary } from "./loaders";
import { tagWords } from "../shared/doctrine-tags";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function toDoctrinesIndexView(doctrines: DoctrineSummary[], untagged: PublicArgument[]) {
  return {
    title: "Doctrine",
    doctrines: doctrines.map((d) => ({
      title: d.doctrine.title,
      href: paths.doctrine(d.doctrine.slug),
      summary: d.doctrine.summary,
      sources: recordMarkers(d.citations),
      counts: `${count(d.authorities.length, "authority", "authorities")}, ${count(d.arguments.length, "argument", "arguments")} in the cluster`,
    })),
    untagged: untagged.map(toArgumentView),
    authoritiesHref: paths.authorities(),
    argumentsHref: paths.arguments(),
    apiHref: paths.api.doctrines(),
    csvHref: paths.doctrinesCsv(),
  };
}

export function toDoctrineShowView(d: DoctrineSummary) {
  return {
    title: d.doctrine.title,
    summary: d.doctrine.summary,
    sources: recordMarkers(d.citations),
    conflicts: conflictMarkers(d.conflicts),
    tags: d.tags.map(tagWords),
    authorities: d.authorities.map(toAuthorityListItem),
    arguments: d.arguments.map(toArgumentView),
    doctrinesHref: paths.doctrines(),
    apiHref: paths.api.doctrine(d.doctrine.slug),
  };
}
