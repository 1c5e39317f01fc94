CREATE INDEX `cases_assigned_judge_idx` ON `cases` (`assigned_judge_id`) WHERE "cases"."assigned_judge_id" is not null;--> statement-breakpoint
CREATE INDEX `cases_referred_judge_idx` ON `cases` (`referred_judge_id`) WHERE "cases"."referred_judge_id" is not null;--> statement-breakpoint
CREATE INDEX `orders_judge_idx` ON `orders` (`judge_id`) WHERE "orders"."judge_id" is not null;