import type { Db } from "../../db/client";
import { loadCaseSummaries, type CaseSummary } from "../cases/loaders";
import { toPublic, toPublicEntry, type PublicRecord } from "../privacy/projection";
import { createSourcesRepository } from "../sources/repository";
import type { Citation, RecordRef } from "../sources/markers";
import { loadSubpoenaSummaries, type SubpoenaSummary } from "../subpoenas/loaders";
import { loadCalendar, upcomingSchedule } from "../calendar/loaders";
import { createOverviewRepository } from "./repository";

export const LATEST_ENTRY_COUNT = 10;

/**
 * The overview lists at most this many cases of each status, in the record's order, and says
 * how many more there are: a record of thousands of imported cases would otherwise build and
 * render every case's summary on the front page. The bundled record has fewer in every status.
 */
export const CASES_PER_STATUS = 20;

export type OverviewData = {
  today: string;
  subpoenas: SubpoenaSummary[];
  /** The cases the page shows: the first CASES_PER_STATUS of each status. */
  cases: CaseSummary[];
  /** How many public cases have each status (deriveCaseStatus's label), shown or not. */
  caseStatusTotals: Map<string, number>;
  /** Latest docket entries, projected: a sealed entry is a placeholder. */
  latestEntries: { entry: PublicRecord<"entry">; case: PublicRecord<"case"> }[];
  hearings: { hearing: PublicRecord<"hearing">; case: PublicRecord<"case"> }[];
  deadlines: { deadline: PublicRecord<"deadline">; case: PublicRecord<"case"> | null }[];
  /** Citations of the entries, hearings and deadlines above. */
  citations: Map<string, Citation[]>;
};

/** Everything the overview shows, as of `today` (the injected clock's date). */
export function loadOverview(db: Db, today: string): OverviewData {
  const repo = createOverviewRepository(db);
  const latestEntries = repo
    .latestEntries(LATEST_ENTRY_COUNT)
    .map((r) => ({ entry: toPublicEntry(r.entry), case: toPublic("case", r.case) }));
  // The same selection as the calendar's "Upcoming", read through the calendar's loader (only what lies ahead).
  const calendar = loadCalendar(db, { upcomingFrom: today });
  const { hearings, deadlines } = upcomingSchedule(calendar, today);
  const refs: RecordRef[] = [
    // A sealed entry's sources could describe it; they stay unread.
    ...latestEntries.filter((e) => !e.entry.sealed).map((e) => ({ type: "entry" as const, id: e.entry.id })),
  ];
  // Counted and picked in SQL: only the cases the page shows get a summary.
  const statusCounts = repo.caseStatusCounts();
  const shownCases = statusCounts.flatMap((g) => repo.casesWithStatus(g.label, CASES_PER_STATUS));
  return {
    today,
    subpoenas: loadSubpoenaSummaries(db),
    cases: shownCases.length ? loadCaseSummaries(db, shownCases) : [],
    caseStatusTotals: new Map(statusCounts.map((g) => [g.label, g.total])),
    latestEntries,
    hearings,
    deadlines,
    citations: new Map([...createSourcesRepository(db).citationsFor(refs), ...calendar.citations]),
  };
}
