CREATE TABLE `accessibility_feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`message` text NOT NULL,
	`page` text,
	`contact` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `accessibility_feedback_created_idx` ON `accessibility_feedback` (`created_at`);--> statement-breakpoint
CREATE TABLE `database_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `user` ADD `anonymised_at` integer;