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

/** "description", "extractedText", "$links.demands.2" in words. */
export function fieldLabel(field: string): string {
  if (field === "extractedText") return "the PDF's text (published with the file)";
  const link = /^\$links\.(\w+)\.(\d+)$/.exec(field);
  if (link) return `${link[1]} item ${Number(link[2]) + 1}`;
  const meta = /^pdfMetadata\.(\w+)$/.exec(field);
  if (meta) return `the PDF's ${meta[1]} metadata (stripped from public downloads)`;
  return field;
}
