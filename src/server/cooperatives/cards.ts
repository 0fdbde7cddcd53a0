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

/** Cooperative `c`'s published products, the card's product_count (and the directory's "products" order). */
export const PRODUCT_COUNT = sql`(SELECT count(*) FROM products p WHERE p.cooperative_id = c.id AND p.status = 'published')`;

/**
 * The card columns of cooperative `c` joined with its province `pr`.
 *
 * Both figures are per-card lookups on products_cooperative_idx. The index is
 * named for max(): without statistics SQLite prefers walking
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
 * The cooperatives of a province with the most published products first.
 * The order needs every active cooperative's count (products_status_cooperative_idx),
 * but nothing else of them: the province's ids come from cooperatives_province_idx
 * alone, and the card columns (the best stars, names) are read for the `limit`
 * first. Sorted with the card's columns, every cooperative of the province had
 * its best stars looked up too (1,470 at national scale for Bắc Ninh).
 */
export async function cooperativeCardsInProvince(
  db: Database,
  provinceCode: string,
  limit: number,
): Promise<CooperativeCard[]> {
  const rows = await db.all<CooperativeCardRow>(sql`
    SELECT ${COOPERATIVE_CARD_COLUMNS}
    FROM (SELECT c.id, ${PRODUCT_COUNT} AS product_count
      FROM cooperatives c
      WHERE c.province_code = ${provinceCode} AND c.status = 'active'
      ORDER BY product_count DESC, c.search_name, c.id
      LIMIT ${limit}) page
    CROSS JOIN cooperatives c ON c.id = page.id
    JOIN provinces pr ON pr.code = c.province_code
    ORDER BY page.product_count DESC, c.search_name, c.id`);
  return rows.map(toCooperativeCard);
}
