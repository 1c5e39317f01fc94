DROP INDEX `orders_case_idx`;--> statement-breakpoint
CREATE INDEX `orders_years_idx` ON `orders` (substr("date_signed", 1, 4), substr(coalesce("date_signed_latest", "date_signed"), 1, 4));--> statement-breakpoint
CREATE INDEX `orders_case_idx` ON `orders` (`case_id`,`deleted_at`);
