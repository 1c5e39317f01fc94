import { formatDocketDate } from "./dates";

/**
 * How a filing is named when it is cited elsewhere on the site: "ECF No. 12" as counsel cite
 * it, or the date for an entry the docket did not number. A sealed entry keeps only these.
 */
export function filingName(entry: { number: number | null; dateFiled: string }): string {
  return entry.number !== null ? `ECF No. ${entry.number}` : `Unnumbered entry of ${formatDocketDate(entry.dateFiled)}`;
}
