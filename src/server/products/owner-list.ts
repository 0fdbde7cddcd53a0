/**
 * A cooperative's own products for its dashboard: every status, drafts
 * included (the public catalogue only ever reads published ones).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { ProductStatus } from './vocabulary';
import type { Database } from '../db/client';
import { cooperatives, pendingRevisions, products } from '../db/schema';
import { readStoredImages, type StoredImage } from '../media/stored-image';
import type { RevisionStatus } from '../moderation/vocabulary';
import type { WholesaleFields } from './wholesale';

export interface DashboardProductRow {
  id: string;
  slug: string;
  nameVi: string;
  nameEn: string;
  status: ProductStatus;
  rejectionReason: string | null;
  updatedAt: Date;
  /** The status of a published product's change waiting for review (or sent back), if it has one. */
  revisionStatus: RevisionStatus | null;
}

export async function listCooperativeProducts(db: Database, cooperativeId: string): Promise<DashboardProductRow[]> {
  return db
    .select({
      id: products.id,
      slug: products.slug,
      nameVi: products.nameVi,
      nameEn: products.nameEn,
      status: products.status,
      rejectionReason: products.rejectionReason,
      updatedAt: products.updatedAt,
      revisionStatus: pendingRevisions.status,
    })
    .from(products)
    .leftJoin(
      pendingRevisions,
      and(eq(pendingRevisions.entityType, 'product'), eq(pendingRevisions.entityId, products.id)),
    )
    .where(eq(products.cooperativeId, cooperativeId))
    .orderBy(asc(products.searchName));
}

export async function cooperativeName(db: Database, cooperativeId: string): Promise<string> {
  const [row] = await db
    .select({ name: cooperatives.name })
    .from(cooperatives)
    .where(eq(cooperatives.id, cooperativeId))
    .limit(1);
  return row?.name ?? '';
}

export interface EditableProduct {
  id: string;
  slug: string;
  /** The code of its label address when it has no GTIN (/truy-xuat/{traceCode}): the dashboard offers the label QR. */
  traceCode: string;
  status: ProductStatus;
  rejectionReason: string | null;
  fields: {
    nameVi: string;
    nameEn: string;
    descriptionVi: string;
    descriptionEn: string;
    ocopGroup: string;
    provinceCode: string;
    commune: string | null;
    originFormerly: string | null;
    gtin: string | null;
    sku: string | null;
    priceVnd: number | null;
    unitVi: string;
    unitEn: string;
    minOrder: number;
    seasonVi: string | null;
    seasonEn: string | null;
  } & WholesaleFields;
  /** Its photos in order (not among `fields`, which review diffs compare as text). */
  images: StoredImage[];
}

/** The columns a cooperative edits (productInputSchema's fields), for forms and review diffs. */
export const productFieldColumns = {
  nameVi: products.nameVi,
  nameEn: products.nameEn,
  descriptionVi: products.descriptionVi,
  descriptionEn: products.descriptionEn,
  ocopGroup: products.ocopGroup,
  provinceCode: products.provinceCode,
  commune: products.commune,
  originFormerly: products.originFormerly,
  gtin: products.gtin,
  sku: products.sku,
  priceVnd: products.priceVnd,
  unitVi: products.unitVi,
  unitEn: products.unitEn,
  minOrder: products.minOrder,
  seasonVi: products.seasonVi,
  seasonEn: products.seasonEn,
  wholesaleMinOrder: products.wholesaleMinOrder,
  priceTiers: products.priceTiers,
  leadTimeDays: products.leadTimeDays,
  monthlyCapacity: products.monthlyCapacity,
  packagingVi: products.packagingVi,
  packagingEn: products.packagingEn,
  shelfLifeDays: products.shelfLifeDays,
  storageVi: products.storageVi,
  storageEn: products.storageEn,
  exportMarkets: products.exportMarkets,
  hsCode: products.hsCode,
};

export type ProductFields = EditableProduct['fields'];

/** A product's editable fields and photos, for a member of its cooperative (the caller checked ownership). */
export async function loadEditableProduct(db: Database, productId: string): Promise<EditableProduct | null> {
  const [row] = await db
    .select({
      id: products.id,
      slug: products.slug,
      traceCode: products.traceCode,
      status: products.status,
      rejectionReason: products.rejectionReason,
      images: products.images,
      ...productFieldColumns,
    })
    .from(products)
    .where(eq(products.id, productId))
    .limit(1);
  if (!row) return null;
  const { id, slug, traceCode, status, rejectionReason, images, ...fields } = row;
  return { id, slug, traceCode, status, rejectionReason, fields, images: readStoredImages(images) };
}
