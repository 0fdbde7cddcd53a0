-- Every mail gets an HTML part beside its text (src/server/mail/layout.ts): both outboxes keep it with the
-- words queued, so each retry sends the same; the development outbox also shows extra header fields.
-- Rows queued before this have no HTML part and go out as text only.
ALTER TABLE `inquiry_notifications` ADD `html_body` text;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `html_body` text;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `headers` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `html_body` text;