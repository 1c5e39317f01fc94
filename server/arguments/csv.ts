import { paths } from "../paths";
import { filingName } from "../shared/filing-name";
import { sourceTags } from "../shared/csv-reply";
import type { PublicArgument } from "./loaders";
import { makerText, NO_AUTHORITIES_LISTED } from "./view-models";

export const ARGUMENT_COLUMNS = [
  "argument",
  "url",
  "case",
  "motion",
  "filing",
  "made_by",
  "doctrine",
  "authorities_cited",
  "court_reached",
  "treatment",
  "sources",
] as const;

/** Arguments as CSV rows: one per argument, several authorities joined with "; ". */
export function argumentCsvRows(args: PublicArgument[], baseUrl: string): string[][] {
  return args.map((a) => [
    a.argument.text,
    `${baseUrl}${paths.argument(a.argument.id)}`,
    a.case.caption ?? a.case.label,
    a.motion?.title ?? "",
    a.entry ? filingName(a.entry) : "",
    makerText(a) ?? "",
    a.doctrine?.title ?? a.argument.doctrineTag,
    a.authorities.length ? a.authorities.map((au) => au.citation).join("; ") : NO_AUTHORITIES_LISTED,
    a.argument.reached,
    a.argument.treatment ?? "",
    sourceTags(a.citations),
  ]);
}
