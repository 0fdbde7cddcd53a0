-- Issue #23: a province's directory by name (the API's default order) walked every active
-- cooperative through cooperatives_status_name_idx until a page of the province's turned up
-- (1,371 rows read for one page at 50,000 cooperatives). With the name after (province, status)
-- the page is one range of this index, in order; its counts read the same (province, status) prefix.
DROP INDEX `cooperatives_province_idx`;--> statement-breakpoint
CREATE INDEX `cooperatives_province_idx` ON `cooperatives` (`province_code`,`status`,`search_name`);