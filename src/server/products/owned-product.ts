/**
 * The one door to a product for the cooperative dashboard: found by slug in
 * any status, and only for a member of the cooperative that owns it. Every
 * dashboard page and API route that touches a product, its batches or its
 * certificates goes through here before reading or writing anything else.
 */
import { eq } from 'drizzle-orm';
import { requireCooperativeMember } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { ProductStatus } from './vocabulary';
import type { Database } from '../db/client';
import { products } from '../db/schema';
import { NotFoundError } from '../errors';
import { findFollowingRenames } from '../slug-history/slug-history';

export interface OwnedProduct {
  id: string;
  slug: string;
  cooperativeId: string;
  nameVi: string;
  nameEn: string;
  status: ProductStatus;
  traceCode: string;
  gtin: string | null;
}

/**
 * The product with this slug (or, renamed, the one that had it), whatever its status; NotFoundError when none.
 * No guard: callers check who may act on it first (findOwnedProduct for its
 * cooperative's members; the console's oversight for officers).
 */
export async function findProductBySlug(db: Database, slug: string): Promise<OwnedProduct> {
  return findFollowingRenames(db, 'product', slug, async (held) => {
    const [product] = await db
      .select({
        id: products.id,
        slug: products.slug,
        cooperativeId: products.cooperativeId,
        nameVi: products.nameVi,
        nameEn: products.nameEn,
        status: products.status,
        traceCode: products.traceCode,
        gtin: products.gtin,
      })
      .from(products)
      .where(eq(products.slug, held))
      .limit(1);
    return product;
  });
}

/**
 * ForbiddenError (through the guard) for anyone but a cooperative member —
 * officers and admins included: they moderate, they do not edit a
 * cooperative's records. NotFoundError when no product has the slug, and
 * exactly the same when another cooperative's product has it.
 */
export async function findOwnedProduct(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
): Promise<OwnedProduct> {
  // The role is checked before the lookup, so visitors learn nothing about which drafts exist.
  const member = requireCooperativeMember(user, user?.cooperativeId ?? '');
  const product = await findProductBySlug(db, slug);
  // A 403 here would tell a member of another cooperative that a draft with this slug exists.
  if (product.cooperativeId !== member.cooperativeId) throw new NotFoundError('product');
  return product;
}
