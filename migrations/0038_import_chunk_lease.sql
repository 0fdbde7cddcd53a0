-- Issue #21: a queued import's chunk is written by one consumer at a time. The consumer takes
-- the chunk at rows_done with one conditional update (lease_holder, its token, until lease_until;
-- src/server/imports/chunk-lease.ts) and the chunk's progress releases it, so two deliveries of the
-- same message, or a late copy after the run was continued, cannot both write it.
ALTER TABLE `import_runs` ADD `lease_holder` text;--> statement-breakpoint
ALTER TABLE `import_runs` ADD `lease_until` integer;