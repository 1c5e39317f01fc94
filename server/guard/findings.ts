import { FINDING_KINDS, type FindingKind } from "../privacy/findings";

/** What the guard can hold a record for: a detector finding, or a term of a never-publish list. */
export type GuardKind = FindingKind | "never-publish";

/**
 * One finding of a held record, as the hold keeps it: the field (a column, "extractedText",
 * "pdfMetadata.author", "$links.demands.2"), where in that field's text, and a salted
 * fingerprint of the matched text so a release covers exactly what the reviewer saw.
 */
export type GuardFinding = { field: string; kind: GuardKind; start: number; end: number; fingerprint: string };

export function guardKindLabel(kind: GuardKind): { label: string; rule: string } {
  if (kind === "never-publish") return { label: "A term on the case's never-publish list", rule: "never-publish list" };
  return FINDING_KINDS[kind];
}
