-- Notification preferences (issue #19 item 3): how each person wants each kind of notification (at once, in a
-- daily digest, or off; no row means at once), and each person's key for signing the one-click unsubscribe links
-- in their mail. The notifications table's kind and status are text columns: the new kind (officer_queues), the
-- digest rows and the statuses skipped/held/digested need no change to it, only an index for the digest.
CREATE TABLE `notification_preferences` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`mode` text NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `unsubscribe_keys` (
	`user_id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_held_idx` ON `notifications` (`status`,`user_id`);