-- Custom SQL migration file, put your code below! --
-- Full-text search finds an event by its places (migration 0012) in any spelling the gazetteer
-- knows: "Kiev" and "Київ" find what hit Kyiv. FTS5 tables cannot gain a column, so the index is
-- rebuilt with a `places` column beside title and summary, from the events and their places, and
-- its row map (migration 0007) with it. Triggers on event_places keep the column in step, whoever
-- the writer is; the events triggers are those of 0007 with the new column.
DROP TRIGGER `events_fts_after_insert`;
--> statement-breakpoint
DROP TRIGGER `events_fts_after_update`;
--> statement-breakpoint
DROP TRIGGER `events_fts_after_delete`;
--> statement-breakpoint
DROP TABLE `events_fts`;
--> statement-breakpoint
DELETE FROM `events_fts_rows`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `events_fts` USING fts5(`event_id` UNINDEXED, `title`, `summary`, `places`, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO `events_fts` (`event_id`, `title`, `summary`, `places`)
  SELECT `id`, `title`, `summary`, coalesce((SELECT group_concat(`search_names`, ' ') FROM `event_places` WHERE `event_id` = `events`.`id`), '')
  FROM `events` ORDER BY `id`;
--> statement-breakpoint
INSERT INTO `events_fts_rows` (`event_id`, `fts_rowid`) SELECT `event_id`, `rowid` FROM `events_fts` ORDER BY `event_id`;
--> statement-breakpoint
CREATE TRIGGER `events_fts_after_insert` AFTER INSERT ON `events` BEGIN
  INSERT INTO `events_fts` (`event_id`, `title`, `summary`, `places`) VALUES (new.`id`, new.`title`, new.`summary`, '');
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
--> statement-breakpoint
CREATE TRIGGER `events_fts_places_after_insert` AFTER INSERT ON `event_places` BEGIN
  UPDATE `events_fts` SET `places` = (SELECT group_concat(`search_names`, ' ') FROM `event_places` WHERE `event_id` = new.`event_id`)
    WHERE `rowid` = (SELECT `fts_rowid` FROM `events_fts_rows` WHERE `event_id` = new.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `events_fts_places_after_update` AFTER UPDATE ON `event_places` BEGIN
  UPDATE `events_fts` SET `places` = coalesce((SELECT group_concat(`search_names`, ' ') FROM `event_places` WHERE `event_id` = old.`event_id`), '')
    WHERE `rowid` = (SELECT `fts_rowid` FROM `events_fts_rows` WHERE `event_id` = old.`event_id`);
  UPDATE `events_fts` SET `places` = (SELECT group_concat(`search_names`, ' ') FROM `event_places` WHERE `event_id` = new.`event_id`)
    WHERE `rowid` = (SELECT `fts_rowid` FROM `events_fts_rows` WHERE `event_id` = new.`event_id`);
END;
--> statement-breakpoint
-- While its event is being deleted the map row may be gone already: then nothing is updated.
CREATE TRIGGER `events_fts_places_after_delete` AFTER DELETE ON `event_places` BEGIN
  UPDATE `events_fts` SET `places` = coalesce((SELECT group_concat(`search_names`, ' ') FROM `event_places` WHERE `event_id` = old.`event_id`), '')
    WHERE `rowid` = (SELECT `fts_rowid` FROM `events_fts_rows` WHERE `event_id` = old.`event_id`);
END;
--> statement-breakpoint
-- Places are part of their event: a change to them is a change to the record (migration 0005).
CREATE TRIGGER `data_version_after_insert_event_places` AFTER INSERT ON `event_places` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_update_event_places` AFTER UPDATE ON `event_places` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_delete_event_places` AFTER DELETE ON `event_places` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
