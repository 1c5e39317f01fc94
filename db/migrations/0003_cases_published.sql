ALTER TABLE `cases` ADD `published` integer DEFAULT false NOT NULL;--> statement-breakpoint
-- Cases already in a database are the bundled record and what staff chose to keep: they stay public.
UPDATE `cases` SET `published` = 1;
