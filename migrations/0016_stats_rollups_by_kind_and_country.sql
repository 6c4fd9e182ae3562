-- Custom SQL migration file, put your code below! --
-- The kept totals (migration 0006, src/modules/stats/stats.rollups.ts) split by the event's kind
-- and country ('' for none), so statistics filtered by kind or country sum totals too instead of
-- every claim (2–3.5 s on a million events). An event has one kind and one country, so the parts
-- add up to the whole, event counts included. The totals are rebuilt: every hour with an event or
-- a dated figure is marked, and the next statistics request recomputes them.
DROP TABLE `stats_casualty_rollups`;
--> statement-breakpoint
CREATE TABLE `stats_casualty_rollups` (
  `unit` text NOT NULL,
  `period` text NOT NULL,
  `kind` text NOT NULL,
  `country` text NOT NULL,
  `category` text NOT NULL,
  `group` text NOT NULL,
  `low` integer NOT NULL,
  `best` integer NOT NULL,
  `high` integer,
  `event_count` integer NOT NULL,
  PRIMARY KEY (`unit`, `period`, `kind`, `country`, `category`, `group`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP TABLE `stats_munition_rollups`;
--> statement-breakpoint
CREATE TABLE `stats_munition_rollups` (
  `unit` text NOT NULL,
  `period` text NOT NULL,
  `kind` text NOT NULL,
  `country` text NOT NULL,
  `scope` text NOT NULL,
  `weapon_category` text NOT NULL,
  `weapon_model` text NOT NULL,
  `launched` integer,
  `intercepted` integer,
  `lost_to_ew` integer,
  `launched_with_intercepted` integer NOT NULL,
  `intercepted_with_launched` integer NOT NULL,
  `stopped_with_launched` integer NOT NULL,
  `event_count` integer NOT NULL,
  PRIMARY KEY (`unit`, `period`, `kind`, `country`, `scope`, `weapon_category`, `weapon_model`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT OR IGNORE INTO `stats_dirty_hours`
  SELECT substr(`start_at`, 1, 13) FROM `events`
  UNION SELECT substr(`start_at`, 1, 13) FROM `munition_reports` WHERE `start_at` IS NOT NULL;
--> statement-breakpoint
-- A change of kind or country moves the event's figures between parts: mark the hours they count in.
CREATE TRIGGER `stats_dirty_after_update_events_kind_country` AFTER UPDATE OF `kind`, `country` ON `events` BEGIN
  INSERT OR IGNORE INTO `stats_dirty_hours` VALUES (substr(NEW.`start_at`, 1, 13));
  INSERT OR IGNORE INTO `stats_dirty_hours`
    SELECT substr(`start_at`, 1, 13) FROM `munition_reports` WHERE `event_id` = NEW.`id` AND `start_at` IS NOT NULL;
END;
