-- Issue #23: a search filtered by certification ("ca phe" + VietGAP) joined every full-text hit of
-- its words to its product, its cooperative and product_certificates to keep the certified ones:
-- 9,276 hits for 881 results at 200,000 products, three seeks each, in the window and again in the
-- count. And a broad search joined 1,001 hits only to say "more than 1,000 results".
--
-- products_fts now holds, beside the words, a column of tags: `0<kind>` for each kind of certificate
-- the product holds (a row of product_certificates, migrations/0049: verified, not revoked, whatever
-- its dates), and `0hidden` when the product is not public (not published, or its cooperative not
-- active). A certified search matches its words and its kinds in the index ("ca phe" AND
-- "0vietgap": 1,282 hits), so only those rows are joined, where the dates of a certificate, which
-- change with the day, are tested. A search's count reads the index alone ("mat ong" NOT "0hidden")
-- up to the cap before any row is joined. Not public is the tag, not public: a few rows hold it,
-- and FTS5 steps through a long list of rows (every public product) far slower than it leaves out
-- a short one (2 ms more for "ca phe" with "0public"). Words are matched in search_name and
-- search_body only (src/server/search/list-query.ts, ftsQuery), never in the tags; a tag begins with
-- a digit so that no word a person types is one, and did-you-mean leaves them out of the index's
-- vocabulary (src/server/search/index-tags.ts).
--
-- Every row has exactly eight tags, the empty places filled with `0`: bm25 counts every column in a
-- row's length, and a certified row one or two words longer than the others would have ranked
-- below them among equals on deeper pages (at 200,000 products, 11 of the first 2,000 of "mat ong"
-- kept their place with tags of varying length; all 2,000 do with the same number in every row).
-- Eight is one place for being hidden and one for each of the seven kinds of certificate
-- (src/server/products/vocabulary.ts).
--
-- product_search_tags says each row's tags from the tables; triggers write them to the index when
-- they change: a row of product_certificates added or removed (its own triggers follow every
-- certificate and product), a product's status or cooperative, its cooperative's status. The index
-- is rebuilt here with them and merged ('optimize'), as migration 0045 did. A bulk load keeps these
-- triggers: it builds product_certificates after loading (src/server/db/seeding.ts), which tags
-- the index as it goes.
CREATE VIEW `product_search_tags` AS
	SELECT p.`search_key` AS `search_key`,
		(CASE WHEN p.`status` = 'published' AND c.`status` = 'active' THEN '0' ELSE '0hidden' END)
		|| coalesce((SELECT group_concat(' 0' || replace(`kind`, '_', ''), '')
				FROM (SELECT DISTINCT `kind` FROM `product_certificates` held WHERE held.`search_key` = p.`search_key`)), '')
		|| substr(' 0 0 0 0 0 0 0', 1, 2 * (7 - (SELECT count(DISTINCT `kind`) FROM `product_certificates` held
			WHERE held.`search_key` = p.`search_key`))) AS `tags`
	FROM `products` p JOIN `cooperatives` c ON c.`id` = p.`cooperative_id`
	WHERE p.`search_key` IS NOT NULL;--> statement-breakpoint
DROP TABLE `products_fts_vocab`;--> statement-breakpoint
DROP TABLE `products_fts`;--> statement-breakpoint
CREATE VIRTUAL TABLE `products_fts` USING fts5(
	`product_id` UNINDEXED,
	`search_name`,
	`search_body`,
	`search_tags`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);--> statement-breakpoint
INSERT INTO `products_fts` (`rowid`, `product_id`, `search_name`, `search_body`, `search_tags`)
	SELECT p.`search_key`, p.`id`, p.`search_name`, p.`search_body`, t.`tags`
	FROM `products` p JOIN `product_search_tags` t ON t.`search_key` = p.`search_key`;--> statement-breakpoint
INSERT INTO `products_fts` (`products_fts`) VALUES ('optimize');--> statement-breakpoint
CREATE VIRTUAL TABLE `products_fts_vocab` USING fts5vocab(`products_fts`, 'row');--> statement-breakpoint
DROP TRIGGER `products_fts_after_insert`;--> statement-breakpoint
-- A new row's key is new, so product_certificates holds nothing for it yet (its rows come when the
-- key is set, below, and tag the row themselves): whether it is hidden, and seven empty places.
CREATE TRIGGER `products_fts_after_insert` AFTER INSERT ON `products` BEGIN
	INSERT INTO `products_fts` (`rowid`, `product_id`, `search_name`, `search_body`, `search_tags`)
		VALUES (coalesce((SELECT `rowid` FROM `products_fts` ORDER BY `rowid` DESC LIMIT 1), 0) + 1, new.`id`, new.`search_name`, new.`search_body`,
			(CASE WHEN new.`status` = 'published' AND (SELECT `status` FROM `cooperatives` WHERE `id` = new.`cooperative_id`) = 'active'
				THEN '0' ELSE '0hidden' END) || ' 0 0 0 0 0 0 0');
	UPDATE `products` SET `search_key` = (SELECT `rowid` FROM `products_fts` ORDER BY `rowid` DESC LIMIT 1)
		WHERE rowid = new.rowid;
END;--> statement-breakpoint
DROP TRIGGER `products_fts_after_update`;--> statement-breakpoint
CREATE TRIGGER `products_fts_after_update` AFTER UPDATE OF `search_name`, `search_body` ON `products` BEGIN
	DELETE FROM `products_fts` WHERE rowid = old.`search_key`;
	INSERT INTO `products_fts` (`rowid`, `product_id`, `search_name`, `search_body`, `search_tags`)
		VALUES (new.`search_key`, new.`id`, new.`search_name`, new.`search_body`,
			(SELECT `tags` FROM `product_search_tags` WHERE `search_key` = new.`search_key`));
END;--> statement-breakpoint
CREATE TRIGGER `products_search_tags_after_product_update` AFTER UPDATE OF `status`, `cooperative_id` ON `products`
	WHEN old.`status` IS NOT new.`status` OR old.`cooperative_id` IS NOT new.`cooperative_id` BEGIN
	UPDATE `products_fts` SET `search_tags` = (SELECT `tags` FROM `product_search_tags` WHERE `search_key` = new.`search_key`)
		WHERE rowid = new.`search_key`;
END;--> statement-breakpoint
CREATE TRIGGER `products_search_tags_after_cooperative_update` AFTER UPDATE OF `status` ON `cooperatives`
	WHEN old.`status` IS NOT new.`status` BEGIN
	UPDATE `products_fts` SET `search_tags` = (SELECT `tags` FROM `product_search_tags` t WHERE t.`search_key` = `products_fts`.rowid)
		WHERE rowid IN (SELECT `search_key` FROM `products` WHERE `cooperative_id` = new.`id`);
END;--> statement-breakpoint
CREATE TRIGGER `products_search_tags_after_certificate_insert` AFTER INSERT ON `product_certificates` BEGIN
	UPDATE `products_fts` SET `search_tags` = (SELECT `tags` FROM `product_search_tags` WHERE `search_key` = new.`search_key`)
		WHERE rowid = new.`search_key`;
END;--> statement-breakpoint
CREATE TRIGGER `products_search_tags_after_certificate_delete` AFTER DELETE ON `product_certificates` BEGIN
	UPDATE `products_fts` SET `search_tags` = (SELECT `tags` FROM `product_search_tags` WHERE `search_key` = old.`search_key`)
		WHERE rowid = old.`search_key`;
END;
