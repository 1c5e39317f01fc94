import { randomBytes } from "node:crypto";
import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "../../db/client";
import * as s from "../../db/schema";
import { paths } from "../paths";
import type { Clock } from "../shared/clock";
import { retryDelayMs, shouldGiveUp } from "./backoff";
import { contentOf, type AlertContent } from "./content";
import { alertMail } from "./mail";
import { MailError, type Mailer } from "./mailer";
import { subscriptionWhat } from "./describe";
import { EVENT_HEADER, IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signatureHeader } from "./signing";

/*
 * The delivery worker: sends what the outbox queued. It runs as the "alert-deliveries" job on
 * the durable runner (server/jobs), so one process at a time sends; each delivery is also
 * claimed with its own lease before it is sent and marked sent in one statement after, so a
 * process killed mid-queue leaves every other delivery as it was, and the one in flight is
 * sent again later under the same idempotency key (a receiver drops the repeat).
 */

export type WorkerOptions = {
  db: Db;
  clock: Clock;
  publicUrl: string;
  /** Null when SMTP is not configured: e-mail deliveries wait (and none are made, since subscribing is refused). */
  mailer: Mailer | null;
  fetch?: typeof fetch;
  owner?: string;
  log?: { info: (msg: string) => void; warn: (msg: string) => void };
  /** How long a claimed delivery stays ours (default 2 min). */
  leaseMs?: number;
  webhookTimeoutMs?: number;
};

export type WorkerRun = { sent: number; retried: number; failed: number; dropped: number; postponed: number };

/** Webhook deliveries that fail for good in a row before the webhook is disabled. */
export const DISABLE_AFTER_FAILED_DELIVERIES = 3;
const HELD_RETRY_MS = 60 * 60 * 1000;
const HELD_GIVE_UP_MS = 7 * 24 * 60 * 60 * 1000;
const BATCH = 200;

type Delivery = typeof s.deliveries.$inferSelect;

