/**
 * The public cooperative directory: full-text search (names rank above the
 * rest, as for products), filters, sorting and pages. Product counts and best
 * stars are per-card subqueries on products_cooperative_idx, so they cost a
 * page of lookups, never a scan of the catalogue.
 */
import { type SQL, sql } from 'drizzle-orm';
import { PAGE_SIZE } from '../products/product-filters';
import type { Database } from '../db/client';
import { ftsMatchExpression, searchTokens } from '../search/fold';
import { countCapped, fetchListPage, type ListPage, relevanceOrder, resolveSlugFilters } from '../search/list-query';
import { COOPERATIVE_CARD_COLUMNS, type CooperativeCardRow, toCooperativeCard } from './cards';
import type { CooperativeCard } from './card';
import type { DirectoryFilters, DirectorySort } from './directory-filters';

export type DirectoryPage = ListPage<CooperativeCard, DirectorySort>;

const ORDER_BY: Record<Exclude<DirectorySort, 'relevance'>, SQL> = {
  name: sql`c.search_name, c.id`,
  products: sql`product_count DESC, c.search_name, c.id`,
  newest: sql`c.created_at DESC, c.id`,
};

export async function listCooperatives(db: Database, filters: DirectoryFilters): Promise<DirectoryPage> {
  const found = await queryDirectory<CooperativeCardRow>(db, filters, COOPERATIVE_CARD_COLUMNS, { count: true });
  return { ...found, items: found.items.map(toCooperativeCard) };
}

/**
 * The directory's search and filters with the caller's columns of cooperative
 * `c` and province `pr` (the map wants places, not cards). A `products` sort
 * needs the card's product_count column.
 */
export async function queryDirectory<Row>(
  db: Database,
  filters: DirectoryFilters,
  columns: SQL,
  { count }: { count: boolean },
): Promise<ListPage<Row, DirectorySort>> {
  const tokens = searchTokens(filters.q ?? '');
  const requested = filters.sort ?? (tokens.length > 0 ? 'relevance' : 'name');
  const sort: DirectorySort = requested === 'relevance' && tokens.length === 0 ? 'name' : requested;
  const limit = filters.limit ?? PAGE_SIZE;
  const page = filters.page ?? 1;
  const { province: provinceCode } = await resolveSlugFilters(db, { province: filters.province });

  const where: SQL[] = [sql`c.status = 'active'`];
  const offset = (page - 1) * limit;
  if (provinceCode) where.push(sql`c.province_code = ${provinceCode}`);
  if (filters.kind) where.push(sql`c.kind = ${filters.kind}`);
  if (filters.sector) where.push(sql`c.sector = ${filters.sector}`);
  if (filters.classification) where.push(sql`c.classification = ${filters.classification}`);
  if (filters.hasOcop !== undefined) {
    // Pinned to the cooperative's own products: the stars index would read the whole catalogue per row.
    const exists = sql`EXISTS (SELECT 1 FROM products p INDEXED BY products_cooperative_idx
      WHERE p.cooperative_id = c.id AND p.status = 'published' AND p.ocop_stars IS NOT NULL)`;
    where.push(filters.hasOcop ? exists : sql`NOT ${exists}`);
  }

  const onlySearch = where.length === 1;
  const match = ftsMatchExpression(tokens);
  // CROSS JOIN keeps the hits as the outer loop: flattened, SQLite may otherwise
  // walk every cooperative and re-run the full-text match for each one.
  const from = (
    hits: SQL | null,
  ) => sql`FROM ${hits === null ? sql`cooperatives c` : sql`${hits} hit CROSS JOIN cooperatives c ON c.id = hit.id`}
    JOIN provinces pr ON pr.code = c.province_code
    WHERE ${sql.join(where, sql` AND `)}`;
  const rows = (hits: SQL | null) =>
    db.all<Row>(sql`SELECT ${columns} ${from(hits)}
      ORDER BY ${sort === 'relevance' ? relevanceOrder(sql`c.id`) : ORDER_BY[sort]}
      LIMIT ${limit} OFFSET ${offset}`);
  const found = await fetchListPage({
    table: 'cooperatives_fts',
    match: tokens.length === 0 ? null : match,
    relevance: sort === 'relevance',
    onlySearch,
    offset,
    limit,
    rows,
    ...(count ? { count: (hits: SQL | null) => countCapped(db, from(hits)) } : {}),
  });
  return { ...found, page, limit, sort };
}
