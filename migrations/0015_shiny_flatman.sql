ALTER TABLE `certifications` ADD `verification` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `certifications` ADD `submitted_at` integer;--> statement-breakpoint
ALTER TABLE `certifications` ADD `verified_by` text;--> statement-breakpoint
ALTER TABLE `certifications` ADD `verified_at` integer;--> statement-breakpoint
ALTER TABLE `certifications` ADD `decided_by` text;--> statement-breakpoint
ALTER TABLE `certifications` ADD `decided_at` integer;--> statement-breakpoint
ALTER TABLE `certifications` ADD `decision_reason` text;--> statement-breakpoint
CREATE INDEX `certifications_verification_idx` ON `certifications` (`verification`,`submitted_at`);--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `verification` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `submitted_at` integer;--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `verified_by` text;--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `verified_at` integer;--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `decided_by` text;--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `decided_at` integer;--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `decision_reason` text;--> statement-breakpoint
CREATE INDEX `ocop_ratings_verification_idx` ON `ocop_ratings` (`verification`,`submitted_at`);--> statement-breakpoint
-- Claims recorded before verification existed were shown as valid: they become verified
-- (a rating already revoked, revoked), dated when they were recorded, by nobody in particular,
-- and each gets an audit entry saying it was migrated, not checked by an officer.
UPDATE `ocop_ratings` SET
  `verification` = CASE WHEN `status` = 'revoked' THEN 'revoked' ELSE 'verified' END,
  `submitted_at` = `created_at`, `verified_at` = `created_at`, `decided_at` = `created_at`,
  `decision_reason` = CASE WHEN `status` = 'revoked' THEN `revoked_reason` END;--> statement-breakpoint
UPDATE `certifications` SET
  `verification` = 'verified',
  `submitted_at` = `created_at`, `verified_at` = `created_at`, `decided_at` = `created_at`;--> statement-breakpoint
INSERT INTO `audit_log` (`id`, `actor_user_id`, `action`, `entity_type`, `entity_id`, `detail`, `created_at`)
  SELECT lower(hex(randomblob(16))), NULL, 'claim.migrated', 'ocop_rating', `id`,
    json_object('verification', `verification`, 'note', 'recorded before verification existed'),
    unixepoch('subsec') * 1000
  FROM `ocop_ratings`;--> statement-breakpoint
INSERT INTO `audit_log` (`id`, `actor_user_id`, `action`, `entity_type`, `entity_id`, `detail`, `created_at`)
  SELECT lower(hex(randomblob(16))), NULL, 'claim.migrated', 'certificate', `id`,
    json_object('verification', `verification`, 'note', 'recorded before verification existed'),
    unixepoch('subsec') * 1000
  FROM `certifications`;
