CREATE TABLE `trusted_join_address` (
	`address` text NOT NULL,
	`join_code` text NOT NULL,
	`last_reached_at` integer NOT NULL,
	PRIMARY KEY(`address`, `join_code`)
);
