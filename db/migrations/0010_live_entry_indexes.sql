CREATE INDEX `docket_entries_live_seq_idx` ON `docket_entries` (`case_id`,`deleted_at`,`sequence`,`id`,`date_filed`,`kind`);--> statement-breakpoint
CREATE INDEX `docket_entries_live_kind_idx` ON `docket_entries` (`case_id`,`deleted_at`,`kind`,`sequence`,`id`);--> statement-breakpoint
CREATE INDEX `docket_entries_live_date_idx` ON `docket_entries` (`deleted_at`,`date_filed`,`sequence`);