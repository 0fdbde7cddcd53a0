CREATE TABLE `inquiry_notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`inquiry_id` text NOT NULL,
	`kind` text NOT NULL,
	`reply_id` text,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`text_body` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_until` integer,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reply_id`) REFERENCES `inquiry_replies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `inquiry_notifications_due_idx` ON `inquiry_notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `inquiry_notifications_inquiry_idx` ON `inquiry_notifications` (`inquiry_id`);--> statement-breakpoint
ALTER TABLE `inquiries` ADD `request_fingerprint` text;