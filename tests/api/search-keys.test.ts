/**
 * Each product's and cooperative's entry in the full-text index has the row's
 * search_key as its rowid (migrations/0045_search_keys.sql), on both stores:
 * set when the row is inserted, kept when its text is rewritten, gone when it
 * is deleted. Searches join hits on it (src/server/search/list-query.ts), so a
 * row whose key and entry disagreed would be found for another's words.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { cooperatives, products } from '../../src/server/db/schema';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { listCooperatives } from '../../src/server/cooperatives/directory';
import { listProducts } from '../../src/server/products/product-list';
import { DEMO_NOW } from '../support/demo';
import { bothStores } from '../support/stores';

const TODAY = '2026-11-24';

describe.each(bothStores('search-keys'))('search keys on $name', (store) => {
  let db: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ db, dispose } = await store.open());
    await seedReferenceData(db);
    await seedDemoData(db, DEMO_NOW);
  }, 120_000);
  afterAll(() => dispose());

  /** Rows whose key is missing, shared or not their entry's rowid: none, for both tables. */
  async function mismatches(): Promise<number> {
    const [row] = await db.all<{ n: number }>(sql`SELECT
      (SELECT count(*) FROM products p WHERE p.search_key IS NULL
        OR NOT EXISTS (SELECT 1 FROM products_fts f WHERE f.rowid = p.search_key AND f.product_id = p.id))
      + (SELECT count(*) FROM products_fts f WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.search_key = f.rowid))
      + (SELECT count(*) FROM cooperatives c WHERE c.search_key IS NULL
        OR NOT EXISTS (SELECT 1 FROM cooperatives_fts f WHERE f.rowid = c.search_key AND f.cooperative_id = c.id))
      + (SELECT count(*) FROM cooperatives_fts f
        WHERE NOT EXISTS (SELECT 1 FROM cooperatives c WHERE c.search_key = f.rowid)) AS n`);
    return Number(row?.n);
  }

  it('every seeded row has its own key, its entry in the index', async () => {
    expect(await mismatches()).toBe(0);
    const [keys] = await db.all<{ rows: number; keys: number }>(
      sql`SELECT count(*) AS rows, count(DISTINCT search_key) AS keys FROM products`,
    );
    expect(Number(keys?.keys)).toBe(Number(keys?.rows));
  });

  it('a product keeps its key through a rewrite of its text, and leaves the index when deleted', async () => {
    const [model] = await db.select().from(products).where(eq(products.status, 'published')).limit(1);
    if (!model) throw new Error('no published product');
    const id = 'search-key-test-product';
    await db
      .insert(products)
      .values({ ...model, id, slug: id, gtin: null, traceCode: id, sku: null, searchKey: null, searchName: 'zqxwv' });
    const [inserted] = await db.select({ key: products.searchKey }).from(products).where(eq(products.id, id));
    expect(inserted?.key).toBeGreaterThan(0);
    expect(await mismatches()).toBe(0);
    expect((await listProducts(db, { q: 'zqxwv' }, { today: TODAY })).items.map((item) => item.slug)).toEqual([id]);

    await db.update(products).set({ searchName: 'vwxqz' }).where(eq(products.id, id));
    const [rewritten] = await db.select({ key: products.searchKey }).from(products).where(eq(products.id, id));
    expect(rewritten?.key).toBe(inserted?.key);
    expect(await mismatches()).toBe(0);
    expect((await listProducts(db, { q: 'zqxwv' }, { today: TODAY })).total).toBe(0);
    expect((await listProducts(db, { q: 'vwxqz' }, { today: TODAY })).items.map((item) => item.slug)).toEqual([id]);

    await db.delete(products).where(eq(products.id, id));
    expect(await mismatches()).toBe(0);
    expect((await listProducts(db, { q: 'vwxqz' }, { today: TODAY })).total).toBe(0);
  });

  it('a cooperative likewise', async () => {
    const [model] = await db.select().from(cooperatives).where(eq(cooperatives.status, 'active')).limit(1);
    if (!model) throw new Error('no active cooperative');
    const id = 'search-key-test-cooperative';
    await db.insert(cooperatives).values({
      ...model,
      id,
      slug: id,
      registrationCode: id,
      searchKey: null,
      searchName: 'zqxwv',
    });
    expect(await mismatches()).toBe(0);
    expect((await listCooperatives(db, { q: 'zqxwv' }, TODAY)).items.map((item) => item.slug)).toEqual([id]);
    await db.update(cooperatives).set({ searchName: 'vwxqz' }).where(eq(cooperatives.id, id));
    expect(await mismatches()).toBe(0);
    expect((await listCooperatives(db, { q: 'vwxqz' }, TODAY)).items.map((item) => item.slug)).toEqual([id]);
    await db.delete(cooperatives).where(eq(cooperatives.id, id));
    expect(await mismatches()).toBe(0);
  });
});
