-- A cooperative is found by what it makes: its published products' names (both languages, folded,
-- as products.search_name holds them) are part of its full-text row, after its own text. A buyer
-- who searched the directory for "mật ong" found 1 of the demo's 7 honey cooperatives ("HTX Nuôi
-- ong U Minh" says bees, not honey), and "honey" or "tea" none at all: a cooperative's own text is
-- Vietnamese, its products have English names. The words sit in search_body, so a cooperative whose
-- own name holds them still ranks first (list-query.ts, searchTiers).
--
-- The row is rewritten when the cooperative's text changes (the trigger below, as before, now with
-- the products' names) and when a product's name, status or cooperative does, for the cooperative
-- it leaves and the one it joins: one seek in products_cooperative_idx and a few names a write.
DROP TRIGGER `cooperatives_fts_after_update`;--> statement-breakpoint
CREATE TRIGGER `cooperatives_fts_after_update` AFTER UPDATE OF `search_name`, `search_body` ON `cooperatives` BEGIN
	DELETE FROM `cooperatives_fts` WHERE rowid = old.`search_key`;
	INSERT INTO `cooperatives_fts` (`rowid`, `cooperative_id`, `search_name`, `search_body`)
		VALUES (new.`search_key`, new.`id`, new.`search_name`, new.`search_body` || coalesce(' ' || (SELECT group_concat(p.`search_name`, ' ')
			FROM `products` p WHERE p.`cooperative_id` = new.`id` AND p.`status` = 'published'), ''));
END;--> statement-breakpoint
CREATE TRIGGER `cooperatives_fts_after_product_insert` AFTER INSERT ON `products` WHEN new.`status` = 'published' BEGIN
	DELETE FROM `cooperatives_fts` WHERE rowid = (SELECT `search_key` FROM `cooperatives` WHERE `id` = new.`cooperative_id`);
	INSERT INTO `cooperatives_fts` (`rowid`, `cooperative_id`, `search_name`, `search_body`)
		SELECT c.`search_key`, c.`id`, c.`search_name`, c.`search_body` || coalesce(' ' || (SELECT group_concat(p.`search_name`, ' ')
			FROM `products` p WHERE p.`cooperative_id` = c.`id` AND p.`status` = 'published'), '')
		FROM `cooperatives` c WHERE c.`id` = new.`cooperative_id`;
END;--> statement-breakpoint
CREATE TRIGGER `cooperatives_fts_after_product_update` AFTER UPDATE OF `search_name`, `status`, `cooperative_id` ON `products`
	WHEN (old.`status` = 'published' OR new.`status` = 'published')
		AND (old.`search_name` IS NOT new.`search_name` OR old.`status` IS NOT new.`status` OR old.`cooperative_id` IS NOT new.`cooperative_id`) BEGIN
	DELETE FROM `cooperatives_fts` WHERE rowid IN (SELECT `search_key` FROM `cooperatives` WHERE `id` IN (old.`cooperative_id`, new.`cooperative_id`));
	INSERT INTO `cooperatives_fts` (`rowid`, `cooperative_id`, `search_name`, `search_body`)
		SELECT c.`search_key`, c.`id`, c.`search_name`, c.`search_body` || coalesce(' ' || (SELECT group_concat(p.`search_name`, ' ')
			FROM `products` p WHERE p.`cooperative_id` = c.`id` AND p.`status` = 'published'), '')
		FROM `cooperatives` c WHERE c.`id` IN (old.`cooperative_id`, new.`cooperative_id`);
END;--> statement-breakpoint
CREATE TRIGGER `cooperatives_fts_after_product_delete` AFTER DELETE ON `products` WHEN old.`status` = 'published' BEGIN
	DELETE FROM `cooperatives_fts` WHERE rowid = (SELECT `search_key` FROM `cooperatives` WHERE `id` = old.`cooperative_id`);
	INSERT INTO `cooperatives_fts` (`rowid`, `cooperative_id`, `search_name`, `search_body`)
		SELECT c.`search_key`, c.`id`, c.`search_name`, c.`search_body` || coalesce(' ' || (SELECT group_concat(p.`search_name`, ' ')
			FROM `products` p WHERE p.`cooperative_id` = c.`id` AND p.`status` = 'published'), '')
		FROM `cooperatives` c WHERE c.`id` = old.`cooperative_id`;
END;--> statement-breakpoint
DELETE FROM `cooperatives_fts`;--> statement-breakpoint
INSERT INTO `cooperatives_fts` (`rowid`, `cooperative_id`, `search_name`, `search_body`)
	SELECT c.`search_key`, c.`id`, c.`search_name`, c.`search_body` || coalesce(' ' || (SELECT group_concat(p.`search_name`, ' ')
		FROM `products` p WHERE p.`cooperative_id` = c.`id` AND p.`status` = 'published'), '')
	FROM `cooperatives` c;--> statement-breakpoint
INSERT INTO `cooperatives_fts` (`cooperatives_fts`) VALUES ('optimize');
