-- Issue #21: a cooperative's own product code (its SKU), so its registers match products by
-- GTIN or by that code. Optional, unique within the cooperative (NULLs are distinct in SQLite's
-- unique indexes, so products without one never clash).
ALTER TABLE `products` ADD `sku` text;--> statement-breakpoint
CREATE UNIQUE INDEX `products_cooperative_sku_unique` ON `products` (`cooperative_id`,`sku`);