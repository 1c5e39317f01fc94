import type { Db } from "../../db/client";
import { loadCaseSummaries, type CaseSummary } from "../cases/loaders";
import { toPublic, toPublicEntry, type PublicRecord } from "../privacy/projection";
import { createSourcesRepository } from "../sources/repository";
import type { Citation, RecordRef } from "../sources/markers";
import { loadSubpoenaSummaries, type SubpoenaSummary } from "../subpoenas/loaders";
import { loadCalendar, upcomingSchedule } from "../calendar/loaders";
import { createOverviewRepository } from "./repository";

export const LATEST_ENTRY_COUNT = 10;

export type OverviewData = {
  today: string;
  subpoenas: SubpoenaSummary[];
  cases: CaseSummary[];
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
  // The same selection as the calendar's "Upcoming", read through the calendar's loader.
  const calendar = loadCalendar(db);
  const { hearings, deadlines } = upcomingSchedule(calendar, today);
  const refs: RecordRef[] = [
    // A sealed entry's sources could describe it; they stay unread.
    ...latestEntries.filter((e) => !e.entry.sealed).map((e) => ({ type: "entry" as const, id: e.entry.id })),
  ];
  return {
    today,
    subpoenas: loadSubpoenaSummaries(db),
    cases: loadCaseSummaries(db),
    latestEntries,
    hearings,
    deadlines,
    citations: new Map([...createSourcesRepository(db).citationsFor(refs), ...calendar.citations]),
  };
}
