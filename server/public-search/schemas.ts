import { z } from "zod";
import { ENTRY_KINDS } from "../../db/schema";
import { SEARCH_KINDS } from "../records/public-search-index";
import { MAX_QUERY_LENGTH } from "./query";

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD");
const emptyAsUnset = (value: unknown) => (value === "" ? undefined : value);

/** The filters a public search takes, the same on the page and in the API. */
export const SearchFilterQuery = {
  kind: z
    .preprocess(emptyAsUnset, z.enum(Object.keys(SEARCH_KINDS) as [keyof typeof SEARCH_KINDS, ...(keyof typeof SEARCH_KINDS)[]]).optional())
    .describe("Only records of this kind: entry, case, subpoena, order, motion, event or source."),
  case: z.preprocess(emptyAsUnset, z.string().max(200).optional()).describe("Only records of this case, by its slug."),
  court: z
    .preprocess(emptyAsUnset, z.string().max(20).optional())
    .describe("Only records of cases in this court, by its CourtListener id (`cand`)."),
  judge: z
    .preprocess(emptyAsUnset, z.string().max(200).optional())
    .describe("Only records of cases assigned or referred to this judge, by the judge's slug."),
  entry_kind: z
    .preprocess(emptyAsUnset, z.enum(ENTRY_KINDS).optional())
    .describe("Only docket entries of this kind (order, motion, notice…)."),
  date__gte: z.preprocess(emptyAsUnset, isoDay.optional()).describe("Only records dated on or after this day."),
  date__lte: z.preprocess(emptyAsUnset, isoDay.optional()).describe("Only records dated on or before this day."),
};

/** `/search`: the words, the filters and the page. */
export const PublicSearchPageQuery = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).optional(),
  ...SearchFilterQuery,
  page: z.coerce.number().int().min(1).max(50).optional(),
});
