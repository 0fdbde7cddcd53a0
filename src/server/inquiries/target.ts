/** What an inquiry form is about, for the page to name it: a public product (with its cooperative) or an active cooperative. */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cooperatives, products } from '../db/schema';
import { type ResponseTime, responseTimeOf } from './response-time';

export interface InquiryTarget {
  productSlug: string | null;
  productNameVi: string | null;
  productNameEn: string | null;
  cooperativeSlug: string;
  cooperativeName: string;
  /** How quickly the cooperative answers, shown before the buyer writes. */
  responseTime: ResponseTime;
}

export async function findInquiryTarget(
  db: Database,
  query: { product?: string | null; cooperative?: string | null },
  now: Date,
): Promise<InquiryTarget | null> {
  const found = await findTarget(db, query);
  if (!found) return null;
  const { cooperativeId, ...target } = found;
  return { ...target, responseTime: await responseTimeOf(db, cooperativeId, now) };
}

async function findTarget(
  db: Database,
  query: { product?: string | null; cooperative?: string | null },
): Promise<(Omit<InquiryTarget, 'responseTime'> & { cooperativeId: string }) | null> {
  if (query.product) {
    const [row] = await db
      .select({
        productSlug: products.slug,
        productNameVi: products.nameVi,
        productNameEn: products.nameEn,
        cooperativeId: cooperatives.id,
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
    .select({ cooperativeId: cooperatives.id, cooperativeSlug: cooperatives.slug, cooperativeName: cooperatives.name })
    .from(cooperatives)
    .where(and(eq(cooperatives.slug, query.cooperative), eq(cooperatives.status, 'active')))
    .limit(1);
  return row ? { ...row, productSlug: null, productNameVi: null, productNameEn: null } : null;
}
