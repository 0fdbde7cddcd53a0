/**
 * The public cooperative directory: full-text search (names rank above the
 * rest, as for products), filters, sorting and pages. Product counts and best
 * stars are per-card subqueries on products_cooperative_idx, so they cost a
 * page of lookups, never a scan of the catalogue.
 */
import { type SQL, sql } from 'drizzle-orm';
import { PAGE_SIZE } from '../catalogue/product-filters';
import type { Database } from '../db/client';
import { ftsMatchExpression, searchTokens } from '../search/fold';
import { countCapped, type ListPage, resolveSlugFilters } from '../search/list-query';
import type { CooperativeCard } from './card';
import type { DirectoryFilters, DirectorySort } from './directory-filters';

export type DirectoryPage = ListPage<CooperativeCard, DirectorySort>;

interface CooperativeCardRow {
  id: string;
  slug: string;
  name: string;
  kind: CooperativeCard['kind'];
  sector: CooperativeCard['sector'];
  logo_url: string | null;
  verified: number;
  province_name_vi: string;
  province_name_en: string;
  product_count: number;
  best_stars: number | null;
}

/** The card columns of cooperative `c` joined with its province `pr`, for any query that lists cooperatives. */
export const COOPERATIVE_CARD_COLUMNS = sql`c.id, c.slug, c.name, c.kind, c.sector, c.logo_url, c.verified,
  pr.name_vi AS province_name_vi, pr.name_en AS province_name_en,
  (SELECT count(*) FROM products p WHERE p.cooperative_id = c.id AND p.status = 'published') AS product_count,
  (SELECT max(p.ocop_stars) FROM products p WHERE p.cooperative_id = c.id AND p.status = 'published') AS best_stars`;

export function toCooperativeCard(row: CooperativeCardRow): CooperativeCard {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    sector: row.sector,
    logoUrl: row.logo_url,
    verified: Number(row.verified) === 1,
    provinceNameVi: row.province_name_vi,
    provinceNameEn: row.province_name_en,
    productCount: Number(row.product_count),
    bestStars: row.best_stars === null ? null : Number(row.best_stars),
  };
}

const ORDER_BY: Record<Exclude<DirectorySort, 'relevance'>, SQL> = {
  name: sql`c.search_name, c.id`,
  products: sql`product_count DESC, c.search_name, c.id`,
  newest: sql`c.created_at DESC, c.id`,
};

export async function listCooperatives(db: Database, filters: DirectoryFilters): Promise<DirectoryPage> {
  const tokens = searchTokens(filters.q ?? '');
  const requested = filters.sort ?? (tokens.length > 0 ? 'relevance' : 'name');
  const sort: DirectorySort = requested === 'relevance' && tokens.length === 0 ? 'name' : requested;
  const limit = filters.limit ?? PAGE_SIZE;
  const page = filters.page ?? 1;
  const { province: provinceCode } = await resolveSlugFilters(db, { province: filters.province });

  const where: SQL[] = [sql`c.status = 'active'`];
  if (provinceCode) where.push(sql`c.province_code = ${provinceCode}`);
  if (filters.kind) where.push(sql`c.kind = ${filters.kind}`);
  if (filters.sector) where.push(sql`c.sector = ${filters.sector}`);
  if (filters.classification) where.push(sql`c.classification = ${filters.classification}`);
  if (filters.hasOcop !== undefined) {
    const exists = sql`EXISTS (SELECT 1 FROM products p
      WHERE p.cooperative_id = c.id AND p.status = 'published' AND p.ocop_stars IS NOT NULL)`;
    where.push(filters.hasOcop ? exists : sql`NOT ${exists}`);
  }

  const hits =
    tokens.length > 0
      ? sql`JOIN (SELECT cooperative_id, bm25(cooperatives_fts, 0.0, 10.0, 1.0) AS score
                  FROM cooperatives_fts WHERE cooperatives_fts MATCH ${ftsMatchExpression(tokens)}) hit
             ON hit.cooperative_id = c.id`
      : sql``;
  const from = sql`FROM cooperatives c
    ${hits}
    JOIN provinces pr ON pr.code = c.province_code
    WHERE ${sql.join(where, sql` AND `)}`;
  const orderBy =
    sort === 'relevance'
      ? sql`(c.id IN (SELECT cooperative_id FROM cooperatives_fts
                     WHERE cooperatives_fts MATCH ${ftsMatchExpression(tokens, 'search_name')})) DESC,
            hit.score, c.id`
      : ORDER_BY[sort];

  const [rows, counted] = await Promise.all([
    db.all<CooperativeCardRow>(sql`SELECT ${COOPERATIVE_CARD_COLUMNS} ${from}
      ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${(page - 1) * limit}`),
    countCapped(db, from),
  ]);
  return { items: rows.map(toCooperativeCard), ...counted, page, limit, sort };
}
