-- Issue #23: the slugs that products, cooperatives and events had before a rename, so their
-- old addresses answer 301 to the current one (src/server/slug-history). Keyed by kind and slug;
-- the record id (not the next slug) is kept, so a record renamed twice is one hop away.
CREATE TABLE `slug_history` (
	`kind` text NOT NULL,
	`slug` text NOT NULL,
	`record_id` text NOT NULL,
	`replaced_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `slug`)
);
