CREATE TABLE `pending_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`cooperative_id` text NOT NULL,
	`proposed` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`author_user_id` text,
	`rejection_reason` text,
	`decided_by_user_id` text,
	`decided_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pending_revisions_entity_unique` ON `pending_revisions` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `pending_revisions_queue_idx` ON `pending_revisions` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `pending_revisions_cooperative_idx` ON `pending_revisions` (`cooperative_id`);