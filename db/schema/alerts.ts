import { sqliteTable, text, integer, uniqueIndex, index, primaryKey } from "drizzle-orm/sqlite-core";

/*
 * Alerts (server/alerts/README.md): who follows what, and the outbox of what happened. Nothing
 * in these tables is public: a subscriber's address, note and token, and a webhook's secret,
 * never reach a page, feed, export, API answer, log line or error message.
 */

/** What a notification is about; also the events a webhook may ask for. */
export const ALERT_EVENT_KINDS = ["entry", "order", "status", "hearing", "deadline"] as const;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

export const SUBSCRIPTION_TARGETS = ["case", "subpoena", "query", "all"] as const;
export type SubscriptionTarget = (typeof SUBSCRIPTION_TARGETS)[number];

export const ALERT_FREQUENCIES = ["immediate", "daily"] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

/** An e-mail address that asked for alerts. `token` is the capability in every message's links. */
export const subscribers = sqliteTable(
  "subscribers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Stored lower-cased and trimmed, so one address is one subscriber.
    email: text("email").notNull(),
    // Random, URL-safe; the manage and unsubscribe links carry it. Private like the address.
    token: text("token").notNull(),
    // When the address first confirmed a subscription (double opt-in); null until then.
    confirmedAt: text("confirmed_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("subscribers_email_unique").on(t.email), uniqueIndex("subscribers_token_unique").on(t.token)],
);

/**
 * One thing a subscriber follows. It sends nothing until confirmed through the link mailed
 * to the address (its own confirm token, so nobody can add a subscription to another's
 * confirmed address), and nothing after it is cancelled.
 */
export const subscriptions = sqliteTable(
  "subscriptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    subscriberId: integer("subscriber_id")
      .notNull()
      .references(() => subscribers.id, { onDelete: "cascade" }),
    target: text("target", { enum: SUBSCRIPTION_TARGETS }).notNull(),
    // The case's or subpoena's id for those targets; null for a query or everything.
    targetId: integer("target_id"),
    // The saved query's words (a text filter on entries) for target "query".
    query: text("query"),
    frequency: text("frequency", { enum: ALERT_FREQUENCIES }).notNull().default("immediate"),
    // JSON array of alert entry kinds (server/alerts/entry-kinds.ts) the subscriber does not want.
    excludedKinds: text("excluded_kinds").notNull().default("[]"),
    // Why they follow it, in their own words; shown only to them.
    note: text("note"),
    confirmToken: text("confirm_token").notNull(),
    confirmedAt: text("confirmed_at"),
    cancelledAt: text("cancelled_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("subscriptions_subscriber_idx").on(t.subscriberId), uniqueIndex("subscriptions_confirm_token_unique").on(t.confirmToken)],
);

/** An HTTP endpoint staff registered (a newsroom bot), sent signed JSON for the events it asks for. */
export const webhooks = sqliteTable("webhooks", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  url: text("url").notNull(),
  // The HMAC-SHA256 key; shown to staff once, when the webhook is registered.
  secret: text("secret").notNull(),
  // JSON array of ALERT_EVENT_KINDS.
  events: text("events").notNull(),
  label: text("label").notNull(),
  createdAt: text("created_at").notNull(),
  createdBy: text("created_by").notNull(),
  // Set after repeated failure (or by staff), with the reason in words; null while it is live.
  disabledAt: text("disabled_at"),
  disabledReason: text("disabled_reason"),
  // Deliveries that failed for good in a row; a success sets it back to 0.
  failuresInRow: integer("failures_in_row").notNull().default(0),
});

/**
 * The outbox: one row per notifiable event, written in the same transaction as the record
 * write that made it, so an event exists exactly when its write committed. What a message
 * says is read from the public projection when it is sent, never stored here, so a record
 * sealed or held after its event was queued is not sent.
 */
export const alertEvents = sqliteTable(
  "alert_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ALERT_EVENT_KINDS }).notNull(),
    // The record the event is about: entry, order, hearing or deadline; "subpoena" or "case" for a status change.
    recordType: text("record_type").notNull(),
    recordId: integer("record_id").notNull(),
    caseId: integer("case_id"),
    // For a status change: JSON { from: {key,label,line} | null, to: {key,label,line} }, the public status lines.
    detail: text("detail"),
    occurredAt: text("occurred_at").notNull(),
  },
  (t) => [index("alert_events_record_idx").on(t.recordType, t.recordId)],
);

export const DELIVERY_STATUSES = ["pending", "sent", "failed", "dropped", "cancelled"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event for one recipient (a subscription or a webhook), written with the event. The
 * worker claims a row with a lease (so two processes never send it at once and a dead
 * process's claim runs out), sends, and marks it sent; `idempotencyKey` stays the same across
 * retries so a receiver can drop a repeat.
 */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventId: integer("event_id")
      .notNull()
      .references(() => alertEvents.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: ["email", "webhook"] }).notNull(),
    subscriptionId: integer("subscription_id").references(() => subscriptions.id, { onDelete: "cascade" }),
    webhookId: integer("webhook_id").references(() => webhooks.id, { onDelete: "cascade" }),
    // Sent in the subscriber's daily digest rather than on its own.
    digest: integer("digest", { mode: "boolean" }).notNull().default(false),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    idempotencyKey: text("idempotency_key").notNull(),
    attempts: integer("attempts").notNull().default(0),
    // Not sent before this instant (backoff, the digest's hour, a record held for review).
    nextAttemptAt: text("next_attempt_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: text("lease_expires_at"),
    lastError: text("last_error"),
    sentAt: text("sent_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    index("deliveries_due_idx").on(t.status, t.nextAttemptAt),
    uniqueIndex("deliveries_idempotency_unique").on(t.idempotencyKey),
    index("deliveries_event_idx").on(t.eventId),
  ],
);

/** Every try of a delivery: when, how it went, the HTTP status or SMTP reply in words. */
export const deliveryAttempts = sqliteTable(
  "delivery_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    deliveryId: integer("delivery_id")
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    at: text("at").notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    httpStatus: integer("http_status"),
    // Plain words, never a secret or an address: "HTTP 500", "connection refused".
    message: text("message"),
    durationMs: integer("duration_ms").notNull(),
  },
  (t) => [index("delivery_attempts_delivery_idx").on(t.deliveryId)],
);

/**
 * The last status line each subpoena and case was seen with, so a write that changes it
 * makes one status-change event (compared inside the write's transaction).
 */
export const statusSnapshots = sqliteTable(
  "status_snapshots",
  {
    subject: text("subject", { enum: ["subpoena", "case"] }).notNull(),
    subjectId: integer("subject_id").notNull(),
    key: text("key").notNull(),
    label: text("label").notNull(),
    line: text("line").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.subjectId] })],
);
