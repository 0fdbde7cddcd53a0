-- Full-text search over products and cooperatives (FTS5).
-- The indexed text is folded in the application (src/server/search/fold.ts:
-- no tone marks, đ -> d, lower case) and stored in search_name/search_body;
-- these triggers copy it into the index in the same statement as the write,
-- so the index can never disagree with the rows. Names have their own column
-- so that name matches can rank above description matches.
CREATE VIRTUAL TABLE `products_fts` USING fts5(
	`product_id` UNINDEXED,
	`search_name`,
	`search_body`,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `products_fts_after_insert` AFTER INSERT ON `products` BEGIN
	INSERT INTO `products_fts` (`product_id`, `search_name`, `search_body`) VALUES (new.`id`, new.`search_name`, new.`search_body`);
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_after_update` AFTER UPDATE OF `search_name`, `search_body` ON `products` BEGIN
	DELETE FROM `products_fts` WHERE `product_id` = old.`id`;
	INSERT INTO `products_fts` (`product_id`, `search_name`, `search_body`) VALUES (new.`id`, new.`search_name`, new.`search_body`);
END;
--> statement-breakpoint
CREATE TRIGGER `products_fts_after_delete` AFTER DELETE ON `products` BEGIN
	DELETE FROM `products_fts` WHERE `product_id` = old.`id`;
END;
--> statement-breakpoint
INSERT INTO `products_fts` (`product_id`, `search_name`, `search_body`) SELECT `id`, `search_name`, `search_body` FROM `products`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `cooperatives_fts` USING fts5(
	`cooperative_id` UNINDEXED,
	`search_name`,
	`search_body`,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `cooperatives_fts_after_insert` AFTER INSERT ON `cooperatives` BEGIN
	INSERT INTO `cooperatives_fts` (`cooperative_id`, `search_name`, `search_body`) VALUES (new.`id`, new.`search_name`, new.`search_body`);
END;
--> statement-breakpoint
CREATE TRIGGER `cooperatives_fts_after_update` AFTER UPDATE OF `search_name`, `search_body` ON `cooperatives` BEGIN
	DELETE FROM `cooperatives_fts` WHERE `cooperative_id` = old.`id`;
	INSERT INTO `cooperatives_fts` (`cooperative_id`, `search_name`, `search_body`) VALUES (new.`id`, new.`search_name`, new.`search_body`);
END;
--> statement-breakpoint
CREATE TRIGGER `cooperatives_fts_after_delete` AFTER DELETE ON `cooperatives` BEGIN
	DELETE FROM `cooperatives_fts` WHERE `cooperative_id` = old.`id`;
END;
--> statement-breakpoint
INSERT INTO `cooperatives_fts` (`cooperative_id`, `search_name`, `search_body`) SELECT `id`, `search_name`, `search_body` FROM `cooperatives`;
