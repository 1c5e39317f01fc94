import { paths } from "../paths";
import { AUTHORITY_KIND_LABELS, label } from "../shared/labels";
import { sourceTags } from "../shared/csv-reply";
import type { AuthoritySummary } from "./loaders";

export const AUTHORITY_COLUMNS = [
  "citation",
  "short_name",
  "url",
  "kind",
  "court",
  "year",
  "holding",
  "doctrines",
  "filings_citing",
  "arguments_citing",
  "text_url",
  "sources",
] as const;

/** Authorities as CSV rows, in the order the page lists them. */
export function authorityCsvRows(authorities: AuthoritySummary[], baseUrl: string): string[][] {
  return authorities.map((a) => [
    a.authority.citation,
    a.authority.shortName,
    `${baseUrl}${paths.authority(a.authority.slug)}`,
    label(AUTHORITY_KIND_LABELS, a.authority.kind),
    a.authority.court ?? "",
    a.authority.year === null ? "" : String(a.authority.year),
    a.authority.holding ?? "",
    a.doctrines.map((d) => d.title).join("; "),
    String(a.filingCount),
    String(a.argumentCount),
    a.authority.url ?? "",
    sourceTags(a.citations),
  ]);
}
