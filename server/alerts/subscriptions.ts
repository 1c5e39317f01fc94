import { randomBytes } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import type { AlertEventKind, AlertFrequency, SubscriptionTarget } from "../../db/schema";
import type { AlertEntryKind } from "./entry-kinds";
import { rememberStatuses } from "./outbox";
import { anyRecipients } from "./recipients";

/*
 * Subscribers, their subscriptions and webhooks: every change here is one transaction. The
 * first live subscription or webhook makes the outbox remember every current status line, so
 * the next change of one is an event.
 */

const token = () => randomBytes(24).toString("base64url");

export type NewSubscription = {
  email: string;
  target: SubscriptionTarget;
  targetId: number | null;
  query: string | null;
  frequency: AlertFrequency;
  excludedKinds: AlertEntryKind[];
  note: string | null;
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function createSubscriptionsRepository(db: Db, now: () => string) {
  // While nobody follows anything the outbox compares no statuses; the first recipient starts from today's lines.
  function ensureStatusBaseline() {
    if (!anyRecipients(db)) rememberStatuses(db, now());
  }

  return {
    /** Adds an unconfirmed subscription (and the subscriber, the first time); returns what the confirmation message needs. */
    subscribe(input: NewSubscription) {
      return db.transaction(() => {
        const email = normaliseEmail(input.email);
        let subscriber = db.select().from(s.subscribers).where(eq(s.subscribers.email, email)).get();
        subscriber ??= db.insert(s.subscribers).values({ email, token: token(), createdAt: now() }).returning().get();
        const subscription = db
          .insert(s.subscriptions)
          .values({
            subscriberId: subscriber.id,
            target: input.target,
            targetId: input.targetId,
            query: input.query,
            frequency: input.frequency,
            excludedKinds: JSON.stringify(input.excludedKinds),
            note: input.note,
            confirmToken: token(),
            createdAt: now(),
          })
          .returning()
          .get();
        return { subscriber, subscription };
      });
    },

    /** Confirms the subscription the link names; undefined when no subscription has that token. */
    confirm(confirmToken: string) {
      return db.transaction(() => {
        const subscription = db.select().from(s.subscriptions).where(eq(s.subscriptions.confirmToken, confirmToken)).get();
        if (!subscription) return undefined;
        const subscriber = db.select().from(s.subscribers).where(eq(s.subscribers.id, subscription.subscriberId)).get()!;
        if (!subscription.confirmedAt && !subscription.cancelledAt) {
          ensureStatusBaseline();
          db.update(s.subscriptions).set({ confirmedAt: now() }).where(eq(s.subscriptions.id, subscription.id)).run();
          if (!subscriber.confirmedAt)
            db.update(s.subscribers).set({ confirmedAt: now() }).where(eq(s.subscribers.id, subscriber.id)).run();
        }
        return { subscriber, subscription: db.select().from(s.subscriptions).where(eq(s.subscriptions.id, subscription.id)).get()! };
      });
    },

    subscriptionByConfirmToken(confirmToken: string) {
      return db.select().from(s.subscriptions).where(eq(s.subscriptions.confirmToken, confirmToken)).get();
    },

    subscriberByToken(subscriberToken: string) {
      return db.select().from(s.subscribers).where(eq(s.subscribers.token, subscriberToken)).get();
    },

    subscriptionsOf(subscriberId: number) {
      return db.select().from(s.subscriptions).where(eq(s.subscriptions.subscriberId, subscriberId)).orderBy(asc(s.subscriptions.id)).all();
    },

    /** Cancels one subscription of the subscriber; its queued deliveries are not sent. False when it is not theirs. */
    cancel(subscriberId: number, subscriptionId: number): boolean {
      return db.transaction(() => {
        const changed = db
          .update(s.subscriptions)
          .set({ cancelledAt: now() })
          .where(
            and(
              eq(s.subscriptions.id, subscriptionId),
              eq(s.subscriptions.subscriberId, subscriberId),
              isNull(s.subscriptions.cancelledAt),
            ),
          )
          .run().changes;
        const owned = db
          .select({ id: s.subscriptions.id })
          .from(s.subscriptions)
          .where(and(eq(s.subscriptions.id, subscriptionId), eq(s.subscriptions.subscriberId, subscriberId)))
          .get();
        if (changed) {
          db.update(s.deliveries)
            .set({ status: "cancelled", lastError: "the subscription was cancelled" })
            .where(and(eq(s.deliveries.subscriptionId, subscriptionId), eq(s.deliveries.status, "pending")))
            .run();
        }
        return owned !== undefined;
      });
    },

    cancelAll(subscriberId: number): number {
      const live = db
        .select({ id: s.subscriptions.id })
        .from(s.subscriptions)
        .where(and(eq(s.subscriptions.subscriberId, subscriberId), isNull(s.subscriptions.cancelledAt)))
        .all();
      for (const sub of live) this.cancel(subscriberId, sub.id);
      return live.length;
    },

    /** Registers a webhook; the secret is returned this once, for staff to copy into the receiver. */
    addWebhook(input: { url: string; label: string; events: AlertEventKind[]; createdBy: string }) {
      return db.transaction(() => {
        ensureStatusBaseline();
        const secret = `whsec_${randomBytes(32).toString("base64url")}`;
        const row = db
          .insert(s.webhooks)
          .values({
            url: input.url,
            label: input.label,
            events: JSON.stringify(input.events),
            secret,
            createdAt: now(),
            createdBy: input.createdBy,
          })
          .returning()
          .get();
        return { webhook: row, secret };
      });
    },

    webhooks() {
      return db.select().from(s.webhooks).orderBy(asc(s.webhooks.id)).all();
    },

    setWebhookDisabled(id: number, disabled: boolean, reason: string | null): boolean {
      return (
        db
          .update(s.webhooks)
          .set(disabled ? { disabledAt: now(), disabledReason: reason } : { disabledAt: null, disabledReason: null, failuresInRow: 0 })
          .where(eq(s.webhooks.id, id))
          .run().changes === 1
      );
    },
  };
}

export type SubscriptionsRepository = ReturnType<typeof createSubscriptionsRepository>;
