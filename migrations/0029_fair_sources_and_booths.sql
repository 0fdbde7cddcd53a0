-- From fair to sales (issue #20 item 5, issue #21 "Print"): an inquiry remembers which fair led the buyer to it
-- (its page, its printed catalogue's QR codes, or an exhibitor's booth), so a fair's report can count them; and a
-- confirmed registration carries the booth label officers assign, shown on the event page and the catalogue.
ALTER TABLE `event_registrations` ADD `booth_label` text;
--> statement-breakpoint
ALTER TABLE `inquiries` ADD `source_kind` text;
--> statement-breakpoint
ALTER TABLE `inquiries` ADD `source_event_id` text REFERENCES events(id) ON DELETE set null;
--> statement-breakpoint
CREATE INDEX `inquiries_source_event_idx` ON `inquiries` (`source_event_id`);
