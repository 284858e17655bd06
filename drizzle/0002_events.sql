CREATE TABLE `event` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`agenda` text DEFAULT '[]' NOT NULL,
	`join_code` text NOT NULL,
	`joining_open` integer DEFAULT true NOT NULL,
	`asks_affiliation` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`archived_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_slug_unique` ON `event` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_join_code_unique` ON `event` (`join_code`);--> statement-breakpoint
CREATE TABLE `participant` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`reentry_hash` text NOT NULL,
	`display_name` text,
	`working_group_id` text,
	`affiliation_organisation_id` text,
	`organisation_type` text,
	`joined_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`working_group_id`) REFERENCES `working_group`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`affiliation_organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participant_token_unique` ON `participant` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `participant_reentry_unique` ON `participant` (`event_id`,`reentry_hash`);--> statement-breakpoint
CREATE INDEX `participant_event_idx` ON `participant` (`event_id`);--> statement-breakpoint
CREATE TABLE `working_group` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`title` text NOT NULL,
	`question` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `working_group_event_idx` ON `working_group` (`event_id`,`sort_order`);