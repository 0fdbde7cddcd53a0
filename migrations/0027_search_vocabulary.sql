-- "Did you mean" reads the full-text indexes' own words (src/server/search/did-you-mean.ts):
-- an fts5vocab table is a read-only view of an FTS5 index's vocabulary, one row per
-- word with the number of rows holding it. It stores nothing and needs no trigger:
-- it follows products_fts and cooperatives_fts as they change. Lookups by a range of
-- words (term >= 'ma' AND term < 'mb') read that range of the index only.
CREATE VIRTUAL TABLE `products_fts_vocab` USING fts5vocab(`products_fts`, 'row');--> statement-breakpoint
CREATE VIRTUAL TABLE `cooperatives_fts_vocab` USING fts5vocab(`cooperatives_fts`, 'row');
