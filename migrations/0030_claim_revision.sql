-- Issue #17: an officer's decision and the cooperative's edit of the same claim must not both
-- land. Every write to a claim now happens only at the revision its author saw and counts it
-- up (src/server/claims/claim-version.ts), so the second of two racing writes is refused (409).
ALTER TABLE `certifications` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `revision` integer DEFAULT 0 NOT NULL;
