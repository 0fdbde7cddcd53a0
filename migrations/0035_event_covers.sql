-- Event covers (issue 18): trade officers upload a cover for an event as cooperatives upload photos, through the
-- same pipeline (R2 variants from the Images binding). An image now belongs to a cooperative or to an event,
-- exactly one (media_images_one_owner); an event's cover is deleted with the event. cooperative_id becomes
-- nullable, which SQLite can only do by rebuilding the table (nothing references media_images, and it has no
-- triggers). events.cover holds the chosen image with its text alternatives in both languages (JSON, as
-- products.images does).
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_media_images` (
	`id` text PRIMARY KEY NOT NULL,
	`cooperative_id` text,
	`event_id` text,
	`uploaded_by` text,
	`width` integer NOT NULL,
	`height` integer NOT NULL,
	`source_type` text NOT NULL,
	`source_bytes` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "media_images_one_owner" CHECK((`cooperative_id` IS NULL) <> (`event_id` IS NULL))
);
--> statement-breakpoint
INSERT INTO `__new_media_images`("id", "cooperative_id", "event_id", "uploaded_by", "width", "height", "source_type", "source_bytes", "created_at") SELECT "id", "cooperative_id", NULL, "uploaded_by", "width", "height", "source_type", "source_bytes", "created_at" FROM `media_images`;--> statement-breakpoint
DROP TABLE `media_images`;--> statement-breakpoint
ALTER TABLE `__new_media_images` RENAME TO `media_images`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `media_images_cooperative_idx` ON `media_images` (`cooperative_id`);--> statement-breakpoint
CREATE INDEX `media_images_event_idx` ON `media_images` (`event_id`);--> statement-breakpoint
ALTER TABLE `events` ADD `cover` text;