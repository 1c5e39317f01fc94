import { ENTRY_KINDS } from "../../../db/schema";
import { listQuery, type ListSpec } from "../lists";
import { DocketEntry, listOf } from "./index";

/**
 * The query a case's entries list takes. It follows every list's conventions (server/api/lists.ts:
 * page_size, cursor, fields/omit, `__in`, date ranges), but the page is cut in SQL by keyset on
 * the entries' docket order (../case-entries-routes.ts), so `of` only documents what each filter reads.
 */
type EntryFilterItem = { kind: string; dateFiled: string };

export const CASE_ENTRIES_LIST: ListSpec<EntryFilterItem> = {
  key: () => [],
  filters: {
    kind: { type: "enum", values: ENTRY_KINDS, description: "Only entries of this kind (`order`, `motion`…).", of: (e) => e.kind },
    date_filed: { type: "date", description: "Filed:", of: (e) => e.dateFiled },
  },
  orderings: {},
};

export const CaseEntriesQuery = listQuery(CASE_ENTRIES_LIST);

export const CaseEntriesList = listOf(
  DocketEntry,
  "One page of a case's docket entries in docket order (sealed entries as placeholders); follow `next` for the rest.",
);
