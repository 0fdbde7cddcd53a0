-- Where each cooperative is, for the map and the GeoJSON (issue 21): WGS 84
-- degrees, both or neither, inside Viet Nam (checked by the domain,
-- src/server/cooperatives/location.ts). Existing rows stay NULL: the map then
-- shows them at their province's seat, marked approximate, until the manager
-- enters a place on the profile form (moderated like the rest of the profile).
ALTER TABLE `cooperatives` ADD `latitude` real;
--> statement-breakpoint
ALTER TABLE `cooperatives` ADD `longitude` real;
