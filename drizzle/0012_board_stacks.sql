CREATE TABLE `event_activity` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`board_id` text,
	`actor_user_id` text,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`undo` text,
	`undone_at` integer,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`board_id`) REFERENCES `board`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`actor_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `event_activity_event_idx` ON `event_activity` (`event_id`,`id`);--> statement-breakpoint
ALTER TABLE `card` ADD `stacked_on_id` text;