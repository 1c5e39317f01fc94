import { paths } from "../paths";
import { RELIABILITY_LABELS, type Citation } from "./markers";

/**
 * A record's sources as the read-only "Sources" table of its own page (views/partials/record-sources.hbs):
 * which field each backs, the source, its quote, and whether it was checked against the docket or inferred.
 * `fieldLabels` names the record's fields as a reader knows them; a field without one is shown as stored.
 */
export function citationTable(citations: Citation[], fieldLabels: Record<string, string>) {
  return {
    readOnly: true,
    registerHref: paths.sources(),
    items: citations.map((c) => ({
      field: c.field ? (fieldLabels[c.field] ?? c.field) : "The record as a whole",
      source: {
        tag: c.source.tag,
        title: c.source.publisher ?? c.source.title,
        href: paths.source(c.source.tag),
        reliability: RELIABILITY_LABELS[c.source.reliability],
      },
      quote: c.quote,
      verified: c.verifiedAgainstDocket,
      inferred: c.inferred,
      inferredReason: c.inferredReason,
    })),
  };
}
