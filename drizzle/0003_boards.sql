CREATE TABLE `board` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`working_group_id` text NOT NULL,
	`locked` integer DEFAULT false NOT NULL,
	`dots_per_voter` integer DEFAULT 0 NOT NULL,
	`votes_revealed` integer DEFAULT true NOT NULL,
	`timer_ends_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`working_group_id`) REFERENCES `working_group`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `board_working_group_unique` ON `board` (`working_group_id`);--> statement-breakpoint
CREATE TABLE `board_column` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`title` text NOT NULL,
	`sort_order` integer NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `board`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `board_column_board_idx` ON `board_column` (`board_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `card` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`column_id` text NOT NULL,
	`text` text NOT NULL,
	`colour` text DEFAULT 'gelb' NOT NULL,
	`participant_id` text,
	`user_id` text,
	`author_name` text,
	`sort_order` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `board`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`column_id`) REFERENCES `board_column`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `card_board_idx` ON `card` (`board_id`,`column_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `vote` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`board_id` text NOT NULL,
	`card_id` text NOT NULL,
	`voter_key` text NOT NULL,
	`affiliation_organisation_id` text,
	`organisation_type` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `board`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`card_id`) REFERENCES `card`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`affiliation_organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `vote_board_voter_idx` ON `vote` (`board_id`,`voter_key`);