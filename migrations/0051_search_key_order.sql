-- Issue #23: a relevance-sorted search ranks a window of candidates, the first of each relevance
-- tier (src/server/search/list-query.ts, firstInTiers) read from the index in rowid order, which
-- was creation order: a tier's newest 200 hits, not its best. Ranking fewer of them ranked a
-- smaller, arbitrary part of a broad search; ranking 200 was most of "mat ong"'s time at 200,000
-- products (the window's rows are most of what D1 answers, and the worker spends a third of the
-- search reading them).
--
-- A product's search_key (its full-text rowid, migration 0045) now sorts the way the ranking rules
-- break ties between equal matches (src/server/search/ranking.ts, rankCandidates): verified OCOP
-- stars, then completeness (a photo, a price), then the most recently published. A tier read in
-- descending key order gives its best first, so a window of two pages ranks the right ones.
--
--   key = ((stars × 3 + has photo + has price) × 2^33 + published second) × 2^15 + slot
--
-- product_search_order says each product's `key_base` (the key without its slot) and the
-- `next_key` free in its range: one above the highest key of the range (a range holds the
-- products of one second and one rank; 32,768 of them before it would run into the next second's).
-- The largest key, 5 stars with a photo and a price published in the year 2242, is 18 × 2^48,
-- below 2^53: every key reads exactly as a JavaScript number.
--
-- A product keeps its key while its base stands. When its stars, photos, price or publication move
-- it to another base, products_fts_after_update gives it the next key of the new range and moves
-- its index entry there, in the same trigger that rewrites the entry for new text: one trigger, so
-- the order SQLite fires triggers in cannot leave an entry at a key no row has.
-- product_certificates follows the key (migration 0049's trigger, rewritten below to read the
-- row's key as it is now rather than as the statement set it, for the same reason).
--
-- Every key is given here once, in each range by the old key (the order of creation), and the
-- index and product_certificates are rebuilt with them, as 0045 and 0050 did.
CREATE VIEW `product_search_order` AS
	SELECT base.`product_rowid`, base.`key_base`,
		coalesce((SELECT k.`search_key` FROM `products` k WHERE k.`search_key` >= base.`key_base` AND k.`search_key` < base.`key_base` + 32768
			ORDER BY k.`search_key` DESC LIMIT 1), base.`key_base` - 1) + 1 AS `next_key`
	FROM (SELECT p.rowid AS `product_rowid`,
		((coalesce(p.`ocop_stars`, 0) * 3
			+ (CASE WHEN json_valid(p.`images`) THEN coalesce(json_type(p.`images`, '$[0]') = 'object', 0) ELSE 0 END)
			+ (p.`price_vnd` IS NOT NULL)) * 8589934592 + coalesce(p.`published_at`, 0) / 1000) * 32768 AS `key_base`
		FROM `products` p) base;--> statement-breakpoint
DROP TRIGGER `product_certificates_after_product_update`;--> statement-breakpoint
UPDATE `products` SET `search_key` = ordered.`key`
	FROM (SELECT o.`product_rowid`, o.`key_base` + row_number() OVER (PARTITION BY o.`key_base` ORDER BY p.`search_key`) - 1 AS `key`
		FROM `product_search_order` o JOIN `products` p ON p.rowid = o.`product_rowid`) ordered
	WHERE `products`.rowid = ordered.`product_rowid`;--> statement-breakpoint
-- The index is emptied first: rebuilding product_certificates fires the triggers that rewrite an
-- entry's tags, which then find no entry to rewrite.
DELETE FROM `products_fts`;--> statement-breakpoint
DELETE FROM `product_certificates`;--> statement-breakpoint
INSERT INTO `product_certificates` (`certification_id`, `search_key`, `kind`, `valid_from`, `valid_until`)
	SELECT cert.`id`, p.`search_key`, json_extract(cert.`last_verified`, '$.kind'), json_extract(cert.`last_verified`, '$.validFrom'), json_extract(cert.`last_verified`, '$.validUntil')
	FROM `certifications` cert JOIN `products` p ON p.`id` = cert.`product_id`
	WHERE cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked'
	UNION ALL
	SELECT cert.`id`, p.`search_key`, json_extract(cert.`last_verified`, '$.kind'), json_extract(cert.`last_verified`, '$.validFrom'), json_extract(cert.`last_verified`, '$.validUntil')
	FROM `certifications` cert JOIN `products` p ON p.`cooperative_id` = cert.`cooperative_id`
	WHERE cert.`product_id` IS NULL AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked';--> statement-breakpoint
INSERT INTO `products_fts` (`rowid`, `product_id`, `search_name`, `search_body`, `search_tags`)
	SELECT p.`search_key`, p.`id`, p.`search_name`, p.`search_body`, t.`tags`
	FROM `products` p JOIN `product_search_tags` t ON t.`search_key` = p.`search_key`;--> statement-breakpoint
INSERT INTO `products_fts` (`products_fts`) VALUES ('optimize');--> statement-breakpoint
-- The certificates a product holds, under its key as it is now (`cur`), which another trigger of
-- the same statement may already have moved.
CREATE TRIGGER `product_certificates_after_product_update` AFTER UPDATE OF `search_key`, `cooperative_id` ON `products`
	WHEN old.`search_key` IS NOT new.`search_key` OR old.`cooperative_id` IS NOT new.`cooperative_id` BEGIN
	DELETE FROM `product_certificates` WHERE `search_key` IN (old.`search_key`, (SELECT `search_key` FROM `products` WHERE rowid = new.rowid));
	INSERT OR IGNORE INTO `product_certificates` (`certification_id`, `search_key`, `kind`, `valid_from`, `valid_until`)
		SELECT cert.`id`, cur.`search_key`, json_extract(cert.`last_verified`, '$.kind'), json_extract(cert.`last_verified`, '$.validFrom'), json_extract(cert.`last_verified`, '$.validUntil')
		FROM `products` cur JOIN `certifications` cert ON cert.`product_id` = cur.`id`
		WHERE cur.rowid = new.rowid AND cur.`search_key` IS NOT NULL
			AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked'
		UNION ALL
		SELECT cert.`id`, cur.`search_key`, json_extract(cert.`last_verified`, '$.kind'), json_extract(cert.`last_verified`, '$.validFrom'), json_extract(cert.`last_verified`, '$.validUntil')
		FROM `products` cur JOIN `certifications` cert ON cert.`cooperative_id` = cur.`cooperative_id` AND cert.`product_id` IS NULL
		WHERE cur.rowid = new.rowid AND cur.`search_key` IS NOT NULL
			AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked';
END;--> statement-breakpoint
DROP TRIGGER `products_fts_after_insert`;--> statement-breakpoint
-- Setting the key fires product_certificates_after_product_update, which lists the certificates the
-- new row holds (its cooperative's, say); the entry is written after, with the tags they give.
CREATE TRIGGER `products_fts_after_insert` AFTER INSERT ON `products` BEGIN
	UPDATE `products` SET `search_key` = (SELECT `next_key` FROM `product_search_order` WHERE `product_rowid` = new.rowid)
		WHERE rowid = new.rowid;
	INSERT INTO `products_fts` (`rowid`, `product_id`, `search_name`, `search_body`, `search_tags`)
		SELECT p.`search_key`, p.`id`, p.`search_name`, p.`search_body`, t.`tags`
		FROM `products` p JOIN `product_search_tags` t ON t.`search_key` = p.`search_key`
		WHERE p.rowid = new.rowid;
END;--> statement-breakpoint
DROP TRIGGER `products_fts_after_update`;--> statement-breakpoint
-- New text, or a new place in the order: the key moves when its base does, then the entry is
-- written again under the key the row has now, from the row and its tags.
CREATE TRIGGER `products_fts_after_update` AFTER UPDATE OF `search_name`, `search_body`, `ocop_stars`, `images`, `price_vnd`, `published_at` ON `products`
	WHEN old.`search_name` IS NOT new.`search_name` OR old.`search_body` IS NOT new.`search_body`
		OR new.`search_key` / 32768 IS NOT (SELECT `key_base` FROM `product_search_order` WHERE `product_rowid` = new.rowid) / 32768 BEGIN
	UPDATE `products` SET `search_key` = (SELECT `next_key` FROM `product_search_order` WHERE `product_rowid` = new.rowid)
		WHERE rowid = new.rowid
			AND `search_key` / 32768 IS NOT (SELECT `key_base` FROM `product_search_order` WHERE `product_rowid` = new.rowid) / 32768;
	DELETE FROM `products_fts` WHERE rowid IN (old.`search_key`, (SELECT `search_key` FROM `products` WHERE rowid = new.rowid));
	INSERT INTO `products_fts` (`rowid`, `product_id`, `search_name`, `search_body`, `search_tags`)
		SELECT p.`search_key`, p.`id`, p.`search_name`, p.`search_body`, t.`tags`
		FROM `products` p JOIN `product_search_tags` t ON t.`search_key` = p.`search_key`
		WHERE p.rowid = new.rowid;
END;
