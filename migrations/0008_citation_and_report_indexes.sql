DROP INDEX `casualty_reports_source_idx`;--> statement-breakpoint
CREATE INDEX `casualty_reports_source_idx` ON `casualty_reports` (`source_id`,`id`);--> statement-breakpoint
DROP INDEX `citations_source_idx`;--> statement-breakpoint
DROP INDEX `citations_via_source_idx`;--> statement-breakpoint
DROP INDEX `citations_casualty_report_idx`;--> statement-breakpoint
DROP INDEX `citations_munition_report_idx`;--> statement-breakpoint
DROP INDEX `citations_damage_report_idx`;--> statement-breakpoint
DROP INDEX `citations_relation_idx`;--> statement-breakpoint
CREATE INDEX `citations_source_idx` ON `citations` (`source_id`,`id`);--> statement-breakpoint
CREATE INDEX `citations_via_source_idx` ON `citations` (`via_source_id`,`id`) WHERE "citations"."via_source_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `citations_casualty_report_idx` ON `citations` (`casualty_report_id`) WHERE "citations"."casualty_report_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `citations_munition_report_idx` ON `citations` (`munition_report_id`) WHERE "citations"."munition_report_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `citations_damage_report_idx` ON `citations` (`damage_report_id`) WHERE "citations"."damage_report_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `citations_relation_idx` ON `citations` (`relation_id`) WHERE "citations"."relation_id" IS NOT NULL;--> statement-breakpoint
DROP INDEX `damage_reports_source_idx`;--> statement-breakpoint
CREATE INDEX `damage_reports_source_idx` ON `damage_reports` (`source_id`,`id`);--> statement-breakpoint
DROP INDEX `munition_reports_source_idx`;--> statement-breakpoint
CREATE INDEX `munition_reports_source_idx` ON `munition_reports` (`source_id`,`id`);