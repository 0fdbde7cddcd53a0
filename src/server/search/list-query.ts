/** Pieces shared by the public list queries (products, cooperatives). */
import { currentProvinceBySlug } from '../provinces/reference';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { type FieldIssues, InvalidFilterError } from '../errors';
import { MAX_PAGE_SIZE } from '../products/product-filters';
import { ftsMatchExpression, phraseExpression } from './fold';
import type { IndexScope } from './index-tags';

/**
 * Counting stops here: an exact count of a broad query over a national
 * catalogue costs more than it tells anyone ("more than 1,000 products"),
 * and the cost of counting grows with the cap.
 */
export const COUNT_CAP = 1_000;

export interface ListPage<T, Sort extends string> {
  items: T[];
  /** Matching rows, exact up to COUNT_CAP. */
  total: number;
  totalIsCapped: boolean;
  page: number;
  limit: number;
  sort: Sort;
}

/** How many rows `from` gives, up to COUNT_CAP + 1, as an SQL value. `from` is everything after SELECT … up to the end of WHERE. */
export function countUpToCap(from: SQL): SQL {
  return sql`(SELECT count(*) FROM (SELECT 1 ${from} LIMIT ${COUNT_CAP + 1}))`;
}

/** The list's total for `from` (countUpToCap). */
export async function countCapped(db: Database, from: SQL): Promise<{ total: number; totalIsCapped: boolean }> {
  const [row] = await db.all<{ n: number }>(sql`SELECT ${countUpToCap(from)} AS n`);
  return cappedTotal(Number(row?.n ?? 0));
}

/** A count known in full (from a facet cube) shown as countCapped shows it. */
export function cappedTotal(n: number): { total: number; totalIsCapped: boolean } {
  return { total: Math.min(n, COUNT_CAP), totalIsCapped: n > COUNT_CAP };
}

const SLUG_TABLES = {
  province: { table: 'provinces', key: 'code' },
  cooperative: { table: 'cooperatives', key: 'id' },
} as const;

/**
 * Turns filter slugs into keys. A slug that names nothing is an
 * InvalidFilterError (a 400 for the API, a notice on a page), not an empty list.
 * A pre-2025 province's slug (`ha-giang`) names the unit it is part of now, as
 * the product and cooperative lists read it (search/facets.ts, provinceCodes).
 */
export async function resolveSlugFilters<K extends keyof typeof SLUG_TABLES>(
  db: Database,
  slugs: Partial<Record<K, string>>,
): Promise<Partial<Record<K, string>>> {
  const entries = Object.entries(slugs).filter((entry): entry is [K, string] => typeof entry[1] === 'string');
  const keys = await Promise.all(
    entries.map(async ([filter, slug]) => {
      const { table, key } = SLUG_TABLES[filter];
      const current = filter === 'province' ? (currentProvinceBySlug(slug)?.slug ?? slug) : slug;
      const [row] = await db.all<{ key: string }>(
        sql`SELECT ${sql.raw(key)} AS key FROM ${sql.raw(table)} WHERE slug = ${current}`,
      );
      return [filter, row?.key] as const;
    }),
  );
  const unknown: FieldIssues = {};
  for (const [filter, key] of keys) if (!key) unknown[filter] = { code: 'unknown_value' };
  if (Object.keys(unknown).length > 0) throw new InvalidFilterError(unknown);
  return Object.fromEntries(keys) as Partial<Record<K, string>>;
}

/**
 * The full-text tables, both (id, search_name, search_body), products_fts with search_tags (see
 * migrations/0001_search_index.sql, 0050_search_tags.sql); a hit's rowid is its row's `search_key`
 * (migrations/0045_search_keys.sql), which the lists join on: reading the
 * id column would read the index's content table once per hit.
 */
export type FtsTable = 'products_fts' | 'cooperatives_fts';

/**
 * bm25 weights of (id, search_name, search_body). The name weighs 1000 times
 * the rest, which ranks every row whose name matches above every row that
 * matches only elsewhere: bm25 scores each term by idf × a factor below
 * k1 + 1 = 2.2, and that factor is small only for a field far longer than the
 * average of its column (it falls under 2.2/1000 only for a name some 500
 * times the average name). One ORDER BY rank inside FTS5 thus does what a
 * separate "name matches first" pass did at five times the cost. Tags are
 * never matched where bm25 ranks.
 */
const BM25_WEIGHTS = sql.raw('0.0, 1000.0, 1.0');

/**
 * The MATCH of a search: its words (`match`, from fold.ts) in the name and the text, never in
 * products' tags, narrowed by the tags of `scope` (index-tags.ts), if any.
 */
export function ftsQuery(match: string, scope?: IndexScope): string {
  const words = `{search_name search_body} : (${match})`;
  return scope ? scope(words) : words;
}

/**
 * Hits as (key, score) in relevance order (lower score is better). With `cap`,
 * ranking happens inside the index and only the first `cap` hits come out,
 * so a broad word costs a sort of keys, not a join of every hit.
 */
function rankedHits(table: FtsTable, match: string, cap?: number, scope?: IndexScope): SQL {
  const fts = sql.raw(table);
  return sql`(
    SELECT rowid AS key, bm25(${fts}, ${BM25_WEIGHTS}) AS score
    FROM ${fts} WHERE ${fts} MATCH ${ftsQuery(match, scope)}
    ${cap === undefined ? sql`` : sql`ORDER BY score LIMIT ${cap}`})`;
}

/** Hits as (key), unranked: for counting and for other sort orders; in `scope` (ftsQuery). */
export function plainHits(table: FtsTable, match: string, scope?: IndexScope): SQL {
  const fts = sql.raw(table);
  return sql`(SELECT rowid AS key FROM ${fts} WHERE ${fts} MATCH ${ftsQuery(match, scope)})`;
}

