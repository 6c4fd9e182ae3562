-- Custom SQL migration file, put your code below! --
-- Which full-text row holds which event. FTS5 cannot index its UNINDEXED event_id column, so the
-- triggers of 0001 found an event's row by reading the whole full-text table: at a million events
-- a title edit took over a second and a delete a quarter of one, with the database locked. The
-- FTS rowid cannot simply be the event's rowid (that may change on VACUUM, see 0001); this table
-- maps the one to the other, and the triggers reach the row by its rowid.
CREATE TABLE `events_fts_rows` (
  `event_id` text PRIMARY KEY NOT NULL,
  `fts_rowid` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
-- OR IGNORE: a file whose index somehow holds an event twice still upgrades (the search joins events,
-- so a stray row is never shown).
INSERT OR IGNORE INTO `events_fts_rows` (`event_id`, `fts_rowid`) SELECT `event_id`, `rowid` FROM `events_fts` ORDER BY `event_id`;
--> statement-breakpoint
DROP TRIGGER `events_fts_after_insert`;
--> statement-breakpoint
DROP TRIGGER `events_fts_after_update`;
--> statement-breakpoint
DROP TRIGGER `events_fts_after_delete`;
--> statement-breakpoint
CREATE TRIGGER `events_fts_after_insert` AFTER INSERT ON `events` BEGIN
  INSERT INTO `events_fts` (`event_id`, `title`, `summary`) VALUES (new.`id`, new.`title`, new.`summary`);
  INSERT INTO `events_fts_rows` (`event_id`, `fts_rowid`) VALUES (new.`id`, last_insert_rowid());
END;
--> statement-breakpoint
CREATE TRIGGER `events_fts_after_update` AFTER UPDATE OF `title`, `summary` ON `events` BEGIN
  UPDATE `events_fts` SET `title` = new.`title`, `summary` = new.`summary`
    WHERE `rowid` = (SELECT `fts_rowid` FROM `events_fts_rows` WHERE `event_id` = old.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `events_fts_after_delete` AFTER DELETE ON `events` BEGIN
  DELETE FROM `events_fts` WHERE `rowid` = (SELECT `fts_rowid` FROM `events_fts_rows` WHERE `event_id` = old.`id`);
  DELETE FROM `events_fts_rows` WHERE `event_id` = old.`id`;
END;
