CREATE TABLE `passage_consensus` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`block_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`state` text NOT NULL,
	`note` text,
	`text_hash` text NOT NULL,
	`user_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `document`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `passage_consensus_document_idx` ON `passage_consensus` (`document_id`,`block_id`,`organisation_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `annotation` ADD `proposed_text` text;--> statement-breakpoint
ALTER TABLE `annotation` ADD `organisation_id` text REFERENCES organisation(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `annotation` ADD `reason` text;--> statement-breakpoint
ALTER TABLE `annotation` ADD `updated_at` integer;--> statement-breakpoint
ALTER TABLE `annotation` ADD `applied_start` text;--> statement-breakpoint
ALTER TABLE `annotation` ADD `applied_end` text;--> statement-breakpoint
ALTER TABLE `annotation` ADD `replaced_delta` text;--> statement-breakpoint
ALTER TABLE `document` ADD `viewers_may_propose` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `document_version` ADD `proposals_snapshot` text;--> statement-breakpoint
ALTER TABLE `document_version` ADD `consensus_snapshot` text;;--> statement-breakpoint
CREATE TRIGGER `document_version_snapshots_immutable` BEFORE UPDATE OF `proposals_snapshot`, `consensus_snapshot` ON `document_version`
BEGIN
	SELECT RAISE(ABORT, 'document_version is immutable');
END;--> statement-breakpoint
CREATE TRIGGER `passage_consensus_immutable` BEFORE UPDATE OF `id`, `document_id`, `block_id`, `organisation_id`, `state`, `note`, `text_hash`, `created_at` ON `passage_consensus`
BEGIN
	SELECT RAISE(ABORT, 'passage_consensus is append-only');
END;
