ALTER TABLE `munition_reports` ADD `start_at` text;--> statement-breakpoint
ALTER TABLE `munition_reports` ADD `start_precision` text;--> statement-breakpoint
ALTER TABLE `munition_reports` ADD `end_at` text;--> statement-breakpoint
ALTER TABLE `munition_reports` ADD `end_precision` text;--> statement-breakpoint
CREATE INDEX `munition_reports_start_at_idx` ON `munition_reports` (`start_at`,`event_id`) WHERE "munition_reports"."start_at" IS NOT NULL;