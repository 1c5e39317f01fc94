CREATE TABLE `attorneys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`organization_id` integer,
	`position` text,
	`contact` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attorneys_slug_unique` ON `attorneys` (`slug`);--> statement-breakpoint
CREATE INDEX `attorneys_name_idx` ON `attorneys` (`name`);--> statement-breakpoint
CREATE TABLE `courts` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`time_zone` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE TABLE `judges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`title` text NOT NULL,
	`court_id` text,
	`initials` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`court_id`) REFERENCES `courts`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `judges_slug_unique` ON `judges` (`slug`);--> statement-breakpoint
CREATE TABLE `organizations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text,
	`kind` text NOT NULL,
	`parent_id` integer,
	`url` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`parent_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organizations_slug_unique` ON `organizations` (`slug`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`position` text,
	`organization_id` integer,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_slug_unique` ON `people` (`slug`);--> statement-breakpoint
CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`platform_id` integer,
	`handle` text,
	`display_name` text,
	`description` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`platform_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_slug_unique` ON `accounts` (`slug`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`account_id` integer,
	`subpoena_id` integer NOT NULL,
	`platform_id` integer,
	`date_notified` text,
	`date_notified_precision` text,
	`response_window_stated` text,
	`response_window_days` integer,
	`response_date_stated` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subpoena_id`) REFERENCES `subpoenas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`platform_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `notices_subpoena_idx` ON `notices` (`subpoena_id`);--> statement-breakpoint
CREATE TABLE `subpoena_accounts` (
	`subpoena_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	`note` text,
	PRIMARY KEY(`subpoena_id`, `account_id`),
	FOREIGN KEY (`subpoena_id`) REFERENCES `subpoenas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `subpoena_demands` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subpoena_id` integer NOT NULL,
	`position` integer NOT NULL,
	`item` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`subpoena_id`) REFERENCES `subpoenas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `subpoena_demands_subpoena_idx` ON `subpoena_demands` (`subpoena_id`);--> statement-breakpoint
CREATE TABLE `subpoenas` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`issuer_id` integer,
	`issuing_component` text,
	`recipient_id` integer,
	`authority_cited` text,
	`date_issued` text,
	`date_issued_latest` text,
	`date_issued_precision` text,
	`date_issued_label` text,
	`date_return` text,
	`stated_purpose` text,
	`how_known` text,
	`accounts_covered` integer,
	`summary` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`issuer_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`recipient_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subpoenas_slug_unique` ON `subpoenas` (`slug`);--> statement-breakpoint
CREATE TABLE `case_subpoenas` (
	`case_id` integer NOT NULL,
	`subpoena_id` integer NOT NULL,
	PRIMARY KEY(`case_id`, `subpoena_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subpoena_id`) REFERENCES `subpoenas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`court_id` text,
	`docket_number` text,
	`dn_office` text,
	`dn_year` text,
	`dn_type` text,
	`dn_serial` text,
	`dn_judge_initials` text,
	`docket_number_core` text,
	`pacer_case_id` text,
	`caption` text,
	`label` text NOT NULL,
	`group` text DEFAULT 'meta' NOT NULL,
	`position` integer,
	`date_filed` text,
	`date_filed_latest` text,
	`date_filed_precision` text,
	`date_filed_label` text,
	`date_terminated` text,
	`assigned_judge_id` integer,
	`referred_judge_id` integer,
	`nature` text,
	`cause` text,
	`jurisdiction` text,
	`summary` text,
	`status_note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`court_id`) REFERENCES `courts`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`assigned_judge_id`) REFERENCES `judges`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`referred_judge_id`) REFERENCES `judges`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_slug_unique` ON `cases` (`slug`);--> statement-breakpoint
CREATE INDEX `cases_core_idx` ON `cases` (`court_id`,`docket_number_core`);--> statement-breakpoint
CREATE TABLE `parties` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pseudonymous` integer DEFAULT false NOT NULL,
	`description` text,
	`organization_id` integer,
	`extra_info` text,
	`date_terminated` text,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `parties_case_idx` ON `parties` (`case_id`);--> statement-breakpoint
CREATE TABLE `party_accounts` (
	`party_id` integer NOT NULL,
	`account_id` integer NOT NULL,
	PRIMARY KEY(`party_id`, `account_id`),
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `related_cases` (
	`case_id` integer NOT NULL,
	`related_case_id` integer NOT NULL,
	`relation` text NOT NULL,
	PRIMARY KEY(`case_id`, `related_case_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`related_case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `representations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`party_id` integer NOT NULL,
	`attorney_id` integer,
	`organization_id` integer,
	`roles` text,
	`standing` text DEFAULT 'reported' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`attorney_id`) REFERENCES `attorneys`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organization_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `representations_party_idx` ON `representations` (`party_id`);--> statement-breakpoint
