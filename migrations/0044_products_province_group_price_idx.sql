-- Issue #23: a province and an OCOP group sorted by price walked products_price_idx over every
-- published product, checking province and group per row (2,085 rows read for a page at 200,000
-- products). With the price after (province, group, status) the page is one range of this
-- index, in price order; lists of the pair in other orders read the same prefix as before.
DROP INDEX `products_province_group_idx`;--> statement-breakpoint
CREATE INDEX `products_province_group_idx` ON `products` (`province_code`,`ocop_group`,`status`,`price_vnd`);