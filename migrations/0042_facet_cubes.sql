-- Issue #23: facet counts kept ahead of requests (src/server/search/facet-cube.ts). The cells are
-- derived from products, cooperatives and certifications and have no triggers: writing them does
-- not move the content version, and readers use them only at the version they were computed at.
CREATE TABLE `cooperative_facet_cells` (
	`province_code` text NOT NULL,
	`kind` text NOT NULL,
	`sector` text NOT NULL,
	`classification` text,
	`has_ocop` integer NOT NULL,
	`certification` text NOT NULL,
	`cooperatives` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `facet_cubes` (
	`cube` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`day` text NOT NULL,
	`computed_at` integer,
	`claimed_at` integer
);
--> statement-breakpoint
CREATE TABLE `product_facet_cells` (
	`province_code` text NOT NULL,
	`ocop_group` text NOT NULL,
	`ocop_stars` integer,
	`cooperative_kind` text NOT NULL,
	`export_ready` integer NOT NULL,
	`certification` text NOT NULL,
	`products` integer NOT NULL
);
--> statement-breakpoint
-- Stale from the start (no version is -1): the first reader or the cron computes them.
INSERT INTO `facet_cubes` (`cube`, `version`, `day`) VALUES ('products', -1, ''), ('cooperatives', -1, '');
