-- Inquiries become threads (issue #19): the buyer answers through a private
-- link whose token is stored only as a SHA-256 (inquiry_thread_tokens), and
-- each message says who wrote it. Existing replies were all the cooperative's,
-- hence the column's default.
CREATE TABLE `inquiry_thread_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`inquiry_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inquiry_thread_tokens_hash_unique` ON `inquiry_thread_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `inquiry_thread_tokens_inquiry_idx` ON `inquiry_thread_tokens` (`inquiry_id`);--> statement-breakpoint
ALTER TABLE `inquiry_replies` ADD `author` text DEFAULT 'cooperative' NOT NULL;