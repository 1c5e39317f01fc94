import { and, desc, eq, gte, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";

/**
 * Delivery health for the staff page: counts, the oldest delivery still waiting, the last
 * failures in words, and each webhook's state. It names no subscriber: staff see how alerts
 * fare, never who gets them.
 */
export function deliveryHealth(db: Db, now: string) {
  const dayAgo = new Date(new Date(now).getTime() - 24 * 3_600_000).toISOString();
  const counts = db
    .select({ channel: s.deliveries.channel, status: s.deliveries.status, n: sql<number>`count(*)` })
    .from(s.deliveries)
    .groupBy(s.deliveries.channel, s.deliveries.status)
    .all();
  const sentToday = db
    .select({ channel: s.deliveries.channel, n: sql<number>`count(*)` })
    .from(s.deliveries)
    .where(and(eq(s.deliveries.status, "sent"), gte(s.deliveries.sentAt, dayAgo)))
    .groupBy(s.deliveries.channel)
    .all();
  const oldestPending = db
    .select({ createdAt: s.deliveries.createdAt })
    .from(s.deliveries)
    .where(and(eq(s.deliveries.status, "pending"), eq(s.deliveries.digest, false)))
    .orderBy(s.deliveries.createdAt)
    .limit(1)
    .get();
  const recentFailures = db
    .select({
      at: s.deliveryAttempts.at,
      message: s.deliveryAttempts.message,
      httpStatus: s.deliveryAttempts.httpStatus,
      channel: s.deliveries.channel,
      webhookId: s.deliveries.webhookId,
      attempts: s.deliveries.attempts,
      status: s.deliveries.status,
    })
    .from(s.deliveryAttempts)
    .innerJoin(s.deliveries, eq(s.deliveries.id, s.deliveryAttempts.deliveryId))
    .where(eq(s.deliveryAttempts.ok, false))
    .orderBy(desc(s.deliveryAttempts.id))
    .limit(20)
    .all();
  const subscribers = db
    .select({ n: sql<number>`count(*)` })
    .from(s.subscribers)
    .where(isNotNull(s.subscribers.confirmedAt))
    .get()!.n;
  const subscriptions = db
    .select({ target: s.subscriptions.target, frequency: s.subscriptions.frequency, n: sql<number>`count(*)` })
    .from(s.subscriptions)
    .where(and(isNotNull(s.subscriptions.confirmedAt), isNull(s.subscriptions.cancelledAt)))
    .groupBy(s.subscriptions.target, s.subscriptions.frequency)
    .all();
  const unconfirmed = db
    .select({ n: sql<number>`count(*)` })
    .from(s.subscriptions)
    .where(and(isNull(s.subscriptions.confirmedAt), isNull(s.subscriptions.cancelledAt)))
    .get()!.n;
  const webhooks = db.select().from(s.webhooks).orderBy(s.webhooks.id).all();
  const webhookStats = db
    .select({
      webhookId: s.deliveries.webhookId,
      status: s.deliveries.status,
      n: sql<number>`count(*)`,
      lastSent: sql<string | null>`max(${s.deliveries.sentAt})`,
    })
    .from(s.deliveries)
    .where(isNotNull(s.deliveries.webhookId))
    .groupBy(s.deliveries.webhookId, s.deliveries.status)
    .all();
  return {
    counts,
    sentToday,
    oldestPending: oldestPending?.createdAt ?? null,
    recentFailures,
    subscribers,
    subscriptions,
    unconfirmed,
    webhooks,
    webhookStats,
  };
}

export type DeliveryHealth = ReturnType<typeof deliveryHealth>;
