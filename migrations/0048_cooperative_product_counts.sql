-- Issue #23: "most products first" (a province page's cooperatives, the directory's "products"
-- sort) counted every cooperative's published products to rank them: 10,000 index entries for
-- Bắc Ninh's 1,470 cooperatives at national scale, all 50,000 for the directory. Each cooperative
-- now keeps the count, and a page of that order is a range of an index.
--
-- The triggers add and take away one, by the cooperative's key: nothing else reads products, so a
-- bulk load (scripts/lib/bulk-load.ts), which drops the products' secondary indexes, pays one
-- primary-key update per published row. Every write of products goes through them, in the same
-- statement, so the count cannot drift (tests/api/cooperative-product-counts.test.ts).
ALTER TABLE `cooperatives` ADD `published_products` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `cooperatives` SET `published_products` = (SELECT count(*) FROM `products` p
	WHERE p.`status` = 'published' AND p.`cooperative_id` = `cooperatives`.`id`);--> statement-breakpoint
CREATE INDEX `cooperatives_province_products_idx` ON `cooperatives` (`province_code`,`status`,"published_products" DESC,`search_name`,`id`);--> statement-breakpoint
CREATE INDEX `cooperatives_status_products_idx` ON `cooperatives` (`status`,"published_products" DESC,`search_name`,`id`);--> statement-breakpoint
CREATE TRIGGER `products_published_count_after_insert` AFTER INSERT ON `products` WHEN new.`status` = 'published' BEGIN
	UPDATE `cooperatives` SET `published_products` = `published_products` + 1 WHERE `id` = new.`cooperative_id`;
END;--> statement-breakpoint
CREATE TRIGGER `products_published_count_after_update` AFTER UPDATE OF `status`, `cooperative_id` ON `products`
	WHEN (old.`status` = 'published') <> (new.`status` = 'published') OR old.`cooperative_id` <> new.`cooperative_id` BEGIN
	UPDATE `cooperatives` SET `published_products` = `published_products` - 1
		WHERE `id` = old.`cooperative_id` AND old.`status` = 'published';
	UPDATE `cooperatives` SET `published_products` = `published_products` + 1
		WHERE `id` = new.`cooperative_id` AND new.`status` = 'published';
END;--> statement-breakpoint
CREATE TRIGGER `products_published_count_after_delete` AFTER DELETE ON `products` WHEN old.`status` = 'published' BEGIN
	UPDATE `cooperatives` SET `published_products` = `published_products` - 1 WHERE `id` = old.`cooperative_id`;
END;
