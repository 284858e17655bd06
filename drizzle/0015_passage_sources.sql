CREATE TABLE `document_source_event` (
	`document_id` text NOT NULL,
	`event_id` text NOT NULL,
	`added_by` text,
	`added_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`document_id`, `event_id`),
	FOREIGN KEY (`document_id`) REFERENCES `document`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`added_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `document_source_event_event_idx` ON `document_source_event` (`event_id`);--> statement-breakpoint
CREATE TABLE `passage_source` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL,
	`block_id` text NOT NULL,
	`kind` text NOT NULL,
	`card_id` text,
	`question_id` text,
	`option_index` integer,
	`answer_id` text,
	`target` text GENERATED ALWAYS AS (coalesce(card_id, answer_id, question_id || ':' || option_index)) VIRTUAL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`removed_at` integer,
	`removed_by` text,
	FOREIGN KEY (`document_id`) REFERENCES `document`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`card_id`) REFERENCES `card`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`question_id`) REFERENCES `poll_question`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`answer_id`) REFERENCES `poll_answer`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`removed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "passage_source_target_of_kind" CHECK(("passage_source"."kind" = 'card' and "passage_source"."card_id" is not null and "passage_source"."question_id" is null and "passage_source"."option_index" is null and "passage_source"."answer_id" is null)
			or ("passage_source"."kind" = 'poll-option' and "passage_source"."card_id" is null and "passage_source"."question_id" is not null and "passage_source"."option_index" is not null and "passage_source"."answer_id" is null)
			or ("passage_source"."kind" = 'poll-answer' and "passage_source"."card_id" is null and "passage_source"."question_id" is null and "passage_source"."option_index" is null and "passage_source"."answer_id" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `passage_source_active_unique` ON `passage_source` (`document_id`,`block_id`,`kind`,`target`) WHERE "passage_source"."removed_at" is null;--> statement-breakpoint
CREATE INDEX `passage_source_card_idx` ON `passage_source` (`card_id`);--> statement-breakpoint
CREATE INDEX `passage_source_question_idx` ON `passage_source` (`question_id`);--> statement-breakpoint
CREATE INDEX `passage_source_answer_idx` ON `passage_source` (`answer_id`);