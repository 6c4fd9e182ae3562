-- Custom SQL migration file, put your code below! --
-- Full-text index over event titles and summaries (drizzle-kit does not model FTS5 tables).
-- A plain FTS5 table keyed by event_id rather than external content: events has a text primary
-- key, and its implicit rowid may change on VACUUM.
CREATE VIRTUAL TABLE `events_fts` USING fts5(`event_id` UNINDEXED, `title`, `summary`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `events_fts_after_insert` AFTER INSERT ON `events` BEGIN
  INSERT INTO `events_fts` (`event_id`, `title`, `summary`) VALUES (new.`id`, new.`title`, new.`summary`);
END;
--> statement-breakpoint
CREATE TRIGGER `events_fts_after_update` AFTER UPDATE OF `title`, `summary` ON `events` BEGIN
  UPDATE `events_fts` SET `title` = new.`title`, `summary` = new.`summary` WHERE `event_id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `events_fts_after_delete` AFTER DELETE ON `events` BEGIN
  DELETE FROM `events_fts` WHERE `event_id` = old.`id`;
END;
