-- Custom SQL migration file, put your code below! --
-- Statistics read from per-hour and per-day totals instead of every claim (src/modules/stats/stats.rollups.ts).
-- The totals are sums of each event's chosen figures (src/domain/figures.ts), which only the
-- application computes, so SQL cannot keep them itself. What SQL can do is remember which UTC
-- hours a write touched: the triggers below mark them in every writing transaction, whoever the
-- writer is (API, importer, seed, another process), and the application recomputes the marked
-- hours before it next reads the totals. A statistics request that finds a marked hour it cannot
-- recompute computes from the claims instead, so the totals are never read stale.
-- Kept here beside the triggers (as data_version is), not in src/db/schema.ts.
CREATE TABLE `stats_dirty_hours` (`hour` text PRIMARY KEY NOT NULL) WITHOUT ROWID;
--> statement-breakpoint
-- unit: 'hour' (period 'YYYY-MM-DDTHH', UTC) or 'day' (period 'YYYY-MM-DD', UTC, the sum of its hours).
-- high is null when any summed figure is open-ended ("at least").
CREATE TABLE `stats_casualty_rollups` (
  `unit` text NOT NULL,
  `period` text NOT NULL,
  `category` text NOT NULL,
  `group` text NOT NULL,
  `low` integer NOT NULL,
  `best` integer NOT NULL,
  `high` integer,
  `event_count` integer NOT NULL,
  PRIMARY KEY (`unit`, `period`, `category`, `group`)
) WITHOUT ROWID;
--> statement-breakpoint
-- scope: 'total' (weapon_category and weapon_model ''), 'category' (weapon_model '') or 'model'
-- ('' for a claim that names no model). Columns as in MunitionTotals (src/domain/figures.ts);
-- a null sum means no summed claim gave that figure.
CREATE TABLE `stats_munition_rollups` (
  `unit` text NOT NULL,
  `period` text NOT NULL,
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
  PRIMARY KEY (`unit`, `period`, `scope`, `weapon_category`, `weapon_model`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `stats_dirty_after_insert_casualty_reports` AFTER INSERT ON `casualty_reports` BEGIN
  INSERT OR IGNORE INTO `stats_dirty_hours` SELECT substr(`start_at`, 1, 13) FROM `events` WHERE `id` = NEW.`event_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_dirty_after_update_casualty_reports` AFTER UPDATE ON `casualty_reports` BEGIN
  INSERT OR IGNORE INTO `stats_dirty_hours` SELECT substr(`start_at`, 1, 13) FROM `events` WHERE `id` IN (OLD.`event_id`, NEW.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `stats_dirty_after_delete_casualty_reports` AFTER DELETE ON `casualty_reports` BEGIN
  INSERT OR IGNORE INTO `stats_dirty_hours` SELECT substr(`start_at`, 1, 13) FROM `events` WHERE `id` = OLD.`event_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_dirty_after_insert_munition_reports` AFTER INSERT ON `munition_reports` BEGIN
  INSERT OR IGNORE INTO `stats_dirty_hours` SELECT substr(`start_at`, 1, 13) FROM `events` WHERE `id` = NEW.`event_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `stats_dirty_after_update_munition_reports` AFTER UPDATE ON `munition_reports` BEGIN
  INSERT OR IGNORE INTO `stats_dirty_hours` SELECT substr(`start_at`, 1, 13) FROM `events` WHERE `id` IN (OLD.`event_id`, NEW.`event_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `stats_dirty_after_delete_munition_reports` AFTER DELETE ON `munition_reports` BEGIN
  INSERT OR IGNORE INTO `stats_dirty_hours` SELECT substr(`start_at`, 1, 13) FROM `events` WHERE `id` = OLD.`event_id`;
END;
--> statement-breakpoint
-- An event moved in time takes its figures from one hour to another. Its reports' own triggers
-- cannot see a deleted event (the cascade runs after the event row is gone), so this one marks it.
CREATE TRIGGER `stats_dirty_after_update_events` AFTER UPDATE OF `start_at` ON `events` BEGIN
  INSERT OR IGNORE INTO `stats_dirty_hours` VALUES (substr(OLD.`start_at`, 1, 13)), (substr(NEW.`start_at`, 1, 13));
END;
--> statement-breakpoint
CREATE TRIGGER `stats_dirty_after_delete_events` AFTER DELETE ON `events` BEGIN
  INSERT OR IGNORE INTO `stats_dirty_hours` VALUES (substr(OLD.`start_at`, 1, 13));
END;
--> statement-breakpoint
-- A database migrated with events already in it starts with every hour marked.
INSERT OR IGNORE INTO `stats_dirty_hours` SELECT DISTINCT substr(`start_at`, 1, 13) FROM `events`;
