-- One request from the shortlist reaches several cooperatives (issue 18): each cooperative gets its own thread,
-- the threads share the buyer's request_reference, and inquiry_products names the products each thread is about.
CREATE TABLE `inquiry_products` (
	`inquiry_id` text NOT NULL,
	`product_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`inquiry_id`, `product_id`),
	FOREIGN KEY (`inquiry_id`) REFERENCES `inquiries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `inquiries` ADD `request_reference` text;--> statement-breakpoint
CREATE INDEX `inquiries_request_reference_idx` ON `inquiries` (`request_reference`);