import type { Database } from '../db/client';
import type { ProductCard } from './card';
import { listProducts } from './product-list';

export type { ProductCard } from './card';

/** Published OCOP products for the home page: highest rating first, newest first among equals. */
export async function listFeaturedProducts(db: Database, limit = 8): Promise<ProductCard[]> {
  const page = await listProducts(db, { stars: 3, sort: 'stars', limit }, { count: false });
  return page.items;
}
