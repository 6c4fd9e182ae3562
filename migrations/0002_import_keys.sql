ALTER TABLE `events` ADD `import_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `events_import_key_idx` ON `events` (`import_key`);--> statement-breakpoint
ALTER TABLE `munition_reports` ADD `import_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `munition_reports_import_key_idx` ON `munition_reports` (`import_key`);