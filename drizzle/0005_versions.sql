CREATE TABLE `document_activity` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL,
	`kind` text NOT NULL,
	`user_id` text,
	`started_at` integer NOT NULL,
	`ended_at` integer NOT NULL,
	`changes` integer DEFAULT 0 NOT NULL,
	`version_id` text,
	`detail` text,
	FOREIGN KEY (`document_id`) REFERENCES `document`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`version_id`) REFERENCES `document_version`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `document_activity_document_idx` ON `document_activity` (`document_id`,`ended_at`);--> statement-breakpoint
CREATE TABLE `document_version` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`yjs_state` blob NOT NULL,
	`content` text NOT NULL,
	`html` text NOT NULL,
	`plain_text` text NOT NULL,
	`content_hash` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `document`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_version_number_unique` ON `document_version` (`document_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `document_version_name_unique` ON `document_version` (`document_id`,`name_key`);--> statement-breakpoint
CREATE TABLE `member_visit` (
	`user_id` text PRIMARY KEY NOT NULL,
	`last_seen_at` integer NOT NULL,
	`previous_visit_ended_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TRIGGER `document_version_immutable` BEFORE UPDATE OF `id`, `document_id`, `number`, `name`, `name_key`, `yjs_state`, `content`, `html`, `plain_text`, `content_hash`, `created_at` ON `document_version`
BEGIN
	SELECT RAISE(ABORT, 'document_version is immutable');
END;
