/**
 * A cooperative's own products as its software reads them back (the API's
 * /managed-products): every status, the fields as a write takes them, the
 * photos, and a published product's change waiting for review (or sent
 * back) with the fields it proposes. Only members of the cooperative: the
 * product is found through findOwnedProduct.
 */
import { eq } from 'drizzle-orm';
import { requireRole } from '../accounts/guards';
import type { SessionUser } from '../accounts/users';
import type { Database } from '../db/client';
import { products } from '../db/schema';
import { ConflictError, NotFoundError } from '../errors';
import { readStoredImages, type StoredImage } from '../media/stored-image';
import { changedFieldNames } from '../moderation/revision-diff';
import type { RevisionStatus } from '../moderation/vocabulary';
import { findOwnedProduct } from './owned-product';
import {
  type DashboardProductRow,
  listCooperativeProducts,
  type ProductFields,
  productFieldColumns,
} from './owner-list';
import { loadProductRevision } from './product-revisions';
import { FORM_STATUSES, type ProductSave, updateProduct } from './product-writes';
import type { ProductStatus } from './vocabulary';

export interface ManagedProduct {
  id: string;
  slug: string;
  traceCode: string;
  status: ProductStatus;
  rejectionReason: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  /** The fields as a write takes them (for a published product, what the public sees). */
  input: ProductFields;
  photos: StoredImage[];
  revision: {
    status: RevisionStatus;
    version: number;
    rejectionReason: string | null;
    updatedAt: Date;
    /** The fields the change proposes, whole. */
    input: ProductFields;
    changedFields: (keyof ProductFields)[];
  } | null;
}

/** The member's cooperative's product with this slug (NotFoundError for anyone else's, as for none). */
export async function readManagedProduct(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
): Promise<ManagedProduct> {
  const owned = await findOwnedProduct(db, user, slug);
  const [[row], revision] = await Promise.all([
    db
      .select({
        rejectionReason: products.rejectionReason,
        publishedAt: products.publishedAt,
        updatedAt: products.updatedAt,
        images: products.images,
        ...productFieldColumns,
      })
      .from(products)
      .where(eq(products.id, owned.id))
      .limit(1),
    loadProductRevision(db, owned.id),
  ]);
  if (!row) throw new NotFoundError('product');
  const { rejectionReason, publishedAt, updatedAt, images, ...input } = row;
  return {
    id: owned.id,
    slug: owned.slug,
    traceCode: owned.traceCode,
    status: owned.status,
    rejectionReason,
    publishedAt,
    updatedAt,
    input,
    photos: readStoredImages(images),
    revision: revision && {
      status: revision.revision.status,
      version: revision.revision.version,
      rejectionReason: revision.revision.rejectionReason,
      updatedAt: revision.revision.updatedAt,
      input: revision.fields,
      changedFields: changedFieldNames(revision.changes),
    },
  };
}

/** Every product of the member's cooperative, drafts included, by name. */
export async function listManagedProducts(
  db: Database,
  user: SessionUser | null | undefined,
): Promise<DashboardProductRow[]> {
  const member = requireRole(user, 'member');
  return member.cooperativeId ? listCooperativeProducts(db, member.cooperativeId) : [];
}

/**
 * Saves a write of the product's fields as the form's save does
 * (updateProduct: in place, or a change for review of a published product),
 * telling a product that waits for review apart (409 naming `status`) from
 * one that changed status meanwhile.
 */
export async function saveManagedProduct(
  db: Database,
  user: SessionUser | null | undefined,
  slug: string,
  input: unknown,
  now = new Date(),
): Promise<ProductSave> {
  const owned = await findOwnedProduct(db, user, slug);
  if (!FORM_STATUSES.includes(owned.status))
    throw new ConflictError(`product is ${owned.status}`, { status: { code: 'product_in_review' } });
  return updateProduct(db, user, slug, input, now);
}
