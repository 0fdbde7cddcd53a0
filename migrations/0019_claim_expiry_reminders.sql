-- Claims never lapse unnoticed (issue #17 item 5): the daily job reminds a
-- cooperative's people of verified claims about to expire. claim_reminders
-- holds one row per claim, last valid day and threshold, so each reminder
-- goes out once; notifications is the durable outbox of mail to signed-in
-- people (each in users.locale); an officer oversees users.province_code.
CREATE TABLE `claim_reminders` (
	`claim_kind` text NOT NULL,
	`claim_id` text NOT NULL,
	`valid_until` text NOT NULL,
	`threshold_days` integer NOT NULL,
	`run_id` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`claim_kind`, `claim_id`, `valid_until`, `threshold_days`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`idempotency_key` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
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
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_idempotency_unique` ON `notifications` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `notifications_due_idx` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `locale` text DEFAULT 'vi' NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `province_code` text REFERENCES provinces(code);