import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases, courts, docketEntries } from "../../db/schema";
import { preparedQuery } from "../records/prepared";
import type { Clock } from "../shared/clock";
import { toFreshnessView, type FreshnessView } from "./freshness";
import { createFreshnessRepository } from "./repository";

/**
 * How current one case's docket is, for the docket page, its API answer and its feed. Reads
 * only dates and flags, never a record's private fields.
 */
export function loadFreshness(db: Db, caseId: number, clock: Clock): FreshnessView {
  // Prepared once per database (records/prepared.ts): every docket page asks both.
  const row = preparedQuery(db, "freshness.case", () =>
    db
      .select({ watched: cases.watched, timeZone: courts.timeZone })
      .from(cases)
      .leftJoin(courts, eq(courts.id, cases.courtId))
      .where(eq(cases.id, sql.placeholder("caseId")))
      .prepare(),
  ).get({ caseId });
  const fromCourt = preparedQuery(db, "freshness.fromCourt", () =>
    db
      .select({ id: docketEntries.id })
      .from(docketEntries)
      .where(and(eq(docketEntries.caseId, sql.placeholder("caseId")), inArray(docketEntries.source, ["pacer_docket", "nef", "rss"])))
      .limit(1)
      .prepare(),
  ).get({ caseId });
  return toFreshnessView({
    row: createFreshnessRepository(db).freshness(caseId),
    watched: row?.watched ?? false,
    hasCourtRecord: fromCourt !== undefined,
    timeZone: row?.timeZone ?? "America/Los_Angeles",
    now: clock.now(),
  });
}

/**
 * The key of a stored page or answer that shows the freshness. Imports write records, which
 * drop the case's stored pages anyway; an RSS poll that finds nothing new writes no record but
 * moves the last check, and a relative "12 minutes ago" moves with the clock: only then does the
 * key carry more than the URL.
 */
export function freshnessKey(url: string, f: FreshnessView, wording: "relative" | "absolute"): string {
  if (!f.lastRssCheckAt) return url;
  return `${url}\u0000${wording === "relative" ? f.text : f.lastRssCheckAt}`;
}
