-- Issue #23: a list page beyond the first walks its order's index past every row of the earlier
-- pages (OFFSET). Page 20 of the product list read 456 products, each with its cooperative and
-- province rows, and sorted each publication date's ties by id (2,573 rows read at 200,000
-- products). The lists now find a page's ids first and join the card columns for those alone
-- (src/server/products/product-list.ts, src/server/cooperatives/directory.ts); these indexes end
-- with what that needs, in the list's exact order, so the rows skipped are index entries only:
-- the product list's newest first (date descending, then id, with the cooperative whose status
-- is checked), the directory by name (then id), nationally and in a province. A province's
-- index ends with each product's cooperative: a province page counts the published products of
-- active cooperatives, as the list it links to does, from index entries alone when the facet
-- cube is not current (src/server/provinces/summaries.ts; 15 -> 2 ms for Bắc Ninh's 5,685).
DROP INDEX `cooperatives_province_idx`;--> statement-breakpoint
DROP INDEX `cooperatives_status_name_idx`;--> statement-breakpoint
CREATE INDEX `cooperatives_province_idx` ON `cooperatives` (`province_code`,`status`,`search_name`,`id`);--> statement-breakpoint
CREATE INDEX `cooperatives_status_name_idx` ON `cooperatives` (`status`,`search_name`,`id`);--> statement-breakpoint
DROP INDEX `products_status_published_idx`;--> statement-breakpoint
CREATE INDEX `products_status_published_idx` ON `products` (`status`,"published_at" DESC,`id`,`cooperative_id`);--> statement-breakpoint
DROP INDEX `products_province_idx`;--> statement-breakpoint
CREATE INDEX `products_province_idx` ON `products` (`province_code`,`status`,`ocop_stars`,`published_at`,`cooperative_id`);
