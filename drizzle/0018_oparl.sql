CREATE TABLE `oparl_connection` (
	`organisation_id` text PRIMARY KEY NOT NULL,
	`system_url` text NOT NULL,
	`body_url` text NOT NULL,
	`body_name` text NOT NULL,
	`last_sync_at` integer,
	`last_full_sync_at` integer,
	`last_error` text,
	`last_error_at` integer,
	`configured_by` text,
	`configured_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`configured_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `oparl_news` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`paper_id` integer NOT NULL,
	`key` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `oparl_paper`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oparl_news_key_unique` ON `oparl_news` (`paper_id`,`key`);--> statement-breakpoint
CREATE TABLE `oparl_paper` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`version_id` text NOT NULL,
	`paper_url` text NOT NULL,
	`reference` text NOT NULL,
	`name` text NOT NULL,
	`web_url` text,
	`path_urls` text DEFAULT '[]' NOT NULL,
	`linked_by` text,
	`linked_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `document`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `document_version`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`linked_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oparl_paper_unique` ON `oparl_paper` (`document_id`,`organisation_id`,`paper_url`);--> statement-breakpoint
CREATE TABLE `oparl_proposal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`paper_id` integer NOT NULL,
	`key` text NOT NULL,
	`kind` text NOT NULL,
	`stage` text NOT NULL,
	`date` text NOT NULL,
	`body_name` text NOT NULL,
	`source_url` text NOT NULL,
	`result` text,
	`resolution_url` text,
	`note` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`step_id` integer,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`paper_id`) REFERENCES `oparl_paper`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`step_id`) REFERENCES `adoption_step`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `oparl_proposal_key_unique` ON `oparl_proposal` (`paper_id`,`key`);