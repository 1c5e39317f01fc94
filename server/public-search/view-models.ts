import { paths } from "../paths";
import { ENTRY_KIND_LABELS, label } from "../shared/labels";
import { formatDocketDate } from "../shared/dates";
import type { PublicSearch } from "./loaders";

/** Results a page shows. */
export const RESULTS_PER_PAGE = 20;

const KIND_LABELS: Record<string, string> = {
  entry: "Docket entry",
  case: "Case",
  subpoena: "Subpoena",
  order: "Order",
  motion: "Motion",
  event: "Event",
  source: "Source",
};

export type SearchForm = {
  q: string;
  kind: string;
  case: string;
  court: string;
  judge: string;
  entry_kind: string;
  date__gte: string;
  date__lte: string;
};

/** The /search page: the form as filled, the message for a query that cannot be read, one page of results. */
export function toPublicSearchView(
  form: SearchForm,
  search: PublicSearch | null,
  page: number,
  error: string | null,
  pageHref: (page: number) => string,
) {
  const start = (page - 1) * RESULTS_PER_PAGE;
  const results = search?.results.slice(start, start + RESULTS_PER_PAGE) ?? [];
  const total = search?.total ?? 0;
  return {
    title: form.q ? `Search: ${form.q}` : "Search the record",
    // New docket entries matching the words, by e-mail (server/alerts): a saved query is at most 200 characters.
    alertHref: search !== null && form.q.length <= 200 ? paths.alerts({ query: form.q }) : null,
    form,
    error,
    searched: search !== null,
    total,
    totalText: `${total.toLocaleString("en-US")}${search?.capped ? "+" : ""}`,
    one: total === 1,
    kinds: Object.entries(KIND_LABELS).map(([value, text]) => ({ value, text, selected: value === form.kind })),
    entryKinds: Object.entries(ENTRY_KIND_LABELS).map(([value, text]) => ({ value, text, selected: value === form.entry_kind })),
    results: results.map((result) => ({
      href: result.url,
      title: result.title || KIND_LABELS[result.kind],
      kindLabel:
        result.kind === "entry" && result.entryKind
          ? `${KIND_LABELS.entry} (${label(ENTRY_KIND_LABELS, result.entryKind)})`
          : KIND_LABELS[result.kind],
      date: result.date ? formatDocketDate(result.date) : null,
      caseName: result.case?.name ?? null,
      caseDocket: result.case?.docketNumber ?? null,
      snippet: result.snippet,
    })),
    previousHref: page > 1 && start < total ? pageHref(page - 1) : null,
    nextHref: start + RESULTS_PER_PAGE < (search?.results.length ?? 0) ? pageHref(page + 1) : null,
    pageText: total > RESULTS_PER_PAGE ? `Page ${page} of ${Math.ceil(total / RESULTS_PER_PAGE)}` : null,
  };
}
