DROP INDEX `event_actors_actor_idx`;--> statement-breakpoint
CREATE INDEX `event_actors_actor_idx` ON `event_actors` (`actor_id`,`role`,`event_id`);