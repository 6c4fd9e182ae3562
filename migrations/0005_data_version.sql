-- Custom SQL migration file, put your code below! --
-- A counter of changes to the record, for caches of what was read from it (src/db/data-version.ts).
-- Triggers bump it inside the writing transaction, so every writer (seed, importer, a later write
-- API, even another process on the same file) invalidates a cache without having to remember to.
-- Kept here beside its triggers (as events_fts is), not in src/db/schema.ts.
CREATE TABLE `data_version` (`id` integer PRIMARY KEY CHECK (`id` = 1), `version` integer NOT NULL);
--> statement-breakpoint
INSERT INTO `data_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `data_version_after_insert_events` AFTER INSERT ON `events` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_update_events` AFTER UPDATE ON `events` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_delete_events` AFTER DELETE ON `events` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_insert_event_actors` AFTER INSERT ON `event_actors` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_update_event_actors` AFTER UPDATE ON `event_actors` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_delete_event_actors` AFTER DELETE ON `event_actors` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_insert_actors` AFTER INSERT ON `actors` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_update_actors` AFTER UPDATE ON `actors` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_delete_actors` AFTER DELETE ON `actors` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_insert_sources` AFTER INSERT ON `sources` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_update_sources` AFTER UPDATE ON `sources` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_delete_sources` AFTER DELETE ON `sources` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_insert_casualty_reports` AFTER INSERT ON `casualty_reports` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_update_casualty_reports` AFTER UPDATE ON `casualty_reports` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_delete_casualty_reports` AFTER DELETE ON `casualty_reports` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_insert_munition_reports` AFTER INSERT ON `munition_reports` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_update_munition_reports` AFTER UPDATE ON `munition_reports` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_delete_munition_reports` AFTER DELETE ON `munition_reports` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_insert_damage_reports` AFTER INSERT ON `damage_reports` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_update_damage_reports` AFTER UPDATE ON `damage_reports` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_delete_damage_reports` AFTER DELETE ON `damage_reports` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_insert_relations` AFTER INSERT ON `relations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_update_relations` AFTER UPDATE ON `relations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_delete_relations` AFTER DELETE ON `relations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_insert_citations` AFTER INSERT ON `citations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_update_citations` AFTER UPDATE ON `citations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `data_version_after_delete_citations` AFTER DELETE ON `citations` BEGIN UPDATE `data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
