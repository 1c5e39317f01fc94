import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { caseFreshness, cases, courtFeeds, courts, feedItemsSeen, mailboxSettings, nefMessages } from "../../db/schema";

export type CourtFeedRow = typeof courtFeeds.$inferSelect;
export type FreshnessRow = typeof caseFreshness.$inferSelect;
export type NefMessageRow = typeof nefMessages.$inferSelect;
export type MailboxSettingsRow = typeof mailboxSettings.$inferSelect;

/**
 * The operational state that keeps dockets current: watched cases, court feeds, feed items
 * already merged, freshness per case, the NEF mailbox and its messages. Synchronous; the RSS
 * poll and the NEF intake call it inside the transaction of their merge.
 */
export function createWatchingRepository(db: Db) {
  return {
    /** Watched cases that the feed can match: live, with a court and a docket number. */
    watchedCases(courtId?: string) {
      const conditions = [eq(cases.watched, true), sql`${cases.deletedAt} IS NULL`, isNotNull(cases.courtId), isNotNull(cases.docketNumber)];
      if (courtId) conditions.push(eq(cases.courtId, courtId));
      return db.select().from(cases).where(and(...conditions)).orderBy(asc(cases.courtId), asc(cases.id)).all();
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
      db.delete(feedItemsSeen).where(sql`${feedItemsSeen.seenAt} < ${before}`).run();
    },

    freshness(caseId: number): FreshnessRow | undefined {
      return db.select().from(caseFreshness).where(eq(caseFreshness.caseId, caseId)).get();
    },

    freshnessOf(caseIds: number[]): Map<number, FreshnessRow> {
      if (caseIds.length === 0) return new Map();
      return new Map(db.select().from(caseFreshness).where(inArray(caseFreshness.caseId, caseIds)).all().map((r) => [r.caseId, r]));
    },

    /** Moves the given freshness dates forward; a date never goes back (an older import arriving late). */
    touchFreshness(caseId: number, values: Partial<Omit<FreshnessRow, "caseId">>): void {
      const current = this.freshness(caseId);
      const next: Partial<FreshnessRow> = {};
      for (const [key, value] of Object.entries(values) as [keyof FreshnessRow, string | null][]) {
        if (value === null || value === undefined) continue;
        const was = current?.[key] as string | null | undefined;
        if (!was || value > was) (next as Record<string, string>)[key] = value;
      }
      if (Object.keys(next).length === 0) return;
      db.insert(caseFreshness).values({ caseId, ...next }).onConflictDoUpdate({ target: caseFreshness.caseId, set: next }).run();
    },

    nefMessageByHash(sha256: string): NefMessageRow | undefined {
      return db.select().from(nefMessages).where(eq(nefMessages.sha256, sha256)).get();
    },

    nefMessagesById(messageId: string): NefMessageRow[] {
      return db.select().from(nefMessages).where(eq(nefMessages.messageId, messageId)).all();
    },

    nefMessage(id: number): NefMessageRow | undefined {
      return db.select().from(nefMessages).where(eq(nefMessages.id, id)).get();
    },

    insertNefMessage(values: typeof nefMessages.$inferInsert): NefMessageRow {
      return db.insert(nefMessages).values(values).returning().get();
    },

    nefMessages(outcome?: NefMessageRow["outcome"], limit = 200): NefMessageRow[] {
      const query = db.select().from(nefMessages);
      return (outcome ? query.where(eq(nefMessages.outcome, outcome)) : query).orderBy(desc(nefMessages.id)).limit(limit).all();
    },

    dismissNefMessage(id: number): boolean {
      return db.update(nefMessages).set({ outcome: "dismissed" }).where(and(eq(nefMessages.id, id), eq(nefMessages.outcome, "review"))).run().changes === 1;
    },

    mailboxSettings(): MailboxSettingsRow | undefined {
      return db.select().from(mailboxSettings).where(eq(mailboxSettings.id, 1)).get();
    },

    saveMailboxSettings(values: Omit<MailboxSettingsRow, "id">): void {
      db.insert(mailboxSettings).values({ id: 1, ...values }).onConflictDoUpdate({ target: mailboxSettings.id, set: values }).run();
    },

    deleteMailboxSettings(): void {
      db.delete(mailboxSettings).where(eq(mailboxSettings.id, 1)).run();
    },
  };
}

export type WatchingRepository = ReturnType<typeof createWatchingRepository>;
