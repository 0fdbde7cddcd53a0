-- Search words are prefixes ("mat on" finds "mật ong", src/server/search/fold.ts).
-- Without a prefix index FTS5 answers "ca"* by merging the entries of every
-- indexed word that starts with "ca" (cà, cá, cao, cam, canh…); with one, a
-- prefix of two or three letters (most Vietnamese syllables are short) is one
-- entry. At 200,000 products: counting "ca phe" 24 ms -> 2 ms, ranking it
-- 57 ms -> 15 ms, for an index about 2.7 times as large. One-letter words are
-- matched whole, so no 1-letter prefixes are indexed.
-- FTS5 options cannot be altered: the tables are made again and refilled. The
-- triggers of 0001 on products and cooperatives name the tables, not these
-- objects, and keep working.
DROP TABLE `products_fts`;--> statement-breakpoint
CREATE VIRTUAL TABLE `products_fts` USING fts5(
	`product_id` UNINDEXED,
	`search_name`,
	`search_body`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);--> statement-breakpoint
INSERT INTO `products_fts` (`product_id`, `search_name`, `search_body`) SELECT `id`, `search_name`, `search_body` FROM `products`;--> statement-breakpoint
DROP TABLE `cooperatives_fts`;--> statement-breakpoint
CREATE VIRTUAL TABLE `cooperatives_fts` USING fts5(
	`cooperative_id` UNINDEXED,
	`search_name`,
	`search_body`,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);--> statement-breakpoint
INSERT INTO `cooperatives_fts` (`cooperative_id`, `search_name`, `search_body`) SELECT `id`, `search_name`, `search_body` FROM `cooperatives`;
