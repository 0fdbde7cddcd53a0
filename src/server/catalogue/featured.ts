import { and, desc, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cooperatives, products, provinces } from '../db/schema';
import type { OcopGroup } from './vocabulary';

/** What a product card shows, in both languages. */
export interface ProductCard {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  ocopGroup: OcopGroup;
  ocopStars: number | null;
  priceVnd: number | null;
  unitVi: string;
  unitEn: string;
  image: string | null;
  cooperativeName: string;
  cooperativeSlug: string;
  provinceNameVi: string;
  provinceNameEn: string;
}

/**
 * Published OCOP products for the home page: highest rating first, newest
 * first among equals. Walks products_status_stars_idx, not the whole table.
 */
export async function listFeaturedProducts(db: Database, limit = 8): Promise<ProductCard[]> {
  const rows = await db
    .select({
      id: products.id,
      slug: products.slug,
      nameVi: products.nameVi,
      nameEn: products.nameEn,
      ocopGroup: products.ocopGroup,
      ocopStars: products.ocopStars,
      priceVnd: products.priceVnd,
      unitVi: products.unitVi,
      unitEn: products.unitEn,
      images: products.images,
      cooperativeName: cooperatives.name,
      cooperativeSlug: cooperatives.slug,
      provinceNameVi: provinces.nameVi,
      provinceNameEn: provinces.nameEn,
    })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .innerJoin(provinces, eq(provinces.code, products.provinceCode))
    .where(and(eq(products.status, 'published'), isNotNull(products.ocopStars), eq(cooperatives.status, 'active')))
    .orderBy(desc(products.ocopStars), desc(products.publishedAt), products.id)
    .limit(limit);
  return rows.map(({ images, ...row }) => ({ ...row, image: images[0] ?? null }));
}
