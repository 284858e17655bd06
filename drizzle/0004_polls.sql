CREATE TABLE `poll_answer` (
	`id` text PRIMARY KEY NOT NULL,
	`question_id` text NOT NULL,
	`participant_id` text,
	`choices` text,
	`scale_value` integer,
	`text` text,
	`affiliation_organisation_id` text,
	`organisation_type` text,
	`hidden_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `poll_question`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`affiliation_organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `poll_answer_participant_unique` ON `poll_answer` (`question_id`,`participant_id`);--> statement-breakpoint
CREATE INDEX `poll_answer_question_idx` ON `poll_answer` (`question_id`);--> statement-breakpoint
CREATE TABLE `poll_question` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`type` text NOT NULL,
	`prompt` text NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`max_choices` integer,
	`scale_min` integer,
	`scale_max` integer,
	`scale_min_label` text,
	`scale_max_label` text,
	`allow_change` integer DEFAULT true NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`results_visible` integer DEFAULT false NOT NULL,
	`projected_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `poll_question_event_idx` ON `poll_question` (`event_id`,`sort_order`);