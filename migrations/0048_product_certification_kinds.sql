-- Issue #23: a search filtered by certification ("ca phe" + VietGAP) checked, for every full-text
-- hit, a verified certificate of the kind valid today, of the product or of its whole cooperative:
-- two index probes and a join per hit, for the 9,276 hits of "ca phe" of which 881 hold a valid
-- VietGAP certificate (200,000 products). product_certification_kinds lists, by each product's
-- search_key (its full-text rowid), the kinds it holds: a certificate of its own or of its whole
-- cooperative whose verified version is not revoked, whatever its dates (validity changes with the
-- day, so the list's own check of it stays). A hit that holds none of the kinds asked is dropped
-- with one probe, before its row is read (src/server/products/product-list.ts): 1,282 hits are left.
-- The kinds could have been words of products_fts, matched with the search's words, but bm25 counts
-- every column of a row in its length: deeper pages of every search would have ranked differently.
--
-- The triggers keep the table exactly the set above through every write that can change it: a
-- certificate added, verified (last_verified), edited and re-verified to another kind, revoked
-- (revoked_at, verification), moved or deleted; a product added (its search_key is set by
-- products_fts_after_insert), moved to another cooperative or deleted. A bulk load drops them and
-- builds the table once after it (src/server/db/seeding.ts, rebuildProductCertificationKinds).
CREATE TABLE `product_certification_kinds` (
	`search_key` integer NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`search_key`, `kind`)
);--> statement-breakpoint
INSERT OR IGNORE INTO `product_certification_kinds` (`search_key`, `kind`)
	SELECT p.`search_key`, json_extract(cert.`last_verified`, '$.kind') FROM `certifications` cert
		JOIN `products` p ON p.`id` = cert.`product_id`
	WHERE p.`search_key` IS NOT NULL AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked'
	UNION ALL
	SELECT p.`search_key`, json_extract(cert.`last_verified`, '$.kind') FROM `certifications` cert
		JOIN `products` p ON p.`cooperative_id` = cert.`cooperative_id`
	WHERE cert.`product_id` IS NULL AND p.`search_key` IS NOT NULL AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked';--> statement-breakpoint
CREATE TRIGGER `product_certification_kinds_after_product_update` AFTER UPDATE OF `search_key`, `cooperative_id` ON `products`
	WHEN old.`search_key` IS NOT new.`search_key` OR old.`cooperative_id` IS NOT new.`cooperative_id` BEGIN
	DELETE FROM `product_certification_kinds` WHERE `search_key` = old.`search_key`;
	INSERT OR IGNORE INTO `product_certification_kinds` (`search_key`, `kind`)
		SELECT new.`search_key`, json_extract(cert.`last_verified`, '$.kind') FROM `certifications` cert
		WHERE new.`search_key` IS NOT NULL AND cert.`product_id` = new.`id` AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked'
		UNION ALL
		SELECT new.`search_key`, json_extract(cert.`last_verified`, '$.kind') FROM `certifications` cert
		WHERE new.`search_key` IS NOT NULL AND cert.`cooperative_id` = new.`cooperative_id` AND cert.`product_id` IS NULL
			AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked';
END;--> statement-breakpoint
CREATE TRIGGER `product_certification_kinds_after_product_delete` AFTER DELETE ON `products` BEGIN
	DELETE FROM `product_certification_kinds` WHERE `search_key` = old.`search_key`;
