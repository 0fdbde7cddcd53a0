-- Personal data (issue #19 item 5). Each inquiry records the privacy notice version its buyer consented
-- under (null for inquiries sent before the notice existed) and when the buyer's data in it was anonymised
-- (by the retention job or on request). privacy_requests keeps buyers' and members' erasure requests
-- until a trade officer completes them.
CREATE TABLE `privacy_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_type` text NOT NULL,
	`inquiry_id` text,
	`user_id` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`completed_by_user_id` text,
	`completed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`completed_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `privacy_requests_queue_idx` ON `privacy_requests` (`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `privacy_requests_pending_inquiry_unique` ON `privacy_requests` (`inquiry_id`) WHERE "privacy_requests"."status" = 'pending' AND "privacy_requests"."inquiry_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `privacy_requests_pending_user_unique` ON `privacy_requests` (`user_id`) WHERE "privacy_requests"."status" = 'pending' AND "privacy_requests"."user_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE `inquiries` ADD `consent_notice_version` text;--> statement-breakpoint
ALTER TABLE `inquiries` ADD `anonymised_at` integer;