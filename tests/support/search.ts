import type { Database } from '../../src/server/db/client';
import { listProducts } from '../../src/server/products/product-list';

/** The slugs the public catalogue search finds for `q` (published products only). */
export async function searchProducts(db: Database, q: string): Promise<string[]> {
  const page = await listProducts(db, { q, limit: 50 }, { count: false });
  return page.items.map((item) => item.slug);
}
