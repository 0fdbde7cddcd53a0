-- Bulk import (issue #21): one row per uploaded register, from its preview (the file kept in R2, nothing
-- written) to the end of its import (progress, counts, the refused rows' CSV in R2).
CREATE TABLE `import_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`cooperative_id` text NOT NULL,
	`user_id` text NOT NULL,
	`file_key` text NOT NULL,
	`file_name` text NOT NULL,
	`status` text DEFAULT 'previewed' NOT NULL,
	`mode` text,
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
CREATE INDEX `import_runs_cooperative_idx` ON `import_runs` (`cooperative_id`,`created_at`);