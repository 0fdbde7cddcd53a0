CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`actor_user_id` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`detail` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `audit_log_created_idx` ON `audit_log` (`created_at`);--> statement-breakpoint
CREATE TABLE `batches` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`lot_code` text NOT NULL,
	`production_date` text NOT NULL,
	`best_before` text,
	`quantity` real NOT NULL,
	`quantity_unit` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "batches_quantity_positive" CHECK("batches"."quantity" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `batches_product_lot_unique` ON `batches` (`product_id`,`lot_code`);--> statement-breakpoint
CREATE INDEX `batches_product_date_idx` ON `batches` (`product_id`,`production_date`);--> statement-breakpoint
CREATE TABLE `certifications` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text,
	`cooperative_id` text NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`issuer` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text,
	`evidence_url` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "certifications_validity_order" CHECK("certifications"."valid_until" IS NULL OR "certifications"."valid_until" >= "certifications"."valid_from")
);
--> statement-breakpoint
CREATE INDEX `certifications_product_idx` ON `certifications` (`product_id`,`kind`);--> statement-breakpoint
CREATE INDEX `certifications_cooperative_idx` ON `certifications` (`cooperative_id`);--> statement-breakpoint
CREATE INDEX `certifications_kind_idx` ON `certifications` (`kind`,`product_id`);--> statement-breakpoint
CREATE TABLE `cooperatives` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`registration_code` text NOT NULL,
	`founded_year` integer NOT NULL,
	`province_code` text NOT NULL,
	`commune` text NOT NULL,
	`address` text NOT NULL,
	`sector` text NOT NULL,
	`members` integer NOT NULL,
	`classification` text,
	`classification_year` integer,
	`description_vi` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`phone` text,
	`email` text,
	`website` text,
	`zalo` text,
	`logo_url` text,
	`images` text DEFAULT '[]' NOT NULL,
	`verified` integer DEFAULT false NOT NULL,
	`verified_at` integer,
	`verification_evidence` text,
	`status` text DEFAULT 'active' NOT NULL,
	`status_reason` text,
	`search_name` text DEFAULT '' NOT NULL,
	`search_body` text DEFAULT '' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cooperatives_members_nonnegative" CHECK("cooperatives"."members" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cooperatives_slug_unique` ON `cooperatives` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `cooperatives_registration_code_unique` ON `cooperatives` (`registration_code`);--> statement-breakpoint
