-- Replies by mail (issue #19 item 1): mail about an inquiry carries a per-thread reply address
-- (reply+<token>@…), kept with the queued mail so every retry sends the same one; a thread token says
-- whose it is, the buyer's (private link and reply address, as before: the default) or the cooperative's
-- (reply address only), so the worker's email() handler knows who may write through it.
ALTER TABLE `inquiry_notifications` ADD `reply_to` text;--> statement-breakpoint
ALTER TABLE `inquiry_thread_tokens` ADD `party` text DEFAULT 'buyer' NOT NULL;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `reply_to` text;
