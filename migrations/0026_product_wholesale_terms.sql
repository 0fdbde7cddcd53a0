-- What wholesale and export buyers ask first (issue 18): the wholesale minimum order and price tiers,
-- lead time, monthly capacity, packaging, shelf life, storage, export markets and HS code. All optional;
-- quantities are in the product's own unit (src/server/products/wholesale.ts).
ALTER TABLE `products` ADD `wholesale_min_order` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `price_tiers` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `lead_time_days` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `monthly_capacity` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `packaging_vi` text;--> statement-breakpoint
ALTER TABLE `products` ADD `packaging_en` text;--> statement-breakpoint
ALTER TABLE `products` ADD `shelf_life_days` integer;--> statement-breakpoint
ALTER TABLE `products` ADD `storage_vi` text;--> statement-breakpoint
ALTER TABLE `products` ADD `storage_en` text;--> statement-breakpoint
ALTER TABLE `products` ADD `export_markets` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `products` ADD `hs_code` text;