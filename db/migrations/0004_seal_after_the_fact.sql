ALTER TABLE `cases` ADD `sealed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `seal_reason` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `seal_order` text;--> statement-breakpoint
ALTER TABLE `parties` ADD `name_sealed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `parties` ADD `seal_reason` text;--> statement-breakpoint
ALTER TABLE `parties` ADD `seal_order` text;--> statement-breakpoint
ALTER TABLE `docket_entries` ADD `seal_reason` text;--> statement-breakpoint
ALTER TABLE `docket_entries` ADD `seal_order` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `seal_reason` text;--> statement-breakpoint
ALTER TABLE `documents` ADD `seal_order` text;