/**
 * What a printed label (its QR code) points at: the label address of a public
 * product, or of one of its batches. Only published products of active
 * cooperatives have one, as everywhere else on the public side.
 */
import type { Database } from '../db/client';
import { batchLabelPath, type LabelledProduct, productLabelPath } from './digital-link';
import { type ResolvedProduct, resolveSlug } from './resolver';

export type LabelLookup =
  | { kind: 'found'; product: ResolvedProduct; /** Null for the product's own label. */ lotCode: string | null }
  | { kind: 'unknown_product' }
  | { kind: 'unknown_lot'; product: ResolvedProduct };

/** The product by its slug and, when a lot is asked for, that batch (one round trip, see resolver.ts). */
export async function findLabel(db: Database, slug: string, lotCode?: string): Promise<LabelLookup> {
  const found = await resolveSlug(db, slug, lotCode);
  switch (found.kind) {
    case 'product':
      return { kind: 'found', product: found.product, lotCode: null };
    case 'batch':
      return { kind: 'found', product: found.product, lotCode: found.lotCode };
    case 'unknown_lot':
      return { kind: 'unknown_lot', product: found.product };
    case 'malformed':
    case 'malformed_qualifiers':
    case 'unknown':
      return { kind: 'unknown_product' };
  }
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
export function labelFileName(
  product: LabelledProduct,
  lotCode: string | null,
  /** `svg`, `png`, or a label sheet's `a4-3x8.pdf`. */
  extension: string,
): string {
  const lot = lotCode === null ? '' : `-${lotCode.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  return `${product.traceCode}${lot}.${extension}`;
}
