import { sqliteTable, text, integer } from "drizzle-orm/sqlite-core";

/**
 * One scheduled background job (a court's RSS poll, the NEF mailbox, a backup). The schedule
 * and the lease live here, not in memory, so a restart picks up where the last process stopped
 * and two server processes on one database never run the same job at once.
 */
export const jobs = sqliteTable("jobs", {
  // Stable name the code registers it under: "rss-poll:cand", "nef-intake", "backup".
  name: text("name").primaryKey(),
  // How it recurs, as registered: "every 900s" or a cron pattern ("0 3 * * *").
  schedule: text("schedule").notNull(),
  // When it is next due (ISO instant); a past value means "run as soon as a runner is free".
  nextRunAt: text("next_run_at").notNull(),
  // Which process holds it while it runs ("host:pid:random"), and until when; an expired lease is free.
  leaseOwner: text("lease_owner"),
  leaseExpiresAt: text("lease_expires_at"),
  // Failures in a row since the last success; decides the backoff. 0 after a success.
  attempts: integer("attempts").notNull().default(0),
  lastStartedAt: text("last_started_at"),
  lastFinishedAt: text("last_finished_at"),
  lastSuccessAt: text("last_success_at"),
  // What the last run said, in words for staff ("3 new entries; 41 items of unwatched cases dropped").
  lastResult: text("last_result"),
  // The last failure in plain words, and when; kept after a later success so staff can see it happened.
  lastError: text("last_error"),
  lastErrorAt: text("last_error_at"),
  // Runs started since the row was created (successes and failures).
  runCount: integer("run_count").notNull().default(0),
  createdAt: text("created_at").notNull(),
});
