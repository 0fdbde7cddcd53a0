-- The content version: one row whose `version` rises with every write to a
-- table that public pages show. Each worker isolate keeps rendered public pages
-- in memory (src/server/cache) and drops them once the version has moved, so
-- a page is never served after the data under it changed (beyond the isolate's
-- short re-check interval). Triggers, not application code, bump it: no write
-- path can forget to. Not bumped by cached_figures (already minutes old by
-- design) nor by accounts, inquiries, audit or moderation tables, which no
-- public page shows.
CREATE TABLE `content_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `content_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `provinces_content_version_after_insert` AFTER INSERT ON `provinces` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `provinces_content_version_after_update` AFTER UPDATE ON `provinces` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `provinces_content_version_after_delete` AFTER DELETE ON `provinces` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cooperatives_content_version_after_insert` AFTER INSERT ON `cooperatives` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cooperatives_content_version_after_update` AFTER UPDATE ON `cooperatives` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `cooperatives_content_version_after_delete` AFTER DELETE ON `cooperatives` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `value_chain_links_content_version_after_insert` AFTER INSERT ON `value_chain_links` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `value_chain_links_content_version_after_update` AFTER UPDATE ON `value_chain_links` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `value_chain_links_content_version_after_delete` AFTER DELETE ON `value_chain_links` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `products_content_version_after_insert` AFTER INSERT ON `products` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `products_content_version_after_update` AFTER UPDATE ON `products` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `products_content_version_after_delete` AFTER DELETE ON `products` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `ocop_ratings_content_version_after_insert` AFTER INSERT ON `ocop_ratings` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `ocop_ratings_content_version_after_update` AFTER UPDATE ON `ocop_ratings` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `ocop_ratings_content_version_after_delete` AFTER DELETE ON `ocop_ratings` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `certifications_content_version_after_insert` AFTER INSERT ON `certifications` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `certifications_content_version_after_update` AFTER UPDATE ON `certifications` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `certifications_content_version_after_delete` AFTER DELETE ON `certifications` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `batches_content_version_after_insert` AFTER INSERT ON `batches` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `batches_content_version_after_update` AFTER UPDATE ON `batches` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `batches_content_version_after_delete` AFTER DELETE ON `batches` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `provenance_steps_content_version_after_insert` AFTER INSERT ON `provenance_steps` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `provenance_steps_content_version_after_update` AFTER UPDATE ON `provenance_steps` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `provenance_steps_content_version_after_delete` AFTER DELETE ON `provenance_steps` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `events_content_version_after_insert` AFTER INSERT ON `events` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `events_content_version_after_update` AFTER UPDATE ON `events` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `events_content_version_after_delete` AFTER DELETE ON `events` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `event_registrations_content_version_after_insert` AFTER INSERT ON `event_registrations` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `event_registrations_content_version_after_update` AFTER UPDATE ON `event_registrations` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `event_registrations_content_version_after_delete` AFTER DELETE ON `event_registrations` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `event_registration_products_content_version_after_insert` AFTER INSERT ON `event_registration_products` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `event_registration_products_content_version_after_update` AFTER UPDATE ON `event_registration_products` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `event_registration_products_content_version_after_delete` AFTER DELETE ON `event_registration_products` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
