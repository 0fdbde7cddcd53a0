-- Issue #23: a search filtered by certification ("ca phe" + VietGAP) checked, for every full-text
-- hit, a verified certificate of the kind valid today, of the product or of its whole cooperative:
-- the hit's product row, then two index probes and three json_extract per certificate, for the
-- 9,276 hits of "ca phe" of which 881 hold a valid VietGAP certificate (200,000 products).
-- product_certificates lists, by each product's search_key (its full-text rowid), the certificates
-- it holds, its own or its whole cooperative's, whose verified version (last_verified) is not
-- revoked, with that version's kind and dates. The filter is then one seek per hit in
-- product_certificates_held_idx, by the hit's key, kind and dates, before the hit's row is read
-- (src/server/products/product-list.ts, certifiedCondition); validity by date is tested there,
-- as it changes with the day. The kinds could have been words of products_fts, matched with the
-- search's words, but bm25 counts every column of a row in its length: deeper pages of every
-- search would have ranked differently.
--
-- The triggers keep the table exactly the set above through every write that can change it: a
-- certificate added, verified (last_verified), edited and re-verified, revoked (revoked_at,
-- verification), moved or deleted; a product added (its search_key is set by
-- products_fts_after_insert), moved to another cooperative or deleted. A row names its
-- certificate, so a certificate's change replaces its own rows alone. A bulk load drops the
-- triggers and builds the table once after it (src/server/db/seeding.ts, rebuildProductCertificates).
CREATE TABLE `product_certificates` (
	`certification_id` text NOT NULL,
	`search_key` integer NOT NULL,
	`kind` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text,
	PRIMARY KEY(`certification_id`, `search_key`)
);--> statement-breakpoint
CREATE INDEX `product_certificates_held_idx` ON `product_certificates` (`search_key`,`kind`,`valid_from`,`valid_until`);--> statement-breakpoint
INSERT INTO `product_certificates` (`certification_id`, `search_key`, `kind`, `valid_from`, `valid_until`)
	SELECT cert.`id`, p.`search_key`, json_extract(cert.`last_verified`, '$.kind'), json_extract(cert.`last_verified`, '$.validFrom'), json_extract(cert.`last_verified`, '$.validUntil')
	FROM `certifications` cert JOIN `products` p ON p.`id` = cert.`product_id`
	WHERE p.`search_key` IS NOT NULL AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked'
	UNION ALL
	SELECT cert.`id`, p.`search_key`, json_extract(cert.`last_verified`, '$.kind'), json_extract(cert.`last_verified`, '$.validFrom'), json_extract(cert.`last_verified`, '$.validUntil')
	FROM `certifications` cert JOIN `products` p ON p.`cooperative_id` = cert.`cooperative_id`
	WHERE cert.`product_id` IS NULL AND p.`search_key` IS NOT NULL AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked';--> statement-breakpoint
CREATE TRIGGER `product_certificates_after_product_update` AFTER UPDATE OF `search_key`, `cooperative_id` ON `products`
	WHEN old.`search_key` IS NOT new.`search_key` OR old.`cooperative_id` IS NOT new.`cooperative_id` BEGIN
	DELETE FROM `product_certificates` WHERE `search_key` = old.`search_key`;
	INSERT OR IGNORE INTO `product_certificates` (`certification_id`, `search_key`, `kind`, `valid_from`, `valid_until`)
		SELECT cert.`id`, new.`search_key`, json_extract(cert.`last_verified`, '$.kind'), json_extract(cert.`last_verified`, '$.validFrom'), json_extract(cert.`last_verified`, '$.validUntil')
		FROM `certifications` cert
		WHERE new.`search_key` IS NOT NULL AND cert.`product_id` = new.`id`
			AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked'
		UNION ALL
		SELECT cert.`id`, new.`search_key`, json_extract(cert.`last_verified`, '$.kind'), json_extract(cert.`last_verified`, '$.validFrom'), json_extract(cert.`last_verified`, '$.validUntil')
		FROM `certifications` cert
		WHERE new.`search_key` IS NOT NULL AND cert.`cooperative_id` = new.`cooperative_id` AND cert.`product_id` IS NULL
			AND cert.`last_verified` IS NOT NULL AND cert.`revoked_at` IS NULL AND cert.`verification` <> 'revoked';
END;--> statement-breakpoint
CREATE TRIGGER `product_certificates_after_product_delete` AFTER DELETE ON `products` BEGIN
	DELETE FROM `product_certificates` WHERE `search_key` = old.`search_key`;
END;--> statement-breakpoint
CREATE TRIGGER `product_certificates_after_certificate_insert` AFTER INSERT ON `certifications`
	WHEN new.`last_verified` IS NOT NULL AND new.`revoked_at` IS NULL AND new.`verification` <> 'revoked' BEGIN
	INSERT OR IGNORE INTO `product_certificates` (`certification_id`, `search_key`, `kind`, `valid_from`, `valid_until`)
		SELECT new.`id`, `search_key`, json_extract(new.`last_verified`, '$.kind'), json_extract(new.`last_verified`, '$.validFrom'), json_extract(new.`last_verified`, '$.validUntil')
		FROM (SELECT `search_key` FROM `products` WHERE `id` = new.`product_id`
			UNION ALL SELECT `search_key` FROM `products` WHERE new.`product_id` IS NULL AND `cooperative_id` = new.`cooperative_id`)
		WHERE `search_key` IS NOT NULL;
END;--> statement-breakpoint
CREATE TRIGGER `product_certificates_after_certificate_update` AFTER UPDATE ON `certifications`
	WHEN (CASE WHEN old.`revoked_at` IS NULL AND old.`verification` <> 'revoked' THEN old.`last_verified` END) IS NOT (CASE WHEN new.`revoked_at` IS NULL AND new.`verification` <> 'revoked' THEN new.`last_verified` END)
		OR old.`id` IS NOT new.`id` OR old.`product_id` IS NOT new.`product_id` OR old.`cooperative_id` IS NOT new.`cooperative_id` BEGIN
	DELETE FROM `product_certificates` WHERE `certification_id` = old.`id`;
	INSERT OR IGNORE INTO `product_certificates` (`certification_id`, `search_key`, `kind`, `valid_from`, `valid_until`)
		SELECT new.`id`, `search_key`, json_extract(new.`last_verified`, '$.kind'), json_extract(new.`last_verified`, '$.validFrom'), json_extract(new.`last_verified`, '$.validUntil')
		FROM (SELECT `search_key` FROM `products` WHERE `id` = new.`product_id`
			UNION ALL SELECT `search_key` FROM `products` WHERE new.`product_id` IS NULL AND `cooperative_id` = new.`cooperative_id`)
		WHERE `search_key` IS NOT NULL AND new.`last_verified` IS NOT NULL AND new.`revoked_at` IS NULL AND new.`verification` <> 'revoked';
END;--> statement-breakpoint
CREATE TRIGGER `product_certificates_after_certificate_delete` AFTER DELETE ON `certifications` BEGIN
	DELETE FROM `product_certificates` WHERE `certification_id` = old.`id`;
END;
