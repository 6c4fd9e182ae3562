CREATE TABLE `actors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`country` text,
	`description` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `casualty_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`source_id` text NOT NULL,
	`category` text NOT NULL,
	`group` text NOT NULL,
	`low` integer,
	`best` integer,
	`high` integer,
	`as_reported` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "casualty_reports_order" CHECK(("casualty_reports"."low" IS NULL OR "casualty_reports"."best" IS NULL OR "casualty_reports"."low" <= "casualty_reports"."best") AND ("casualty_reports"."best" IS NULL OR "casualty_reports"."high" IS NULL OR "casualty_reports"."best" <= "casualty_reports"."high"))
);
--> statement-breakpoint
CREATE INDEX `casualty_reports_event_idx` ON `casualty_reports` (`event_id`);--> statement-breakpoint
CREATE INDEX `casualty_reports_source_idx` ON `casualty_reports` (`source_id`);--> statement-breakpoint
CREATE TABLE `citations` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`source_id` text NOT NULL,
	`via_source_id` text,
	`casualty_report_id` text,
	`munition_report_id` text,
	`damage_report_id` text,
	`relation_id` text,
	`quote` text,
	`locator` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`via_source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`casualty_report_id`) REFERENCES `casualty_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`munition_report_id`) REFERENCES `munition_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`damage_report_id`) REFERENCES `damage_reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`relation_id`) REFERENCES `relations`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "citations_has_evidence" CHECK("citations"."quote" IS NOT NULL OR "citations"."locator" IS NOT NULL),
	CONSTRAINT "citations_one_fact" CHECK(("citations"."casualty_report_id" IS NOT NULL) + ("citations"."munition_report_id" IS NOT NULL) + ("citations"."damage_report_id" IS NOT NULL) + ("citations"."relation_id" IS NOT NULL) <= 1)
);
--> statement-breakpoint
CREATE INDEX `citations_event_idx` ON `citations` (`event_id`);--> statement-breakpoint
CREATE INDEX `citations_source_idx` ON `citations` (`source_id`);--> statement-breakpoint
CREATE INDEX `citations_via_source_idx` ON `citations` (`via_source_id`);--> statement-breakpoint
CREATE INDEX `citations_casualty_report_idx` ON `citations` (`casualty_report_id`);--> statement-breakpoint
CREATE INDEX `citations_munition_report_idx` ON `citations` (`munition_report_id`);--> statement-breakpoint
CREATE INDEX `citations_damage_report_idx` ON `citations` (`damage_report_id`);--> statement-breakpoint
CREATE INDEX `citations_relation_idx` ON `citations` (`relation_id`);--> statement-breakpoint
CREATE TABLE `damage_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`source_id` text NOT NULL,
	`asset_category` text NOT NULL,
	`count` integer,
	`description` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `damage_reports_event_idx` ON `damage_reports` (`event_id`);--> statement-breakpoint
CREATE INDEX `damage_reports_source_idx` ON `damage_reports` (`source_id`);--> statement-breakpoint
CREATE TABLE `event_actors` (
	`event_id` text NOT NULL,
	`actor_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`event_id`, `actor_id`, `role`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `event_actors_actor_idx` ON `event_actors` (`actor_id`,`event_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`start_at` text NOT NULL,
	`start_precision` text NOT NULL,
	`end_at` text,
	`end_precision` text,
	`span_end_at` text,
	`timezone` text NOT NULL,
	`place` text,
	`admin1` text,
	`country` text,
	`latitude` real,
	`longitude` real,
	`geo_precision` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "events_latitude_range" CHECK("events"."latitude" IS NULL OR "events"."latitude" BETWEEN -90 AND 90),
	CONSTRAINT "events_longitude_range" CHECK("events"."longitude" IS NULL OR "events"."longitude" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE INDEX `events_start_at_id_idx` ON `events` (`start_at`,`id`);--> statement-breakpoint
CREATE INDEX `events_kind_start_at_idx` ON `events` (`kind`,`start_at`,`id`);--> statement-breakpoint
CREATE INDEX `events_country_start_at_idx` ON `events` (`country`,`start_at`,`id`);--> statement-breakpoint
CREATE TABLE `munition_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`source_id` text NOT NULL,
	`weapon_category` text NOT NULL,
	`weapon_model` text,
	`launched` integer,
	`intercepted` integer,
	`lost_to_ew` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `munition_reports_event_idx` ON `munition_reports` (`event_id`);--> statement-breakpoint
CREATE INDEX `munition_reports_source_idx` ON `munition_reports` (`source_id`);--> statement-breakpoint
CREATE TABLE `relations` (
	`id` text PRIMARY KEY NOT NULL,
	`from_event_id` text NOT NULL,
	`kind` text NOT NULL,
	`to_event_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`from_event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `relations_from_idx` ON `relations` (`from_event_id`);--> statement-breakpoint
CREATE INDEX `relations_to_idx` ON `relations` (`to_event_id`);--> statement-breakpoint
CREATE TABLE `sources` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`publisher` text NOT NULL,
	`title` text,
	`url` text,
	`reference` text,
	`published_at` text,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
