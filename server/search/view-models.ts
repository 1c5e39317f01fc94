import { paths } from "../paths";
import { formatDocketDate } from "../shared/dates";
import type { SearchResults } from "./loaders";
import { snippetRuns, type SnippetRun } from "./query";

export type SearchResultView = {
  kindLabel: string;
  title: string;
  href: string;
  sealed: boolean;
  stricken: boolean;
  caseName: string;
  caseHref: string;
  entryName: string;
  entryHref: string;
  documentsHref: string;
  historyHref: string;
  snippet: SnippetRun[];
};

export type SearchView = {
  title: string;
  action: string;
  q: string;
  searched: boolean;
  plainTerms: boolean;
  total: number;
  /** How many matches, as the heading says it ("1,000+" past the count's cap). */
  totalText: string;
  /** Exactly one match ("1 match"). */
  one: boolean;
  shown: number;
  more: boolean;
  results: SearchResultView[];
};

/** The staff search page: the form, then the ranked results with their snippets, sealed ones labelled. */
export function toSearchView(results: SearchResults | null, limit: number): SearchView {
  const rows = (results?.hits ?? []).map((hit): SearchResultView => {
    const { entry, kase, document } = hit;
    const entryName = entry.number === null ? `Unnumbered entry of ${formatDocketDate(entry.dateFiled)}` : `ECF No. ${entry.number}`;
    const documentsHref = paths.staffEntryDocuments(kase.slug, entry.id);
    const docLabel = document ? (document.attachmentNumber === 0 ? "Main document" : `Attachment ${document.attachmentNumber}`) : null;
    return {
      kindLabel: document ? "Document text" : "Docket text",
      title: document
        ? `${entryName}, ${docLabel}${document.description ? `: ${document.description}` : ""}`
        : `${entryName}, filed ${formatDocketDate(entry.dateFiled)}`,
      // Staff open the PDF itself (sealed ones too), or the entry's staff page.
      href: document?.fileSha256 ? paths.document(document.id) : documentsHref,
      sealed: entry.sealed || Boolean(document?.sealed),
      stricken: entry.stricken,
      caseName: kase.caption ?? kase.label,
      caseHref: paths.case(kase.slug),
      entryName,
      entryHref: paths.entryPermalink(kase.slug, entry.id),
      documentsHref,
      historyHref: document ? paths.staffHistory("document", document.id) : paths.staffHistory("entry", entry.id),
      snippet: snippetRuns(hit.snippet),
    };
  });
  const total = results?.total ?? 0;
  return {
    title: "Search filings",
    action: paths.staffSearch(),
    q: results?.q ?? "",
    searched: results !== null && results.q !== "",
    plainTerms: results?.plainTerms ?? false,
    total,
    totalText: results?.capped ? `${total.toLocaleString("en-US")}+` : total.toLocaleString("en-US"),
    one: total === 1 && !results?.capped,
    shown: rows.length,
    more: total > limit,
    results: rows,
  };
}
