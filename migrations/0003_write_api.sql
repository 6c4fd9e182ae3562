CREATE TABLE `api_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`api_key_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`location` text,
	`etag` text,
	`body` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`api_key_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource_type` text NOT NULL,
	`resource_id` text NOT NULL,
	`event_id` text,
	`other_event_id` text,
	`action` text NOT NULL,
	`key_id` text NOT NULL,
	`key_name` text NOT NULL,
	`reason` text,
	`before` text,
	`after` text,
	`changed_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `revisions_resource_idx` ON `revisions` (`resource_type`,`resource_id`,`id`);--> statement-breakpoint
CREATE INDEX `revisions_event_idx` ON `revisions` (`event_id`,`id`);--> statement-breakpoint
CREATE INDEX `revisions_other_event_idx` ON `revisions` (`other_event_id`,`id`);--> statement-breakpoint
CREATE TABLE `tombstones` (
	`resource_type` text NOT NULL,
	`resource_id` text NOT NULL,
	`deleted_at` text NOT NULL,
	`reason` text,
	`revision_id` integer NOT NULL,
	PRIMARY KEY(`resource_type`, `resource_id`)
);