CREATE TABLE `docket_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`number` integer,
	`sequence` real NOT NULL,
	`date_filed` text NOT NULL,
	`date_entered` text,
	`description` text NOT NULL,
	`short_description` text,
	`kind` text DEFAULT 'other' NOT NULL,
	`filed_by` text,
	`sealed` integer DEFAULT false NOT NULL,
	`stricken` integer DEFAULT false NOT NULL,
	`source` text DEFAULT 'manual' NOT NULL,
	`original_text` text,
	`pacer_doc_id` text,
	`pacer_seq_no` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `docket_entries_case_seq_idx` ON `docket_entries` (`case_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `docket_entries_case_number_idx` ON `docket_entries` (`case_id`,`number`);--> statement-breakpoint
CREATE INDEX `docket_entries_doc_id_idx` ON `docket_entries` (`pacer_doc_id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`attachment_number` integer DEFAULT 0 NOT NULL,
	`description` text,
	`page_count` integer,
	`file_sha256` text,
	`file_size_text` text,
	`extracted_text` text,
	`sealed` integer DEFAULT false NOT NULL,
	`pacer_doc_id` text,
	`pacer_url` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`entry_id`) REFERENCES `docket_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`file_sha256`) REFERENCES `files`(`sha256`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `documents_entry_idx` ON `documents` (`entry_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `documents_entry_attachment_unique` ON `documents` (`entry_id`,`attachment_number`);--> statement-breakpoint
CREATE TABLE `files` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size_bytes` integer NOT NULL,
	`media_type` text NOT NULL,
	`storage_path` text NOT NULL,
	`original_name` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `deadlines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer,
	`motion_id` integer,
	`order_id` integer,
	`label` text NOT NULL,
	`date_due` text NOT NULL,
	`rule_code` text,
	`rule_citation` text,
	`origin` text NOT NULL,
	`trigger_date` text,
	`computation` text,
	`status` text DEFAULT 'open' NOT NULL,
	`superseded_by_id` integer,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`superseded_by_id`) REFERENCES `deadlines`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `deadlines_case_idx` ON `deadlines` (`case_id`);--> statement-breakpoint
CREATE INDEX `deadlines_due_idx` ON `deadlines` (`date_due`);--> statement-breakpoint
CREATE TABLE `hearings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`motion_id` integer,
	`judge_id` integer,
	`title` text NOT NULL,
	`date` text,
	`date_latest` text,
	`date_precision` text,
	`date_label` text,
	`time` text,
	`place` text,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`judge_id`) REFERENCES `judges`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `hearings_case_idx` ON `hearings` (`case_id`);--> statement-breakpoint
CREATE INDEX `hearings_date_idx` ON `hearings` (`date`);--> statement-breakpoint
CREATE TABLE `motion_movants` (
	`motion_id` integer NOT NULL,
	`party_id` integer NOT NULL,
	PRIMARY KEY(`motion_id`, `party_id`),
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `motions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`entry_id` integer,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`relief_sought` text,
	`date_filed` text,
	`date_filed_latest` text,
	`date_filed_precision` text,
	`date_filed_label` text,
	`track` text DEFAULT 'noticed' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`status_note` text,
	`decided_by_order_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entry_id`) REFERENCES `docket_entries`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by_order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `motions_case_idx` ON `motions` (`case_id`);--> statement-breakpoint
CREATE TABLE `order_dispositions` (
	`order_id` integer NOT NULL,
	`motion_id` integer NOT NULL,
	`disposition` text NOT NULL,
	PRIMARY KEY(`order_id`, `motion_id`),
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`case_id` integer NOT NULL,
	`entry_id` integer,
	`judge_id` integer,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`date_signed` text,
	`date_signed_latest` text,
	`date_signed_precision` text,
	`date_signed_label` text,
	`summary` text,
	`quoted_text` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entry_id`) REFERENCES `docket_entries`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`judge_id`) REFERENCES `judges`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_slug_unique` ON `orders` (`slug`);--> statement-breakpoint
CREATE INDEX `orders_case_idx` ON `orders` (`case_id`);--> statement-breakpoint
CREATE TABLE `stay_coverages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`subpoena_id` integer NOT NULL,
	`account_id` integer,
	`addressee_id` integer,
	`end_condition` text,
	`status` text DEFAULT 'in_force' NOT NULL,
	`status_reason` text,
	`date_ended` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subpoena_id`) REFERENCES `subpoenas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`addressee_id`) REFERENCES `organizations`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `stay_coverages_subpoena_idx` ON `stay_coverages` (`subpoena_id`);--> statement-breakpoint