CREATE INDEX `cooperatives_province_idx` ON `cooperatives` (`province_code`,`status`);--> statement-breakpoint
CREATE INDEX `cooperatives_kind_idx` ON `cooperatives` (`kind`,`status`);--> statement-breakpoint
CREATE INDEX `cooperatives_sector_idx` ON `cooperatives` (`sector`,`status`);--> statement-breakpoint
CREATE INDEX `cooperatives_classification_idx` ON `cooperatives` (`classification`,`status`);--> statement-breakpoint
CREATE INDEX `cooperatives_demo_idx` ON `cooperatives` (`is_demo`) WHERE "cooperatives"."is_demo" = 1;--> statement-breakpoint
CREATE TABLE `event_registration_products` (
	`registration_id` text NOT NULL,
	`product_id` text NOT NULL,
	PRIMARY KEY(`registration_id`, `product_id`),
	FOREIGN KEY (`registration_id`) REFERENCES `event_registrations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `event_registrations` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`cooperative_id` text NOT NULL,
	`booths` integer NOT NULL,
	`note` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_registrations_booths_positive" CHECK("event_registrations"."booths" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_registrations_event_cooperative_unique` ON `event_registrations` (`event_id`,`cooperative_id`);--> statement-breakpoint
CREATE INDEX `event_registrations_cooperative_idx` ON `event_registrations` (`cooperative_id`,`status`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`title_vi` text NOT NULL,
	`title_en` text DEFAULT '' NOT NULL,
	`description_vi` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`all_day` integer DEFAULT false NOT NULL,
	`venue` text,
	`address` text,
	`province_code` text,
	`online_url` text,
	`organiser` text NOT NULL,
	`registration_opens_at` integer,
	`registration_closes_at` integer,
	`booth_capacity` integer,
	`booths_taken` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`cancel_reason` text,
	`revision` integer DEFAULT 0 NOT NULL,
	`series_id` text,
	`published_at` integer,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "events_ends_after_start" CHECK("events"."ends_at" >= "events"."starts_at"),
	CONSTRAINT "events_capacity" CHECK("events"."booth_capacity" IS NULL OR ("events"."booth_capacity" > 0 AND "events"."booths_taken" <= "events"."booth_capacity"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_slug_unique` ON `events` (`slug`);--> statement-breakpoint
CREATE INDEX `events_status_starts_idx` ON `events` (`status`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_kind_starts_idx` ON `events` (`kind`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_province_starts_idx` ON `events` (`province_code`,`starts_at`);--> statement-breakpoint
CREATE INDEX `events_series_idx` ON `events` (`series_id`);--> statement-breakpoint
CREATE TABLE `inquiries` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`cooperative_id` text NOT NULL,
	`product_id` text,
	`buyer_name` text NOT NULL,
	`buyer_organisation` text,
	`email` text,
	`phone` text,
	`country` text NOT NULL,
	`quantity` real,
	`quantity_unit` text,
	`wanted_by` text,
	`message` text NOT NULL,
	`locale` text NOT NULL,
	`consent_to_contact` integer NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`spam_score` integer DEFAULT 0 NOT NULL,
	`idempotency_key` text,
	`first_replied_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "inquiries_has_contact" CHECK("inquiries"."email" IS NOT NULL OR "inquiries"."phone" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inquiries_reference_unique` ON `inquiries` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `inquiries_idempotency_key_unique` ON `inquiries` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `inquiries_cooperative_status_idx` ON `inquiries` (`cooperative_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `inquiries_created_idx` ON `inquiries` (`created_at`);--> statement-breakpoint
CREATE TABLE `inquiry_replies` (
	`id` text PRIMARY KEY NOT NULL,
	`inquiry_id` text NOT NULL,
	`author_user_id` text,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inquiry_replies_inquiry_idx` ON `inquiry_replies` (`inquiry_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `ocop_ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`product_id` text NOT NULL,
	`stars` integer NOT NULL,
	`level` text NOT NULL,
	`decision_number` text NOT NULL,
	`decision_date` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`revoked_reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "ocop_ratings_stars_range" CHECK("ocop_ratings"."stars" BETWEEN 3 AND 5)
);
--> statement-breakpoint
CREATE INDEX `ocop_ratings_product_idx` ON `ocop_ratings` (`product_id`,`decision_date`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`cooperative_id` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text DEFAULT '' NOT NULL,
	`description_vi` text DEFAULT '' NOT NULL,
	`description_en` text DEFAULT '' NOT NULL,
	`ocop_group` text NOT NULL,
	`ocop_stars` integer,
	`province_code` text NOT NULL,
	`commune` text,
	`origin_formerly` text,
	`gtin` text,
	`trace_code` text NOT NULL,
	`price_vnd` integer,
	`unit_vi` text NOT NULL,
	`unit_en` text NOT NULL,
	`min_order` integer DEFAULT 1 NOT NULL,
	`season_vi` text,
	`season_en` text,
	`images` text DEFAULT '[]' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`rejection_reason` text,
	`published_at` integer,
	`search_name` text DEFAULT '' NOT NULL,
	`search_body` text DEFAULT '' NOT NULL,
	`is_demo` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "products_price_nonnegative" CHECK("products"."price_vnd" IS NULL OR "products"."price_vnd" >= 0),
	CONSTRAINT "products_min_order_positive" CHECK("products"."min_order" >= 1),
	CONSTRAINT "products_stars_range" CHECK("products"."ocop_stars" IS NULL OR "products"."ocop_stars" BETWEEN 3 AND 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_slug_unique` ON `products` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `products_gtin_unique` ON `products` (`gtin`);--> statement-breakpoint
CREATE UNIQUE INDEX `products_trace_code_unique` ON `products` (`trace_code`);--> statement-breakpoint
CREATE INDEX `products_cooperative_idx` ON `products` (`cooperative_id`,`status`);--> statement-breakpoint
CREATE INDEX `products_status_published_idx` ON `products` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `products_status_stars_idx` ON `products` (`status`,`ocop_stars`);--> statement-breakpoint
CREATE INDEX `products_province_idx` ON `products` (`province_code`,`status`);--> statement-breakpoint
CREATE INDEX `products_group_idx` ON `products` (`ocop_group`,`status`);--> statement-breakpoint
CREATE INDEX `products_price_idx` ON `products` (`status`,`price_vnd`);--> statement-breakpoint
CREATE TABLE `provenance_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`batch_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`province_code` text,
	`place` text NOT NULL,
	`latitude` real,
	`longitude` real,
	`actor_name` text NOT NULL,
	`actor_kind` text NOT NULL,
	`evidence_number` text,
	`evidence_url` text,
	`note_vi` text,
	`note_en` text,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provenance_steps_batch_position_unique` ON `provenance_steps` (`batch_id`,`position`);--> statement-breakpoint
CREATE TABLE `provinces` (
	`code` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name_vi` text NOT NULL,
	`name_en` text NOT NULL,
	`kind` text NOT NULL,
	`region` text NOT NULL,
	`formed_from` text DEFAULT '[]' NOT NULL,
	`seat` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `provinces_slug_unique` ON `provinces` (`slug`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`window_ends_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_verified_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`cooperative_id` text,
	`is_manager` integer DEFAULT false NOT NULL,
	`disabled_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_member_has_cooperative" CHECK("users"."role" <> 'member' OR "users"."cooperative_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_cooperative_idx` ON `users` (`cooperative_id`);--> statement-breakpoint
CREATE TABLE `value_chain_links` (
	`id` text PRIMARY KEY NOT NULL,
	`cooperative_id` text NOT NULL,
	`partner_name` text NOT NULL,
	`role` text NOT NULL,
	`since_year` integer,
	FOREIGN KEY (`cooperative_id`) REFERENCES `cooperatives`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `value_chain_links_cooperative_idx` ON `value_chain_links` (`cooperative_id`);