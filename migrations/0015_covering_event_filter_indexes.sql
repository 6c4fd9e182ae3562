DROP INDEX `events_kind_start_at_idx`;--> statement-breakpoint
DROP INDEX `events_country_start_at_idx`;--> statement-breakpoint
CREATE INDEX `events_status_start_at_idx` ON `events` (`status`,`start_at`,`id`,`kind`,`country`);--> statement-breakpoint
CREATE INDEX `events_kind_start_at_idx` ON `events` (`kind`,`start_at`,`id`,`status`,`country`);--> statement-breakpoint
CREATE INDEX `events_country_start_at_idx` ON `events` (`country`,`start_at`,`id`,`kind`,`status`);