/**
 * The hits of a search in relevance tiers, best first, as MATCH expressions
 * that exclude each other: the words as a phrase in the name (`phrase`, from
 * phraseExpression; none for one word), every word in the name, every word
 * anywhere. With `whole` (the same with the last word whole: searchTiers), each
 * tier of the name is split in two, the words found whole first: "tra" finds
 * "Trà …" before "Tour trải nghiệm", where it is only the start of a word. The
 * tiers follow the ranking rules' weights (ranking.ts): a word in the name
 * outweighs every word elsewhere, the phrase in the name adds more than any
 * placement of the words, a word found whole more than its start, so a hit of
 * a better tier almost always scores higher.
 */
export function relevanceTiers(
  match: string,
  phrase: string | null,
  whole?: { match: string; phrase: string | null },
): string[] {
  const inName = (words: string) => `search_name : (${words})`;
  const best = [
    ...(whole?.phrase ? [`search_name : ${whole.phrase}`] : []),
    ...(phrase ? [`search_name : ${phrase}`] : []),
    ...(whole ? [inName(whole.match)] : []),
    inName(match),
    match,
  ];
  // A one-letter last word is whole either way: no tier twice.
  const tiers = best.filter((tier, i) => best.indexOf(tier) === i);
  return tiers.map((tier, i) => (i === 0 ? tier : `(${tier}) NOT (${tiers.slice(0, i).join(' OR ')})`));
}

/**
 * The relevance tiers of a search's words (relevanceTiers), whole words before their starts; with
 * `lastWhole` (the last word is finished: words followed it), whole words only.
 */
export function searchTiers(tokens: readonly string[], { lastWhole = false } = {}): string[] {
  const whole = {
    match: ftsMatchExpression(tokens, { lastWhole: true }),
    phrase: phraseExpression(tokens, { lastWhole: true }),
  };
  if (lastWhole) return relevanceTiers(whole.match, whole.phrase);
  return relevanceTiers(ftsMatchExpression(tokens), phraseExpression(tokens), whole);
}

/**
 * A tier is read highest key first: a product's key sorts as the ranking rules
 * break ties, so its best comes first (migrations/0051_search_key_order.sql); a
 * cooperative's is its creation, so the newest. FTS5 walks its rowids in that
 * order and stops at the LIMIT, where bm25 would score every hit to keep the
 * best (24 of 26 ms for "mat ong"'s 17,151 hits at 200,000 products).
 */
export const TIER_ORDER = sql`hit.key DESC`;

/**
 * The first `want` rows of a search, tier by tier (relevanceTiers): `rows`
 * runs the list's own query over a tier's `hits` (plainHits, in `scope`), in
 * TIER_ORDER, up to `limit` rows.
 * A later tier is read only when the earlier ones hold fewer than `want`
 * rows, so a broad search reads one tier's first rows and nothing more.
 */
export async function firstInTiers<Row>(
  table: FtsTable,
  tiers: readonly string[],
  want: number,
  rows: (hits: SQL, limit: number) => Promise<Row[]>,
  scope?: IndexScope,
): Promise<Row[]> {
  const found: Row[] = [];
  for (const tier of tiers) {
    if (found.length >= want) break;
    found.push(...(await rows(plainHits(table, tier, scope), want - found.length)));
  }
  return found;
}

/**
 * Pages of a relevance-sorted search are read tier by tier (firstInTiers)
 * while all their rows are among the hits the count names (COUNT_CAP), down to
 * the last page of the largest size; deeper ones, which no list links, by bm25
 * over every hit. The two orders differ: with the bound at 200 rows (until
 * 2026-12-05), pages 9 and on showed some hits twice and others never.
 */
export const TIERED_WINDOW = COUNT_CAP + MAX_PAGE_SIZE;

/** Relevance order over `hit` from rankedHits, with `tiebreak` for equal scores. */
export function relevanceOrder(tiebreak: SQL): SQL {
  return sql`hit.score, ${tiebreak}`;
}

/** Rows fetched beyond a page when ranking inside the index, for hits that turn out not public. */
const RANKING_MARGIN = 100;

/**
 * One page of a list that may be a search, and its count. `rows` and `count`
 * run the list's own query given the hits to start from (null without words).
 * A relevance-sorted search with no other filter ranks inside the index and
 * joins only the page's rows plus a margin; if more hits than the margin turn
 * out not to be public, it ranks them all after all.
 */
export async function fetchListPage<Row>(options: {
  table: FtsTable;
  /** The FTS5 MATCH expression, or null when the list has no search words. */
  match: string | null;
  relevance: boolean;
  onlySearch: boolean;
  offset: number;
  limit: number;
  rows: (hits: SQL | null) => Promise<Row[]>;
  /** Counts the list for `match` (the same MATCH expression, or null); omitted when the caller needs no count. */
  count?: (match: string | null) => Promise<{ total: number; totalIsCapped: boolean }>;
  /** What the index keeps of the hits (ftsQuery); bm25 ranks the words alone. */
  scope?: IndexScope;
}): Promise<{ items: Row[]; total: number; totalIsCapped: boolean }> {
  const { table, match, relevance, onlySearch, offset, limit } = options;
  const rowsHits =
    match === null
      ? null
      : relevance
        ? rankedHits(table, match, onlySearch ? offset + limit + RANKING_MARGIN : undefined, options.scope)
        : plainHits(table, match, options.scope);
  const counting = options.count ? options.count(match) : { total: 0, totalIsCapped: false };
  let [items, counted] = await Promise.all([options.rows(rowsHits), counting]);
  if (match !== null && relevance && onlySearch && items.length < limit && counted.total > offset + items.length) {
    items = await options.rows(rankedHits(table, match));
  }
  return { items, ...counted };
}
