/**
 * The rules of a product's fields that need the database, shared by every
 * write of them (edits in place, proposed revisions, their approval): the
 * province exists, the GTIN is no other product's, the cooperative's own
 * code is none of its other products'; and the search text
 * written with them (src/server/search).
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { cooperatives, products, provinces } from '../db/schema';
import { ValidationError } from '../errors';
import { productSearchText } from '../search/search-text';
import type { ProductInput } from './product-input';

/**
 * The rules that need the database: the province exists, the GTIN is no other product's, the
 * SKU none of the cooperative's other products'. `product` is the one written (id null when new).
 */
export async function checkProductAgainstStore(
  db: Database,
  input: ProductInput,
  product: { id: string | null; cooperativeId: string },
) {
  const [province, gtinOwner, skuOwner] = await Promise.all([
    db
      .select({ code: provinces.code, nameVi: provinces.nameVi })
      .from(provinces)
      .where(eq(provinces.code, input.provinceCode))
      .limit(1),
    input.gtin ? db.select({ id: products.id }).from(products).where(eq(products.gtin, input.gtin)).limit(1) : [],
    input.sku
      ? db
          .select({ id: products.id })
          .from(products)
          .where(and(eq(products.cooperativeId, product.cooperativeId), eq(products.sku, input.sku)))
          .limit(1)
      : [],
  ]);
  const problems: Record<string, { code: string }> = {};
  if (province.length === 0) problems.provinceCode = { code: 'unknown_value' };
  if (gtinOwner[0] && gtinOwner[0].id !== product.id) problems.gtin = { code: 'gtin_taken' };
  if (skuOwner[0] && skuOwner[0].id !== product.id) problems.sku = { code: 'sku_taken' };
  if (Object.keys(problems).length > 0) throw new ValidationError(problems);
  return { provinceName: province[0]?.nameVi ?? '' };
}

export async function searchTextFor(db: Database, input: ProductInput, cooperativeId: string, provinceName: string) {
  const [cooperative] = await db
    .select({ name: cooperatives.name })
    .from(cooperatives)
    .where(eq(cooperatives.id, cooperativeId))
    .limit(1);
  return productSearchText(input, { provinceName, cooperativeName: cooperative?.name });
}
