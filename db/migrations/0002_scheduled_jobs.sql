CREATE TABLE `jobs` (
	`name` text PRIMARY KEY NOT NULL,
	`schedule` text NOT NULL,
	`next_run_at` text NOT NULL,
	`lease_owner` text,
	`lease_expires_at` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_started_at` text,
	`last_finished_at` text,
	`last_success_at` text,
	`last_result` text,
	`last_error` text,
	`last_error_at` text,
	`run_count` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL
);