export function createDeliveryWorker(options: WorkerOptions) {
  const { db, clock } = options;
  const owner = options.owner ?? `alerts:${process.pid}:${randomBytes(4).toString("hex")}`;
  const leaseMs = options.leaseMs ?? 2 * 60 * 1000;
  const doFetch = options.fetch ?? fetch;
  const later = (ms: number) => new Date(new Date(clock.now()).getTime() + ms).toISOString();

  function due(): Delivery[] {
    const now = clock.now();
    return db
      .select({ d: s.deliveries })
      .from(s.deliveries)
      .leftJoin(s.webhooks, eq(s.webhooks.id, s.deliveries.webhookId))
      .where(
        and(
          eq(s.deliveries.status, "pending"),
          lte(s.deliveries.nextAttemptAt, now),
          or(isNull(s.deliveries.leaseExpiresAt), lte(s.deliveries.leaseExpiresAt, now)),
          // A disabled webhook's deliveries wait for staff to enable it again.
          or(isNull(s.deliveries.webhookId), isNull(s.webhooks.disabledAt)),
        ),
      )
      .orderBy(asc(s.deliveries.id))
      .limit(BATCH)
      .all()
      .map((r) => r.d);
  }

  /** Takes the lease of every row given, or of none (another worker got there first). */
  function claim(ids: number[]): boolean {
    const now = clock.now();
    return db.transaction(() => {
      const changed = db
        .update(s.deliveries)
        .set({ leaseOwner: owner, leaseExpiresAt: later(leaseMs) })
        .where(
          and(
            inArray(s.deliveries.id, ids),
            eq(s.deliveries.status, "pending"),
            or(isNull(s.deliveries.leaseExpiresAt), lte(s.deliveries.leaseExpiresAt, now)),
          ),
        )
        .run().changes;
      if (changed !== ids.length) {
        db.update(s.deliveries)
          .set({ leaseOwner: null, leaseExpiresAt: null })
          .where(and(inArray(s.deliveries.id, ids), eq(s.deliveries.leaseOwner, owner)))
          .run();
        return false;
      }
      return true;
    });
  }

  function settle(
    ids: number[],
    values: Partial<typeof s.deliveries.$inferInsert>,
    attempt?: { ok: boolean; httpStatus?: number | null; message: string | null; durationMs: number },
  ) {
    db.transaction(() => {
      db.update(s.deliveries)
        .set({ ...values, leaseOwner: null, leaseExpiresAt: null })
        .where(and(inArray(s.deliveries.id, ids), eq(s.deliveries.leaseOwner, owner)))
        .run();
      if (attempt) {
        const at = clock.now();
        db.insert(s.deliveryAttempts)
          .values(
            ids.map((deliveryId) => ({
              deliveryId,
              at,
              ok: attempt.ok,
              httpStatus: attempt.httpStatus ?? null,
              message: attempt.message,
              durationMs: attempt.durationMs,
            })),
          )
          .run();
      }
    });
  }

  function eventOf(id: number) {
    return db.select().from(s.alertEvents).where(eq(s.alertEvents.id, id)).get();
  }

  /** Decides each delivery's content; returns those to send, having settled the rest. */
  function contents(rows: Delivery[], tally: WorkerRun): { row: Delivery; content: AlertContent }[] {
    const out: { row: Delivery; content: AlertContent }[] = [];
    for (const row of rows) {
      const event = eventOf(row.eventId);
      const decision = event ? contentOf(db, event, options.publicUrl) : ({ action: "drop", reason: "the event is gone" } as const);
      if (decision.action === "send") out.push({ row, content: decision.content });
      else if (decision.action === "drop" || new Date(clock.now()).getTime() - new Date(row.createdAt).getTime() > HELD_GIVE_UP_MS) {
        settle([row.id], { status: "dropped", lastError: `not sent: ${decision.reason}` });
        tally.dropped++;
      } else {
        settle([row.id], { nextAttemptAt: later(HELD_RETRY_MS), lastError: `waiting: ${decision.reason}` });
        tally.postponed++;
      }
    }
    return out;
  }

  async function sendEmail(rows: Delivery[], tally: WorkerRun, signal?: AbortSignal): Promise<void> {
    const subscription = db.select().from(s.subscriptions).where(eq(s.subscriptions.id, rows[0]!.subscriptionId!)).get();
    const subscriber = subscription && db.select().from(s.subscribers).where(eq(s.subscribers.id, subscription.subscriberId)).get();
    if (!subscription || !subscriber || subscription.cancelledAt) {
      settle(
        rows.map((r) => r.id),
        { status: "cancelled", lastError: "the subscription was cancelled" },
      );
      return;
    }
    if (!options.mailer) {
      settle(
        rows.map((r) => r.id),
        { nextAttemptAt: later(HELD_RETRY_MS), lastError: "waiting: SMTP is not configured" },
      );
      tally.postponed += rows.length;
      return;
    }
    const ready = contents(rows, tally);
    if (ready.length === 0) return;
    const ids = ready.map((r) => r.row.id);
    const digest = rows[0]!.digest;
    const mail = alertMail(
      ready.map((r) => r.content),
      {
        what: subscriptionWhat(db, subscription),
        note: subscription.note,
        digest,
        manageUrl: `${options.publicUrl}${paths.alertsManage(subscriber.token)}`,
        unsubscribeUrl: `${options.publicUrl}${paths.alertsUnsubscribe(subscriber.token, subscription.id)}`,
      },
    );
    const started = Date.now();
    signal?.throwIfAborted();
    try {
      const reply = await options.mailer.send(subscriber.email, mail);
      settle(
        ids,
        { status: "sent", sentAt: clock.now(), attempts: ready[0]!.row.attempts + 1, lastError: null },
        { ok: true, message: reply.response.slice(0, 200), durationMs: Date.now() - started },
      );
      tally.sent += ids.length;
    } catch (error) {
      const message = error instanceof MailError ? error.message : "SMTP: the message could not be sent";
      const permanent = error instanceof MailError && error.responseCode !== null && error.responseCode >= 500;
      failed(
        ready.map((r) => r.row),
        message,
        permanent,
        null,
        Date.now() - started,
        tally,
      );
    }
  }

  function failed(rows: Delivery[], message: string, permanent: boolean, httpStatus: number | null, durationMs: number, tally: WorkerRun) {
    const row = rows[0]!;
    const attempts = row.attempts + 1;
    const giveUp = permanent || shouldGiveUp(attempts, row.createdAt, clock.now());
    const ids = rows.map((r) => r.id);
    if (giveUp) {
      settle(ids, { status: "failed", attempts, lastError: message }, { ok: false, httpStatus, message, durationMs });
      tally.failed += ids.length;
      if (row.webhookId !== null) webhookFailedForGood(row.webhookId, message);
    } else {
      settle(
        ids,
        { attempts, nextAttemptAt: later(retryDelayMs(attempts)), lastError: message },
        { ok: false, httpStatus, message, durationMs },
      );
      tally.retried += ids.length;
    }
  }

  function webhookFailedForGood(webhookId: number, message: string) {
    const hook = db.select().from(s.webhooks).where(eq(s.webhooks.id, webhookId)).get();
    if (!hook || hook.disabledAt) return;
    const failures = hook.failuresInRow + 1;
    const disable = failures >= DISABLE_AFTER_FAILED_DELIVERIES;
    db.update(s.webhooks)
      .set({
        failuresInRow: failures,
        ...(disable
          ? {
              disabledAt: clock.now(),
              disabledReason: `Disabled after ${failures} deliveries in a row failed for more than a day each (last: ${message}).`,
            }
          : {}),
      })
      .where(eq(s.webhooks.id, webhookId))
      .run();
    if (disable) options.log?.warn(`webhook ${webhookId} disabled after ${failures} deliveries failed for good`);
  }

  async function sendWebhook(row: Delivery, tally: WorkerRun, signal?: AbortSignal): Promise<void> {
    const hook = db.select().from(s.webhooks).where(eq(s.webhooks.id, row.webhookId!)).get();
    if (!hook) {
      settle([row.id], { status: "cancelled", lastError: "the webhook was removed" });
      return;
    }
    const [ready] = contents([row], tally);
    if (!ready) return;
    const event = eventOf(row.eventId)!;
    const body = JSON.stringify(webhookPayload(row, event, ready.content));
    const timestamp = Math.floor(new Date(clock.now()).getTime() / 1000);
    const started = Date.now();
    const timeout = AbortSignal.timeout(options.webhookTimeoutMs ?? 10_000);
    try {
      const response = await doFetch(hook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Quash-Webhooks/1",
          [IDEMPOTENCY_HEADER]: row.idempotencyKey,
          [EVENT_HEADER]: event.kind,
          [SIGNATURE_HEADER]: signatureHeader(hook.secret, timestamp, body),
        },
        body,
        redirect: "manual",
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) {
        settle(
          [row.id],
          { status: "sent", sentAt: clock.now(), attempts: row.attempts + 1, lastError: null },
          { ok: true, httpStatus: response.status, message: null, durationMs: Date.now() - started },
        );
        db.update(s.webhooks).set({ failuresInRow: 0 }).where(eq(s.webhooks.id, hook.id)).run();
        tally.sent++;
      } else {
        failed([row], `HTTP ${response.status}`, false, response.status, Date.now() - started, tally);
      }
    } catch (error) {
      // Stopped mid-send: leave the row to its lease, so the next worker sends it again under the same key.
      if (signal?.aborted) return;
      const message = timeout.aborted ? "no answer within the timeout" : networkWords(error);
      failed([row], message, false, null, Date.now() - started, tally);
    }
  }

  /**
   * Sends every due delivery once (a digest subscription's due rows as one message). Stops
   * between deliveries when `signal` aborts; the one in flight is left to its lease.
   */
  async function runOnce(signal?: AbortSignal): Promise<WorkerRun> {
    const tally: WorkerRun = { sent: 0, retried: 0, failed: 0, dropped: 0, postponed: 0 };
    const rows = due();
    const groups: Delivery[][] = [];
    const digests = new Map<number, Delivery[]>();
    for (const row of rows) {
      if (row.channel === "email" && row.digest) {
        const list = digests.get(row.subscriptionId!) ?? [];
        if (list.length === 0) groups.push(list);
        list.push(row);
        digests.set(row.subscriptionId!, list);
      } else groups.push([row]);
    }
    for (const group of groups) {
      if (signal?.aborted) break;
      if (!claim(group.map((r) => r.id))) continue;
      if (group[0]!.channel === "webhook") await sendWebhook(group[0]!, tally, signal);
      else await sendEmail(group, tally, signal);
    }
    return tally;
  }

  return { owner, runOnce };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;

/** The JSON a webhook receives (server/alerts/README.md). */
export function webhookPayload(row: Delivery, event: typeof s.alertEvents.$inferSelect, content: AlertContent) {
  return {
    id: row.idempotencyKey,
    event: event.kind,
    occurredAt: event.occurredAt,
    subject: content.subject,
    text: content.text,
    url: content.url,
    date: content.dateText,
    record: content.record,
    case: content.case,
    subpoena: content.subpoena,
    ...(content.status ? { status: content.status } : {}),
  };
}

function networkWords(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  if (cause?.code === "ECONNREFUSED") return "connection refused";
  if (cause?.code === "ENOTFOUND") return "host not found";
  if (cause?.code === "ECONNRESET") return "connection reset";
  return "the request failed";
}
