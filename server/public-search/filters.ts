import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { publicCase } from "../records/public-scope";
import type { SearchKind } from "../records/public-search-index";
import type { SearchFilters } from "./repository";

export type FilterParams = {
  kind?: SearchKind;
  case?: string;
  court?: string;
  judge?: string;
  entry_kind?: string;
  date__gte?: string;
  date__lte?: string;
};

/** No record has this id: a filter naming a case or judge the public cannot see finds nothing. */
const NOTHING = -1;

/** The query's filters as the repository takes them: slugs read as ids (a public case only). */
export function toSearchFilters(db: Db, params: FilterParams): SearchFilters {
  const caseId = params.case
    ? (db
        .select({ id: s.cases.id })
        .from(s.cases)
        .where(and(eq(s.cases.slug, params.case), publicCase()))
        .get()?.id ?? NOTHING)
    : undefined;
  const judgeId = params.judge
    ? (db.select({ id: s.judges.id }).from(s.judges).where(eq(s.judges.slug, params.judge)).get()?.id ?? NOTHING)
    : undefined;
  return {
    kind: params.kind,
    caseId,
    courtId: params.court,
    judgeId,
    entryKind: params.entry_kind,
    dateFrom: params.date__gte,
    dateTo: params.date__lte,
  };
}
