/**
 * What a printed label (its QR code) points at: the label address of a public
 * product, or of one of its batches. Only published products of active
 * cooperatives have one, as everywhere else on the public side.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { batches, cooperatives, products } from '../db/schema';
import { batchLabelPath, type LabelledProduct, productLabelPath } from './digital-link';

export interface ProductLabel extends LabelledProduct {
  slug: string;
}

export type LabelLookup =
  | { kind: 'found'; product: ProductLabel; /** As stored; null for the product's own label. */ lotCode: string | null }
  | { kind: 'unknown_product' }
  | { kind: 'unknown_lot'; product: ProductLabel };

/** One round trip: the product by its slug and, when a lot is asked for, that batch (batches_product_lot_unique). */
export async function findLabel(db: Database, slug: string, lotCode?: string): Promise<LabelLookup> {
  const [row] = await db
    .select({ slug: products.slug, gtin: products.gtin, traceCode: products.traceCode, lotCode: batches.lotCode })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .leftJoin(batches, and(eq(batches.productId, products.id), eq(batches.lotCode, lotCode ?? '')))
    .where(and(eq(products.slug, slug), eq(products.status, 'published'), eq(cooperatives.status, 'active')))
    .limit(1);
  if (!row) return { kind: 'unknown_product' };
  const { lotCode: foundLot, ...product } = row;
  if (lotCode === undefined) return { kind: 'found', product, lotCode: null };
  return foundLot === null ? { kind: 'unknown_lot', product } : { kind: 'found', product, lotCode: foundLot };
}

/** The path the label's QR code encodes, to be made absolute on the public origin. */
export function labelPath(product: LabelledProduct, lotCode: string | null): string {
  return lotCode === null ? productLabelPath(product) : batchLabelPath(product, lotCode);
}

/**
 * A download's file name: the trace code, then the lot. Lot codes may hold
 * `"/:;<>?` and the like (GS1's character set 82), which file systems and the
 * Content-Disposition header refuse, so anything but letters, digits, `.`,
 * `_` and `-` becomes `_`.
 */
export function labelFileName(product: LabelledProduct, lotCode: string | null, extension: 'svg' | 'png'): string {
  const lot = lotCode === null ? '' : `-${lotCode.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  return `${product.traceCode}${lot}.${extension}`;
}
