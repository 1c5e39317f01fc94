CREATE TABLE `docket_entry_counts` (
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`live` integer NOT NULL,
	PRIMARY KEY(`case_id`, `kind`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
