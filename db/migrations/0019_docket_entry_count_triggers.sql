-- How many live entries each case has of each kind (docket_entry_counts, db/schema/docket.ts),
-- kept by SQLite in the same transaction as every write to docket_entries, whoever makes it:
-- the record store, an import, the generator, a restore. The public count is this less the
-- entries the publication guard holds (counted at read: a handful). PostgreSQL: the same three
-- triggers as one plpgsql function (docs/scaling.md).
CREATE TRIGGER `docket_entry_counts_insert` AFTER INSERT ON `docket_entries` WHEN NEW.`deleted_at` IS NULL BEGIN
  INSERT INTO `docket_entry_counts` (`case_id`, `kind`, `live`) VALUES (NEW.`case_id`, NEW.`kind`, 1)
    ON CONFLICT (`case_id`, `kind`) DO UPDATE SET `live` = `live` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `docket_entry_counts_delete` AFTER DELETE ON `docket_entries` WHEN OLD.`deleted_at` IS NULL BEGIN
  UPDATE `docket_entry_counts` SET `live` = `live` - 1 WHERE `case_id` = OLD.`case_id` AND `kind` = OLD.`kind`;
END;
--> statement-breakpoint
CREATE TRIGGER `docket_entry_counts_update` AFTER UPDATE OF `case_id`, `kind`, `deleted_at` ON `docket_entries` BEGIN
  UPDATE `docket_entry_counts` SET `live` = `live` - 1
    WHERE OLD.`deleted_at` IS NULL AND `case_id` = OLD.`case_id` AND `kind` = OLD.`kind`;
  INSERT INTO `docket_entry_counts` (`case_id`, `kind`, `live`) SELECT NEW.`case_id`, NEW.`kind`, 1 WHERE NEW.`deleted_at` IS NULL
    ON CONFLICT (`case_id`, `kind`) DO UPDATE SET `live` = `live` + 1;
END;
--> statement-breakpoint
INSERT INTO `docket_entry_counts` (`case_id`, `kind`, `live`)
  SELECT `case_id`, `kind`, count(*) FROM `docket_entries` WHERE `deleted_at` IS NULL GROUP BY `case_id`, `kind`;
