ALTER TABLE `adoption_publication` ADD `shows_sources` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `document_version` ADD `sources_snapshot` text;