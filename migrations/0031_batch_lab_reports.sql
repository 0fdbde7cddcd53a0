-- Lab reports of batches (issue 17): a fourth kind of claim, declared by the
-- batch's cooperative with an evidence file and shown on the batch's trace
-- page only once a trade officer verified it (src/server/provenance/lab-reports.ts).
-- The trace page shows it, so a write bumps the content version like the other
-- public tables (0011_content_version.sql): a cached trace page never outlives it.
CREATE TABLE `lab_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`cooperative_id` text NOT NULL,
	`lab` text NOT NULL,
	`report_number` text NOT NULL,
	`reported_on` text NOT NULL,
	`tests` text NOT NULL,
	`result` text NOT NULL,
	`summary` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`verification` text DEFAULT 'pending' NOT NULL,
	`submitted_at` integer,
	`verified_by` text,
	`verified_at` integer,
	`decided_by` text,
	`decided_at` integer,
	`decision_reason` text,
	`evidence_key` text,
	`evidence_type` text,
	`evidence_public` integer DEFAULT false NOT NULL,
	`last_verified` text,
	`revision` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lab_reports_batch_idx` ON `lab_reports` (`batch_id`,`reported_on`);--> statement-breakpoint
CREATE INDEX `lab_reports_verification_idx` ON `lab_reports` (`verification`,`submitted_at`);--> statement-breakpoint
CREATE TRIGGER `lab_reports_content_version_after_insert` AFTER INSERT ON `lab_reports` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `lab_reports_content_version_after_update` AFTER UPDATE ON `lab_reports` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `lab_reports_content_version_after_delete` AFTER DELETE ON `lab_reports` BEGIN
	UPDATE `content_version` SET `version` = `version` + 1 WHERE `id` = 1;
END;