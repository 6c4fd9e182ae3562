-- Custom SQL migration file, put your code below! --
-- A munition figure may carry its own time (migration 0010): statistics count it in the hour its
-- own time starts, and count its event in the hour the event starts (src/modules/stats). Which
-- source's figures count is decided per event, so a write to one figure can move the figures of
-- every hour the event's figures fall in: the triggers of migration 0006 on munition_reports are
-- replaced by ones that mark the event's hour and every hour one of its figures starts in.
DROP TRIGGER `stats_dirty_after_insert_munition_reports`;
--> statement-breakpoint
DROP TRIGGER `stats_dirty_after_update_munition_reports`;
--> statement-breakpoint
DROP TRIGGER `stats_dirty_after_delete_munition_reports`;
--> statement-breakpoint
CREATE TRIGGER `stats_dirty_after_insert_munition_reports` AFTER INSERT ON `munition_reports` BEGIN
  INSERT OR IGNORE INTO `stats_dirty_hours`
    SELECT substr(`start_at`, 1, 13) FROM `events` WHERE `id` = NEW.`event_id`
    UNION ALL SELECT substr(`start_at`, 1, 13) FROM `munition_reports` WHERE `event_id` = NEW.`event_id` AND `start_at` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_dirty_after_update_munition_reports` AFTER UPDATE ON `munition_reports` BEGIN
  INSERT OR IGNORE INTO `stats_dirty_hours`
    SELECT substr(`start_at`, 1, 13) FROM `events` WHERE `id` IN (OLD.`event_id`, NEW.`event_id`)
    UNION ALL SELECT substr(`start_at`, 1, 13) FROM `munition_reports` WHERE `event_id` IN (OLD.`event_id`, NEW.`event_id`) AND `start_at` IS NOT NULL
    UNION ALL SELECT substr(OLD.`start_at`, 1, 13) WHERE OLD.`start_at` IS NOT NULL;
END;
--> statement-breakpoint
-- When the event itself is being deleted (a cascade), its row is gone already: the events
-- trigger of migration 0006 marks its hour, and OLD.start_at the figure's own.
CREATE TRIGGER `stats_dirty_after_delete_munition_reports` AFTER DELETE ON `munition_reports` BEGIN
  INSERT OR IGNORE INTO `stats_dirty_hours`
    SELECT substr(`start_at`, 1, 13) FROM `events` WHERE `id` = OLD.`event_id`
    UNION ALL SELECT substr(`start_at`, 1, 13) FROM `munition_reports` WHERE `event_id` = OLD.`event_id` AND `start_at` IS NOT NULL
    UNION ALL SELECT substr(OLD.`start_at`, 1, 13) WHERE OLD.`start_at` IS NOT NULL;
END;
