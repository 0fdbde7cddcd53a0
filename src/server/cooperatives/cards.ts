/**
 * Cooperative cards (./card.ts) for any page that lists cooperatives: the
 * columns, the row mapping and the common queries.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { CooperativeCard } from './card';

export interface CooperativeCardRow {
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

/**
 * Cooperative `c`'s published products, the card's product_count and the "most products first"
 * order: kept on the row by triggers (migration 0048), so an order by it walks
 * cooperatives_province_products_idx or cooperatives_status_products_idx.
 */
export const PRODUCT_COUNT = sql`c.published_products`;

/** "Most products first", then by name: the order of those indexes. */
export const MOST_PRODUCTS_FIRST = sql`c.published_products DESC, c.search_name, c.id`;

/**
 * The card columns of cooperative `c` joined with its province `pr`.
 *
 * The count is the row's own (PRODUCT_COUNT); the best stars a per-card lookup
 * on products_cooperative_idx, named for max(): without statistics SQLite prefers walking
 * products_status_stars_idx in star order for it, which reads the whole
 * published catalogue for every card (3 s for a province of 1,500
 * cooperatives at national scale, against 9 ms with the hint).
 */
export const COOPERATIVE_CARD_COLUMNS = sql`c.id, c.slug, c.name, c.kind, c.sector, c.logo_url, c.verified,
  pr.name_vi AS province_name_vi, pr.name_en AS province_name_en,
  ${PRODUCT_COUNT} AS product_count,
  (SELECT max(p.ocop_stars) FROM products p INDEXED BY products_cooperative_idx
    WHERE p.cooperative_id = c.id AND p.status = 'published') AS best_stars`;

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

/** Cards of active cooperatives matching `where` (on `c`), in `orderBy` order. */
export async function cooperativeCardsWhere(
  db: Database,
  { where, orderBy, limit }: { where: SQL; orderBy: SQL; limit: number },
): Promise<CooperativeCard[]> {
  const rows = await db.all<CooperativeCardRow>(sql`
    SELECT ${COOPERATIVE_CARD_COLUMNS}
    FROM cooperatives c JOIN provinces pr ON pr.code = c.province_code
    WHERE c.status = 'active' AND (${where})
    ORDER BY ${orderBy}
    LIMIT ${limit}`);
  return rows.map(toCooperativeCard);
}

/** Cards of the given active cooperatives, in the order of `ids`; unknown or inactive ids are left out. */
export async function cooperativeCardsByIds(db: Database, ids: readonly string[]): Promise<CooperativeCard[]> {
  if (ids.length === 0) return [];
  const cards = await cooperativeCardsWhere(db, {
    where: sql`c.id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
    orderBy: sql`c.id`,
    limit: ids.length,
  });
  const byId = new Map(cards.map((card) => [card.id, card]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * A province's active cooperatives, most published products first (then by
 * name): the first `limit` of cooperatives_province_products_idx, with their
 * card columns.
 */
export async function cooperativeCardsInProvince(
  db: Database,
  provinceCode: string,
  limit: number,
): Promise<CooperativeCard[]> {
  return cooperativeCardsWhere(db, {
    where: sql`c.province_code = ${provinceCode}`,
    orderBy: MOST_PRODUCTS_FIRST,
    limit,
  });
}
