CREATE TABLE `guard_salt` (
	`id` integer PRIMARY KEY NOT NULL,
	`salt` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `never_publish_terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`digest` text NOT NULL,
	`word_count` integer NOT NULL,
	`note` text,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`created_by_user_id` integer,
	`removed_at` text,
	`removed_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `never_publish_terms_case_idx` ON `never_publish_terms` (`case_id`);--> statement-breakpoint
CREATE TABLE `publication_holds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`case_id` integer,
	`status` text NOT NULL,
	`findings` text NOT NULL,
	`held_at` text NOT NULL,
	`held_by` text NOT NULL,
	`held_by_user_id` integer,
	`resolved_at` text,
	`resolved_by` text,
	`resolved_by_user_id` integer,
	`resolution` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`held_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`resolved_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `publication_holds_record_idx` ON `publication_holds` (`record_type`,`record_id`,`status`);--> statement-breakpoint
CREATE INDEX `publication_holds_status_idx` ON `publication_holds` (`status`);--> statement-breakpoint
ALTER TABLE `files` ADD `pdf_metadata` text;--> statement-breakpoint
ALTER TABLE `files` ADD `public_sha256` text;