import { sqliteTable, text, integer, primaryKey, uniqueIndex, index } from "drizzle-orm/sqlite-core";
import { cases } from "./cases";
import { imports } from "./imports";
import { courts } from "./reference";

/**
 * What keeps the record current without a person: each court's RSS feed as last polled, the
 * feed items already merged, every NEF e-mail read from the clinic's mailbox, the mailbox's
 * settings, and how fresh each case's docket is. Operational state, not records: none of it
 * has revisions, and none of it is public except the freshness dates.
 */

/** One court's feed: where it is, how often to ask, and what the court said last time. */
export const courtFeeds = sqliteTable("court_feeds", {
  courtId: text("court_id")
    .primaryKey()
    .references(() => courts.id, { onDelete: "cascade" }),
  // Null: the CM/ECF address pattern (server/court-feeds/feed-url.ts).
  feedUrl: text("feed_url"),
  // Null: the default (15); never below the floor (10).
  intervalMinutes: integer("interval_minutes"),
  // The validators of the last feed read, sent back for a conditional GET.
  etag: text("etag"),
  lastModified: text("last_modified"),
  lastFetchedAt: text("last_fetched_at"),
  // What the court answered last: 200, 304, 429…; null before the first poll or when it did not answer.
  lastHttpStatus: integer("last_http_status"),
  // Items in the last feed read, and how many of them belonged to no watched case.
  lastItemCount: integer("last_item_count"),
  lastDroppedCount: integer("last_dropped_count"),
  updatedAt: text("updated_at").notNull(),
});

/** Feed items of watched cases already merged, so a feed that still lists them does not import them again. */
export const feedItemsSeen = sqliteTable(
  "feed_items_seen",
  {
    courtId: text("court_id")
      .notNull()
      .references(() => courts.id, { onDelete: "cascade" }),
    // sha256 of the item's docket number, doc id, time and short description.
    itemKey: text("item_key").notNull(),
    caseId: integer("case_id").references(() => cases.id, { onDelete: "cascade" }),
    publishedAt: text("published_at"),
    seenAt: text("seen_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.courtId, t.itemKey] })],
);

/** How current a case's docket is: the last check and the last arrival by each way in. */
export const caseFreshness = sqliteTable("case_freshness", {
  caseId: integer("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  // The last successful poll of the court's feed while the case was watched (a 304 counts).
  lastRssCheckAt: text("last_rss_check_at"),
  // The publication time of the newest feed item for this case.
  lastRssItemAt: text("last_rss_item_at"),
  // When a docket report was last imported for the case, and the day it showed the docket as of.
  lastDocketReportAt: text("last_docket_report_at"),
  lastDocketReportDate: text("last_docket_report_date"),
  // When a Notice of Electronic Filing for the case was last imported (upload or mailbox).
  lastNefAt: text("last_nef_at"),
});

export const NEF_MESSAGE_OUTCOMES = ["imported", "review", "dismissed"] as const;

/**
 * Every e-mail read from the NEF mailbox. The Message-ID and the SHA-256 of the bytes are each
 * unique, so a message moved back into the folder (or delivered twice) is recognised and never
 * imported again.
 */
export const nefMessages = sqliteTable(
  "nef_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // The Message-ID header without angle brackets; null when the message has none.
    messageId: text("message_id"),
    sha256: text("sha256").notNull(),
    folder: text("folder").notNull(),
    uid: integer("uid"),
    // Subject, sender and Date header as the message gives them, for the review list.
    subject: text("subject"),
    sender: text("sender"),
    sentAt: text("sent_at"),
    processedAt: text("processed_at").notNull(),
    // imported: merged into the record; review: not a notice the parser reads (reason says why); dismissed: staff looked at it.
    outcome: text("outcome", { enum: NEF_MESSAGE_OUTCOMES }).notNull(),
    reason: text("reason"),
    importId: integer("import_id").references(() => imports.id, { onDelete: "set null" }),
    // The stored copy (DATA_DIR/files/…), so staff can download a message under review.
    storedSha256: text("stored_sha256"),
  },
  (t) => [uniqueIndex("nef_messages_sha256_unique").on(t.sha256), index("nef_messages_message_id_idx").on(t.messageId)],
);

export const MAILBOX_TLS_MODES = ["tls", "starttls", "none"] as const;

/** The NEF mailbox as set on the staff settings page (one row, id 1); the environment wins when it names a host. */
export const mailboxSettings = sqliteTable("mailbox_settings", {
  id: integer("id").primaryKey(),
  host: text("host").notNull(),
  port: integer("port").notNull(),
  tls: text("tls", { enum: MAILBOX_TLS_MODES }).notNull(),
  username: text("username").notNull(),
  // The password or app token, encrypted with the key in DATA_DIR/mailbox.key: a copy of the database alone does not reveal it.
  secretEncrypted: text("secret_encrypted").notNull(),
  folder: text("folder").notNull().default("INBOX"),
  // Where processed messages are moved; null: they stay and are flagged \Seen.
  processedFolder: text("processed_folder"),
  intervalMinutes: integer("interval_minutes").notNull().default(5),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  updatedAt: text("updated_at").notNull(),
  updatedBy: text("updated_by").notNull(),
});
