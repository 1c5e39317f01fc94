CREATE TABLE `cites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` integer NOT NULL,
	`cite_key` text NOT NULL,
	`occurrence` integer DEFAULT 0 NOT NULL,
	`kind` text NOT NULL,
	`cited_text` text NOT NULL,
	`pin_cite` text,
	`sentence` text NOT NULL,
	`span_start` integer NOT NULL,
	`span_end` integer NOT NULL,
	`authority_id` integer,
	`matched_by` text,
	`proposed_citation` text,
	`proposed_kind` text,
	`proposed_short_name` text,
	`proposed_court` text,
	`proposed_year` integer,
	`status` text DEFAULT 'proposed' NOT NULL,
	`found` integer DEFAULT true NOT NULL,
	`decision_note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`authority_id`) REFERENCES `authorities`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cites_document_key_unique` ON `cites` (`document_id`,`cite_key`,`occurrence`);--> statement-breakpoint
CREATE INDEX `cites_authority_idx` ON `cites` (`authority_id`);--> statement-breakpoint
CREATE TABLE `doctrines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`tags` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `doctrines_slug_unique` ON `doctrines` (`slug`);