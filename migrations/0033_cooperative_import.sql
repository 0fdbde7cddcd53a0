-- Officers import cooperatives from the department's register (issue 21): an import run need not
-- belong to a cooperative (cooperative_id becomes nullable, which SQLite can only do by rebuilding the
-- table), remembers whether new cooperatives' managers are invited, and invitations get their own
-- durable outbox (an invitee has no account, so the notifications outbox cannot hold their mail).
CREATE TABLE `invitation_mail` (
	`id` text PRIMARY KEY NOT NULL,
	`invitation_id` text NOT NULL,
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
	`html_body` text,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitation_mail_invitation_unique` ON `invitation_mail` (`invitation_id`);--> statement-breakpoint
CREATE INDEX `invitation_mail_due_idx` ON `invitation_mail` (`status`,`next_attempt_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_import_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`cooperative_id` text,
	`user_id` text NOT NULL,
	`file_key` text NOT NULL,
	`file_name` text NOT NULL,
	`status` text DEFAULT 'previewed' NOT NULL,
	`mode` text,
	`invite` integer DEFAULT false NOT NULL,
	`row_count` integer NOT NULL,
	`rows_done` integer DEFAULT 0 NOT NULL,
	`counts` text NOT NULL,
	`result_key` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_import_runs`("id", "kind", "cooperative_id", "user_id", "file_key", "file_name", "status", "mode", "invite", "row_count", "rows_done", "counts", "result_key", "created_at", "updated_at", "finished_at") SELECT "id", "kind", "cooperative_id", "user_id", "file_key", "file_name", "status", "mode", 0, "row_count", "rows_done", "counts", "result_key", "created_at", "updated_at", "finished_at" FROM `import_runs`;--> statement-breakpoint
DROP TABLE `import_runs`;--> statement-breakpoint
ALTER TABLE `__new_import_runs` RENAME TO `import_runs`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `import_runs_cooperative_idx` ON `import_runs` (`cooperative_id`,`created_at`);