CREATE TABLE `adoption_plan` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`stage` text NOT NULL,
	`planned_on` text,
	`body_name` text DEFAULT '' NOT NULL,
	`recorded_by` text,
	`recorded_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `document`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `adoption_plan_body_idx` ON `adoption_plan` (`document_id`,`organisation_id`,`id`);--> statement-breakpoint
CREATE TABLE `adoption_publication` (
	`document_id` text PRIMARY KEY NOT NULL,
	`published_by` text,
	`published_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `document`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`published_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `adoption_step` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`document_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`stage` text NOT NULL,
	`version_id` text NOT NULL,
	`decided_on` text NOT NULL,
	`body_name` text NOT NULL,
	`paper_number` text,
	`paper_url` text,
	`note` text DEFAULT '' NOT NULL,
	`resolution_file` text,
	`resolution_file_name` text,
	`corrects_step_id` integer,
	`recorded_by` text,
	`recorded_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `document`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `document_version`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `adoption_step_body_idx` ON `adoption_step` (`document_id`,`organisation_id`,`id`);--> statement-breakpoint
CREATE TRIGGER `adoption_step_immutable` BEFORE UPDATE OF `id`, `document_id`, `organisation_id`, `stage`, `version_id`, `decided_on`, `body_name`, `paper_number`, `paper_url`, `note`, `resolution_file`, `resolution_file_name`, `corrects_step_id`, `recorded_at` ON `adoption_step`
BEGIN
	SELECT RAISE(ABORT, 'adoption_step is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `adoption_step_undeletable` BEFORE DELETE ON `adoption_step`
WHEN EXISTS (SELECT 1 FROM `document` WHERE `id` = OLD.`document_id`)
	AND EXISTS (SELECT 1 FROM `organisation` WHERE `id` = OLD.`organisation_id`)
BEGIN
	SELECT RAISE(ABORT, 'adoption_step is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `adoption_plan_immutable` BEFORE UPDATE OF `id`, `document_id`, `organisation_id`, `stage`, `planned_on`, `body_name`, `recorded_at` ON `adoption_plan`
BEGIN
	SELECT RAISE(ABORT, 'adoption_plan is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `adoption_plan_undeletable` BEFORE DELETE ON `adoption_plan`
WHEN EXISTS (SELECT 1 FROM `document` WHERE `id` = OLD.`document_id`)
	AND EXISTS (SELECT 1 FROM `organisation` WHERE `id` = OLD.`organisation_id`)
BEGIN
	SELECT RAISE(ABORT, 'adoption_plan is append-only');
END;
