/**
 * Short lists of product cards for the detail pages: a cooperative's best
 * products, a province's, related products of a group.
 *
 * Each query names the index it walks. Asked for "best rated first" without
 * statistics, SQLite prefers walking products_status_stars_idx in star order
 * and filtering, which for one cooperative, or a province and group, reads
 * most of the published catalogue: 136 ms and 51 ms at 200,000 products,
 * against under 1 ms and 15 ms on the cooperative's or province's own range.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { mediaPath, readStoredImages, variantDimensions } from '../media/stored-image';
import type { ProductCard } from './card';
import type { OcopGroup } from './vocabulary';

export interface ProductCardRow {
  id: string;
  slug: string;
  name_vi: string;
  name_en: string;
  ocop_group: OcopGroup;
  ocop_stars: number | null;
  price_vnd: number | null;
  unit_vi: string;
  unit_en: string;
  images: string;
  cooperative_name: string;
  cooperative_slug: string;
  province_name_vi: string;
  province_name_en: string;
}

/** Cards show the 640-pixel variant (and the 160 one on narrow, low-density screens). */
export const CARD_IMAGE_SIZE = 640;

export function toProductCard(row: ProductCardRow): ProductCard {
  const [photo] = readStoredImages(row.images);
  const size = photo ? variantDimensions(photo, CARD_IMAGE_SIZE) : null;
  return {
    id: row.id,
    slug: row.slug,
    nameVi: row.name_vi,
    nameEn: row.name_en,
    ocopGroup: row.ocop_group,
    ocopStars: row.ocop_stars === null ? null : Number(row.ocop_stars),
    priceVnd: row.price_vnd === null ? null : Number(row.price_vnd),
    unitVi: row.unit_vi,
    unitEn: row.unit_en,
    image: photo ? mediaPath(photo.id, CARD_IMAGE_SIZE) : null,
    imageWidth: size?.width ?? null,
    imageHeight: size?.height ?? null,
    cooperativeName: row.cooperative_name,
    cooperativeSlug: row.cooperative_slug,
    provinceNameVi: row.province_name_vi,
    provinceNameEn: row.province_name_en,
  };
}

/** The card columns of product `p` with its cooperative `c` and province `pr`, for any product list. */
export const PRODUCT_CARD_COLUMNS = sql`p.id, p.slug, p.name_vi, p.name_en, p.ocop_group, p.ocop_stars, p.price_vnd,
  p.unit_vi, p.unit_en, p.images,
  c.name AS cooperative_name, c.slug AS cooperative_slug,
  pr.name_vi AS province_name_vi, pr.name_en AS province_name_en`;

/** The product list's "stars" order, so a "see all" link sorted by stars continues these. */
const BEST_FIRST = sql`p.ocop_stars DESC NULLS LAST, p.published_at DESC, p.id`;

type ProductIndex = 'products_cooperative_idx' | 'products_province_idx' | 'products_status_stars_idx';

/** Published products of active cooperatives matching `where` (on `p`), best rated first. */
async function bestProductCards(db: Database, index: ProductIndex, where: SQL, limit: number): Promise<ProductCard[]> {
  const rows = await db.all<ProductCardRow>(sql`
    SELECT ${PRODUCT_CARD_COLUMNS}
    FROM products p INDEXED BY ${sql.raw(index)}
    JOIN cooperatives c ON c.id = p.cooperative_id
    JOIN provinces pr ON pr.code = p.province_code
    WHERE p.status = 'published' AND c.status = 'active' AND ${where}
    ORDER BY ${BEST_FIRST}
    LIMIT ${limit}`);
  return rows.map(toProductCard);
}

/** A cooperative's best products, and how many it has published in all. */
export async function bestProductsOfCooperative(
  db: Database,
  cooperativeId: string,
  limit: number,
): Promise<{ items: ProductCard[]; total: number }> {
  const [items, [count]] = await Promise.all([
    bestProductCards(db, 'products_cooperative_idx', sql`p.cooperative_id = ${cooperativeId}`, limit),
    db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM products WHERE cooperative_id = ${cooperativeId} AND status = 'published'`,
    ),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

/** A province's best products, optionally of one OCOP group: one province's range, whatever the catalogue's size. */
export function bestProductsInProvince(
  db: Database,
  provinceCode: string,
  limit: number,
  group?: OcopGroup,
): Promise<ProductCard[]> {
  const where = group
    ? sql`p.province_code = ${provinceCode} AND p.ocop_group = ${group}`
    : sql`p.province_code = ${provinceCode}`;
  return bestProductCards(db, 'products_province_idx', where, limit);
}

/**
 * The best products of a group nationwide. Here walking the star index is
 * right: each of the six groups is a sizeable share of the catalogue (the
 * smallest is 5% of the national-scale set), so the first few rows of a group
 * in star order come after a few hundred at most (5 ms at 200,000 products),
 * while the group's own index would sort tens of thousands of rows.
 */
export function bestProductsInGroup(db: Database, group: OcopGroup, limit: number): Promise<ProductCard[]> {
  return bestProductCards(db, 'products_status_stars_idx', sql`p.ocop_group = ${group}`, limit);
}

/**
 * Published products of active cooperatives by slug, in the order given (a
 * buyer's shortlist: at most src/server/shortlist/shortlist.ts#MAX_SHORTLIST
 * bound values, each found on products_slug_unique); slugs that find nothing
 * public are left out.
 */
export async function productCardsBySlugs(db: Database, slugs: readonly string[]): Promise<ProductCard[]> {
  if (slugs.length === 0) return [];
  const rows = await db.all<ProductCardRow>(sql`
    SELECT ${PRODUCT_CARD_COLUMNS}
    FROM products p
    JOIN cooperatives c ON c.id = p.cooperative_id
    JOIN provinces pr ON pr.code = p.province_code
    WHERE p.slug IN (${sql.join(
      slugs.map((slug) => sql`${slug}`),
      sql`, `,
    )}) AND p.status = 'published' AND c.status = 'active'`);
  const bySlug = new Map(rows.map((row) => [row.slug, toProductCard(row)]));
  return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
}

/**
 * Public products' cards in the order of `ids` (a search's page past its ranked candidates), one
 * bound value whatever their number; ids that find nothing public are left out.
 * The ids drive the plan (CROSS JOIN, unary +): left free, SQLite walks every
 * active cooperative's products and tests each against the list.
 */
export async function productCardsByIds(db: Database, ids: readonly string[]): Promise<ProductCard[]> {
  if (ids.length === 0) return [];
  const rows = await db.all<ProductCardRow>(sql`
    SELECT ${PRODUCT_CARD_COLUMNS}
    FROM json_each(${JSON.stringify(ids)}) page
    CROSS JOIN products p ON p.id = page.value
    JOIN cooperatives c ON c.id = p.cooperative_id
    JOIN provinces pr ON pr.code = p.province_code
    WHERE +p.status = 'published' AND +c.status = 'active'`);
  const byId = new Map(rows.map((row) => [row.id, toProductCard(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
