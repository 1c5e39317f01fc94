import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { cases, courtFeeds, courts, feedItemsSeen } from "../../db/schema";

export type CourtFeedRow = typeof courtFeeds.$inferSelect;

/**
 * What the court RSS polls keep: which cases are watched, each court's feed (address, interval,
 * validators, last status) and the feed items already merged. Synchronous; the poll calls it
 * inside the transaction of its merge.
 */
export function createCourtFeedsRepository(db: Db) {
  return {
    /** Watched cases that the feed can match: live, with a court and a docket number. */
    watchedCases(courtId?: string) {
      const conditions = [
        eq(cases.watched, true),
        sql`${cases.deletedAt} IS NULL`,
        isNotNull(cases.courtId),
        isNotNull(cases.docketNumber),
      ];
      if (courtId) conditions.push(eq(cases.courtId, courtId));
      return db
        .select()
        .from(cases)
        .where(and(...conditions))
        .orderBy(asc(cases.courtId), asc(cases.id))
        .all();
    },

    /** Live cases that could be watched (a court and a docket number) and are not. */
    watchableCases() {
      return db
        .select()
        .from(cases)
        .where(and(eq(cases.watched, false), sql`${cases.deletedAt} IS NULL`, isNotNull(cases.courtId), isNotNull(cases.docketNumber)))
        .orderBy(asc(cases.courtId), asc(cases.docketNumber))
        .all();
    },

    /** Courts with at least one watched case: each gets a poll job. */
    watchedCourts(): string[] {
      return [...new Set(this.watchedCases().map((c) => c.courtId!))];
    },

    court(id: string) {
      return db.select().from(courts).where(eq(courts.id, id)).get();
    },

    feed(courtId: string): CourtFeedRow | undefined {
      return db.select().from(courtFeeds).where(eq(courtFeeds.courtId, courtId)).get();
    },

    feeds(): CourtFeedRow[] {
      return db.select().from(courtFeeds).orderBy(asc(courtFeeds.courtId)).all();
    },

    /** Creates or changes a court's feed row; only the fields given change. */
    saveFeed(courtId: string, values: Partial<Omit<CourtFeedRow, "courtId" | "updatedAt">>, now: string): void {
      db.insert(courtFeeds)
        .values({ courtId, ...values, updatedAt: now })
        .onConflictDoUpdate({ target: courtFeeds.courtId, set: { ...values, updatedAt: now } })
        .run();
    },

    seenKeys(courtId: string, keys: string[]): Set<string> {
      if (keys.length === 0) return new Set();
      const found = new Set<string>();
      // SQLite allows a few hundred bound values per statement comfortably; feeds hold a few hundred items.
      for (let i = 0; i < keys.length; i += 400) {
        const rows = db
          .select({ key: feedItemsSeen.itemKey })
          .from(feedItemsSeen)
          .where(and(eq(feedItemsSeen.courtId, courtId), inArray(feedItemsSeen.itemKey, keys.slice(i, i + 400))))
          .all();
        for (const r of rows) found.add(r.key);
      }
      return found;
    },

    markSeen(courtId: string, items: { key: string; caseId: number; publishedAt: string | null }[], now: string): void {
      for (const item of items) {
        db.insert(feedItemsSeen)
          .values({ courtId, itemKey: item.key, caseId: item.caseId, publishedAt: item.publishedAt, seenAt: now })
          .onConflictDoNothing()
          .run();
      }
    },

    /** Forgets items older than the feeds keep them (a few days): the table stays small. */
    forgetSeenBefore(before: string): void {
      db.delete(feedItemsSeen)
        .where(sql`${feedItemsSeen.seenAt} < ${before}`)
        .run();
    },
  };
}

export type CourtFeedsRepository = ReturnType<typeof createCourtFeedsRepository>;
