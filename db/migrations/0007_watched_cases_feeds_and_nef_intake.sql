CREATE TABLE `case_freshness` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`last_rss_check_at` text,
	`last_rss_item_at` text,
	`last_docket_report_at` text,
	`last_docket_report_date` text,
	`last_nef_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `court_feeds` (
	`court_id` text PRIMARY KEY NOT NULL,
	`feed_url` text,
	`interval_minutes` integer,
	`etag` text,
	`last_modified` text,
	`last_fetched_at` text,
	`last_http_status` integer,
	`last_item_count` integer,
	`last_dropped_count` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`court_id`) REFERENCES `courts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `feed_items_seen` (
	`court_id` text NOT NULL,
	`item_key` text NOT NULL,
	`case_id` integer,
	`published_at` text,
	`seen_at` text NOT NULL,
	PRIMARY KEY(`court_id`, `item_key`),
	FOREIGN KEY (`court_id`) REFERENCES `courts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `mailbox_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`host` text NOT NULL,
	`port` integer NOT NULL,
	`tls` text NOT NULL,
	`username` text NOT NULL,
	`secret_encrypted` text NOT NULL,
	`folder` text DEFAULT 'INBOX' NOT NULL,
	`processed_folder` text,
	`interval_minutes` integer DEFAULT 5 NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `nef_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` text,
	`sha256` text NOT NULL,
	`folder` text NOT NULL,
	`uid` integer,
	`subject` text,
	`sender` text,
	`sent_at` text,
	`processed_at` text NOT NULL,
	`outcome` text NOT NULL,
	`reason` text,
	`import_id` integer,
	`stored_sha256` text,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nef_messages_sha256_unique` ON `nef_messages` (`sha256`);--> statement-breakpoint
CREATE INDEX `nef_messages_message_id_idx` ON `nef_messages` (`message_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `watched` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Freshness of the cases already imported: the last docket report and notice each import recorded.
INSERT INTO `case_freshness` (`case_id`, `last_docket_report_at`, `last_nef_at`)
SELECT CAST(r.`record_id` AS INTEGER), MAX(CASE WHEN i.`kind` = 'docket' THEN i.`created_at` END), MAX(CASE WHEN i.`kind` = 'nef' THEN i.`created_at` END)
FROM `import_records` r JOIN `imports` i ON i.`id` = r.`import_id`
WHERE r.`record_type` = 'case' AND CAST(r.`record_id` AS INTEGER) IN (SELECT `id` FROM `cases`)
GROUP BY r.`record_id`
HAVING MAX(CASE WHEN i.`kind` IN ('docket', 'nef') THEN 1 END) = 1;
