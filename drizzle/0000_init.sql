CREATE TABLE `organisation` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`kind` text NOT NULL,
	`ags` text,
	`adopting` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisation_slug_unique` ON `organisation` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `organisation_ags_unique` ON `organisation` (`ags`);--> statement-breakpoint
CREATE TABLE `seed_run` (
	`name` text PRIMARY KEY NOT NULL,
	`ran_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
