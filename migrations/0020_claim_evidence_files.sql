-- Issue #17: a claim (OCOP rating, certificate) carries its evidence file, kept in the MEDIA
-- bucket under evidence_key, with the type recognised from its bytes; evidence_public is the
-- cooperative's consent to let the public download it once the claim is verified (off by default).
ALTER TABLE `certifications` ADD `evidence_key` text;--> statement-breakpoint
ALTER TABLE `certifications` ADD `evidence_type` text;--> statement-breakpoint
ALTER TABLE `certifications` ADD `evidence_public` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `evidence_key` text;--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `evidence_type` text;--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `evidence_public` integer DEFAULT false NOT NULL;