CREATE INDEX `stay_coverages_order_idx` ON `stay_coverages` (`order_id`);--> statement-breakpoint
CREATE TABLE `event_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`role` text DEFAULT 'actor' NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_links_event_idx` ON `event_links` (`event_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`description` text,
	`date` text,
	`date_latest` text,
	`date_precision` text DEFAULT 'day' NOT NULL,
	`date_label` text,
	`case_id` integer,
	`subpoena_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`subpoena_id`) REFERENCES `subpoenas`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `events_date_idx` ON `events` (`date`);--> statement-breakpoint
CREATE INDEX `events_subpoena_idx` ON `events` (`subpoena_id`);--> statement-breakpoint
CREATE TABLE `argument_authorities` (
	`argument_id` integer NOT NULL,
	`authority_id` integer NOT NULL,
	PRIMARY KEY(`argument_id`, `authority_id`),
	FOREIGN KEY (`argument_id`) REFERENCES `arguments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `arguments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`motion_id` integer,
	`entry_id` integer,
	`party_id` integer,
	`doctrine_tag` text NOT NULL,
	`text` text NOT NULL,
	`reached` text DEFAULT 'unknown' NOT NULL,
	`treatment` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`motion_id`) REFERENCES `motions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entry_id`) REFERENCES `docket_entries`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `arguments_motion_idx` ON `arguments` (`motion_id`);--> statement-breakpoint
CREATE TABLE `authorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`citation` text NOT NULL,
	`short_name` text NOT NULL,
	`court` text,
	`year` integer,
	`doctrine_tags` text,
	`holding` text,
	`url` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authorities_slug_unique` ON `authorities` (`slug`);--> statement-breakpoint
CREATE TABLE `conflict_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conflict_id` integer NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text,
	FOREIGN KEY (`conflict_id`) REFERENCES `conflicts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `conflict_records_record_idx` ON `conflict_records` (`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolution` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conflicts_code_unique` ON `conflicts` (`code`);--> statement-breakpoint
CREATE TABLE `fact_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text,
	`source_id` integer NOT NULL,
	`quote` text,
	`verified_against_docket` integer DEFAULT false NOT NULL,
	`inferred` integer DEFAULT false NOT NULL,
	`inferred_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `fact_sources_record_idx` ON `fact_sources` (`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tag` text NOT NULL,
	`url` text,
	`publisher` text,
	`title` text NOT NULL,
	`description` text,
	`date_published` text,
	`date_published_precision` text,
	`reliability` text NOT NULL,
	`reliability_note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sources_tag_unique` ON `sources` (`tag`);--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`label` text,
	`created_at` text NOT NULL,
	`last_used_at` text,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`action` text NOT NULL,
	`user_id` integer,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	`before` text,
	`after` text,
	`reason` text,
	`version` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `revisions_record_idx` ON `revisions` (`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` integer NOT NULL,
	`csrf_secret` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_unique` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`disabled_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `import_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_id` integer NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`action` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_records_import_idx` ON `import_records` (`import_id`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_sha256` text NOT NULL,
	`court_id` text,
	`case_id` integer,
	`source_id` integer,
	`user_id` integer,
	`actor` text NOT NULL,
	`created_at` text NOT NULL,
	`summary` text NOT NULL,
	FOREIGN KEY (`file_sha256`) REFERENCES `files`(`sha256`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `imports_file_idx` ON `imports` (`file_sha256`);