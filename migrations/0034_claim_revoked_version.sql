-- Issue #17: an officer may revoke a claim's verified version while an edit of it waits in the
-- queue; the edit keeps the claim `pending`, so the revocation is kept in columns of its own
-- (when, why) that a later decision on the edit does not overwrite. Existing revocations are
-- copied in from the decision that made them (decided_at, decision_reason). Lab reports (0031)
-- share the claim columns, so they get the same two.
ALTER TABLE `certifications` ADD `revoked_at` integer;
--> statement-breakpoint
ALTER TABLE `certifications` ADD `revoked_reason` text;
--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `revoked_at` integer;
--> statement-breakpoint
ALTER TABLE `lab_reports` ADD `revoked_at` integer;
--> statement-breakpoint
ALTER TABLE `lab_reports` ADD `revoked_reason` text;
--> statement-breakpoint
UPDATE `certifications` SET `revoked_at` = `decided_at`, `revoked_reason` = `decision_reason` WHERE `verification` = 'revoked';
--> statement-breakpoint
UPDATE `ocop_ratings` SET `revoked_at` = coalesce(`decided_at`, `created_at`), `revoked_reason` = coalesce(`revoked_reason`, `decision_reason`) WHERE `status` = 'revoked' OR `verification` = 'revoked';
--> statement-breakpoint
UPDATE `lab_reports` SET `revoked_at` = `decided_at`, `revoked_reason` = `decision_reason` WHERE `verification` = 'revoked';
