CREATE TABLE `event_places` (
	`event_id` text NOT NULL,
	`position` integer NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`gazetteer_id` text,
	`admin1` text,
	`country` text,
	`latitude` real,
	`longitude` real,
	`geo_precision` text,
	`search_names` text NOT NULL,
	PRIMARY KEY(`event_id`, `position`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_places_latitude_range" CHECK("event_places"."latitude" IS NULL OR "event_places"."latitude" BETWEEN -90 AND 90),
	CONSTRAINT "event_places_longitude_range" CHECK("event_places"."longitude" IS NULL OR "event_places"."longitude" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE INDEX `event_places_admin1_idx` ON `event_places` (`admin1`,`role`,`event_id`) WHERE "event_places"."admin1" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `event_places_gazetteer_idx` ON `event_places` (`gazetteer_id`,`role`,`event_id`) WHERE "event_places"."gazetteer_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `event_places_point_idx` ON `event_places` (`latitude`,`longitude`,`role`,`event_id`) WHERE "event_places"."latitude" IS NOT NULL;