END;--> statement-breakpoint
CREATE TRIGGER `product_certification_kinds_after_certificate_insert` AFTER INSERT ON `certifications`
	WHEN new.`last_verified` IS NOT NULL AND new.`revoked_at` IS NULL AND new.`verification` <> 'revoked' BEGIN
	INSERT OR IGNORE INTO `product_certification_kinds` (`search_key`, `kind`)
		SELECT `search_key`, json_extract(new.`last_verified`, '$.kind') FROM (SELECT `id`, `cooperative_id`, `search_key` FROM `products` WHERE `id` = new.`product_id`
			UNION ALL SELECT `id`, `cooperative_id`, `search_key` FROM `products`
			WHERE new.`product_id` IS NULL AND `cooperative_id` = new.`cooperative_id`)
		WHERE `search_key` IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER `product_certification_kinds_after_certificate_update` AFTER UPDATE ON `certifications`
	WHEN (CASE WHEN old.`last_verified` IS NOT NULL AND old.`revoked_at` IS NULL AND old.`verification` <> 'revoked' THEN json_extract(old.`last_verified`, '$.kind') END) IS NOT (CASE WHEN new.`last_verified` IS NOT NULL AND new.`revoked_at` IS NULL AND new.`verification` <> 'revoked' THEN json_extract(new.`last_verified`, '$.kind') END)
		OR old.`product_id` IS NOT new.`product_id` OR old.`cooperative_id` IS NOT new.`cooperative_id` BEGIN
	DELETE FROM `product_certification_kinds` WHERE `search_key` IN (SELECT `search_key` FROM (SELECT `id`, `cooperative_id`, `search_key` FROM `products` WHERE `id` = old.`product_id`
			UNION ALL SELECT `id`, `cooperative_id`, `search_key` FROM `products`
			WHERE old.`product_id` IS NULL AND `cooperative_id` = old.`cooperative_id`));
	INSERT OR IGNORE INTO `product_certification_kinds` (`search_key`, `kind`)
		SELECT t.`search_key`, json_extract(cert.`last_verified`, '$.kind') FROM (SELECT `id`, `cooperative_id`, `search_key` FROM `products` WHERE `id` = old.`product_id`
			UNION ALL SELECT `id`, `cooperative_id`, `search_key` FROM `products`
			WHERE old.`product_id` IS NULL AND `cooperative_id` = old.`cooperative_id`) t
			JOIN `certifications` cert ON cert.`product_id` = t.`id`
		WHERE t.`search_key` IS NOT NULL AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked'
		UNION ALL
		SELECT t.`search_key`, json_extract(cert.`last_verified`, '$.kind') FROM (SELECT `id`, `cooperative_id`, `search_key` FROM `products` WHERE `id` = old.`product_id`
			UNION ALL SELECT `id`, `cooperative_id`, `search_key` FROM `products`
			WHERE old.`product_id` IS NULL AND `cooperative_id` = old.`cooperative_id`) t
			JOIN `certifications` cert ON cert.`cooperative_id` = t.`cooperative_id` AND cert.`product_id` IS NULL
		WHERE t.`search_key` IS NOT NULL AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked';
	DELETE FROM `product_certification_kinds` WHERE `search_key` IN (SELECT `search_key` FROM (SELECT `id`, `cooperative_id`, `search_key` FROM `products` WHERE `id` = new.`product_id`
			UNION ALL SELECT `id`, `cooperative_id`, `search_key` FROM `products`
			WHERE new.`product_id` IS NULL AND `cooperative_id` = new.`cooperative_id`));
	INSERT OR IGNORE INTO `product_certification_kinds` (`search_key`, `kind`)
		SELECT t.`search_key`, json_extract(cert.`last_verified`, '$.kind') FROM (SELECT `id`, `cooperative_id`, `search_key` FROM `products` WHERE `id` = new.`product_id`
			UNION ALL SELECT `id`, `cooperative_id`, `search_key` FROM `products`
			WHERE new.`product_id` IS NULL AND `cooperative_id` = new.`cooperative_id`) t
			JOIN `certifications` cert ON cert.`product_id` = t.`id`
		WHERE t.`search_key` IS NOT NULL AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked'
		UNION ALL
		SELECT t.`search_key`, json_extract(cert.`last_verified`, '$.kind') FROM (SELECT `id`, `cooperative_id`, `search_key` FROM `products` WHERE `id` = new.`product_id`
			UNION ALL SELECT `id`, `cooperative_id`, `search_key` FROM `products`
			WHERE new.`product_id` IS NULL AND `cooperative_id` = new.`cooperative_id`) t
			JOIN `certifications` cert ON cert.`cooperative_id` = t.`cooperative_id` AND cert.`product_id` IS NULL
		WHERE t.`search_key` IS NOT NULL AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked';
END;--> statement-breakpoint
CREATE TRIGGER `product_certification_kinds_after_certificate_delete` AFTER DELETE ON `certifications`
	WHEN old.`last_verified` IS NOT NULL AND old.`revoked_at` IS NULL AND old.`verification` <> 'revoked' BEGIN
	DELETE FROM `product_certification_kinds` WHERE `search_key` IN (SELECT `search_key` FROM (SELECT `id`, `cooperative_id`, `search_key` FROM `products` WHERE `id` = old.`product_id`
			UNION ALL SELECT `id`, `cooperative_id`, `search_key` FROM `products`
			WHERE old.`product_id` IS NULL AND `cooperative_id` = old.`cooperative_id`));
	INSERT OR IGNORE INTO `product_certification_kinds` (`search_key`, `kind`)
		SELECT t.`search_key`, json_extract(cert.`last_verified`, '$.kind') FROM (SELECT `id`, `cooperative_id`, `search_key` FROM `products` WHERE `id` = old.`product_id`
			UNION ALL SELECT `id`, `cooperative_id`, `search_key` FROM `products`
			WHERE old.`product_id` IS NULL AND `cooperative_id` = old.`cooperative_id`) t
			JOIN `certifications` cert ON cert.`product_id` = t.`id`
		WHERE t.`search_key` IS NOT NULL AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked'
		UNION ALL
		SELECT t.`search_key`, json_extract(cert.`last_verified`, '$.kind') FROM (SELECT `id`, `cooperative_id`, `search_key` FROM `products` WHERE `id` = old.`product_id`
			UNION ALL SELECT `id`, `cooperative_id`, `search_key` FROM `products`
			WHERE old.`product_id` IS NULL AND `cooperative_id` = old.`cooperative_id`) t
			JOIN `certifications` cert ON cert.`cooperative_id` = t.`cooperative_id` AND cert.`product_id` IS NULL
		WHERE t.`search_key` IS NOT NULL AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked';
END;
