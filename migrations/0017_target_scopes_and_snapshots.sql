-- Plan targets for an area smaller than today's province (a former district
-- or province, by the communes that formed it), figures the department reports
-- itself, and monthly snapshots of the plan figures for trends. Reference rows
-- (former units' communes, the plans' targets) come from seeding and
-- scripts/reference-sql.ts, not from here.
CREATE TABLE `former_unit_communes` (
	`unit` text NOT NULL,
	`province_code` text NOT NULL,
	`commune` text NOT NULL,
	PRIMARY KEY(`unit`, `commune`),
	FOREIGN KEY (`province_code`) REFERENCES `provinces`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `statistics_snapshots` (
	`month` text NOT NULL,
	`area` text NOT NULL,
	`figures` text NOT NULL,
	`taken_at` integer NOT NULL,
	PRIMARY KEY(`area`, `month`)
);
--> statement-breakpoint
DROP INDEX `province_targets_unique`;--> statement-breakpoint
ALTER TABLE `province_targets` ADD `former_unit` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `province_targets` ADD `reported_value` real;--> statement-breakpoint
ALTER TABLE `province_targets` ADD `reported_on` text;--> statement-breakpoint
CREATE UNIQUE INDEX `province_targets_scope_unique` ON `province_targets` (`province_code`,`former_unit`,`metric`,`due_date`);