-- Issue #17 item 3: editing a verified claim sends it back to the officers' queue, and the
-- public keeps the last verified version until an officer decides the edit. That version
-- (what was checked, who checked it and when) is kept as JSON beside the claim
-- (src/server/claims/verified-version.ts); public pages, filters and stars read it.
-- Claims already verified or revoked get theirs from their own columns as they stand.
ALTER TABLE `certifications` ADD `last_verified` text;--> statement-breakpoint
ALTER TABLE `ocop_ratings` ADD `last_verified` text;--> statement-breakpoint
UPDATE `ocop_ratings` SET `last_verified` = json_object(
  'stars', `stars`, 'level', `level`, 'decisionNumber', `decision_number`, 'decisionDate', `decision_date`,
  'evidenceKey', `evidence_key`, 'evidenceType', `evidence_type`,
  'verifiedBy', `verified_by`, 'verifiedAt', `verified_at`)
WHERE `verification` IN ('verified', 'revoked');--> statement-breakpoint
UPDATE `certifications` SET `last_verified` = json_object(
  'kind', `kind`, 'number', `number`, 'issuer', `issuer`, 'validFrom', `valid_from`, 'validUntil', `valid_until`,
  'evidenceKey', `evidence_key`, 'evidenceType', `evidence_type`,
  'verifiedBy', `verified_by`, 'verifiedAt', `verified_at`)
WHERE `verification` IN ('verified', 'revoked');
