/** What an inquiry form is about, for the page to name it: a public product (with its cooperative) or an active cooperative. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cooperatives, products } from '../db/schema';

export interface InquiryTarget {
  productSlug: string | null;
  productNameVi: string | null;
  productNameEn: string | null;
  cooperativeSlug: string;
  cooperativeName: string;
}

export async function findInquiryTarget(
  db: Database,
  query: { product?: string | null; cooperative?: string | null },
): Promise<InquiryTarget | null> {
  if (query.product) {
    const [row] = await db
      .select({
        productSlug: products.slug,
        productNameVi: products.nameVi,
        productNameEn: products.nameEn,
        cooperativeSlug: cooperatives.slug,
        cooperativeName: cooperatives.name,
      })
      .from(products)
      .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
      .where(and(eq(products.slug, query.product), eq(products.status, 'published'), eq(cooperatives.status, 'active')))
      .limit(1);
    return row ?? null;
  }
  if (!query.cooperative) return null;
  const [row] = await db
    .select({ cooperativeSlug: cooperatives.slug, cooperativeName: cooperatives.name })
    .from(cooperatives)
    .where(and(eq(cooperatives.slug, query.cooperative), eq(cooperatives.status, 'active')))
    .limit(1);
  return row ? { ...row, productSlug: null, productNameVi: null, productNameEn: null } : null;
}
