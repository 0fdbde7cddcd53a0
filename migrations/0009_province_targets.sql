CREATE TABLE `province_targets` (
	`id` text PRIMARY KEY NOT NULL,
	`province_code` text NOT NULL,
	`metric` text NOT NULL,
	`minimum` real NOT NULL,
	`maximum` real,
	`due_date` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "province_targets_range" CHECK("province_targets"."maximum" IS NULL OR "province_targets"."maximum" >= "province_targets"."minimum")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `province_targets_unique` ON `province_targets` (`province_code`,`metric`,`due_date`);