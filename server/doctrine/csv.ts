import { paths } from "../paths";
import { sourceTags } from "../shared/csv-reply";
import type { DoctrineSummary } from "./loaders";

export const DOCTRINE_COLUMNS = ["doctrine", "url", "summary", "tags", "leading_authorities", "arguments", "sources"] as const;

/** Doctrines as CSV rows, in a seminar's order, each with its leading authorities' citations. */
export function doctrineCsvRows(doctrines: DoctrineSummary[], baseUrl: string): string[][] {
  return doctrines.map((d) => [
    d.doctrine.title,
    `${baseUrl}${paths.doctrine(d.doctrine.slug)}`,
    d.doctrine.summary,
    d.tags.join("; "),
    d.authorities.map((a) => a.authority.citation).join("; "),
    String(d.arguments.length),
    sourceTags(d.citations),
  ]);
}
