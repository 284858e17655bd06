ALTER TABLE `document_activity` ADD `organisation_id` text REFERENCES organisation(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `event` ADD `own_group_boards_only` integer DEFAULT true NOT NULL;--> statement-breakpoint
-- hand-written: consensus entries written before this migration learn their body from the mark
-- written in the same transaction (same document, person and moment).
UPDATE `document_activity` SET `organisation_id` = (
	SELECT `organisation_id` FROM `passage_consensus`
	WHERE `passage_consensus`.`document_id` = `document_activity`.`document_id`
		AND `passage_consensus`.`user_id` = `document_activity`.`user_id`
		AND `passage_consensus`.`created_at` = `document_activity`.`started_at`
	LIMIT 1
) WHERE `kind` = 'consensus' AND `organisation_id` IS NULL;
