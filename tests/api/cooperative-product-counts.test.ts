/**
 * Each cooperative's count of published products (cooperatives.published_products,
 * kept by triggers on products, migration 0048), on both stores: equal to a
 * direct count after the demo's load, and after a product is published,
 * unpublished, moved to another cooperative, added published and deleted.
 * The "most products first" orders read it (a province page, the directory).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { cooperativeCardsInProvince } from '../../src/server/cooperatives/cards';
import { listCooperatives } from '../../src/server/cooperatives/directory';
import { DEMO_NOW } from '../support/demo';
import { bothStores } from '../support/stores';

/** Cooperatives whose kept count differs from a direct count of their published products. */
async function drifted(db: Database) {
  return db.all<{ id: string; kept: number; counted: number }>(sql`SELECT c.id, c.published_products AS kept,
      (SELECT count(*) FROM products p WHERE p.cooperative_id = c.id AND p.status = 'published') AS counted
    FROM cooperatives c WHERE kept <> counted`);
}

describe.each(bothStores('cooperative-product-counts'))('published products per cooperative on $name', (store) => {
  let db: Database;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    ({ db, dispose } = await store.open());
    await seedReferenceData(db);
    await seedDemoData(db, DEMO_NOW);
  }, 120_000);
  afterAll(() => dispose());

  it('are counted right after the load', async () => {
    const [row] = await db.all<{ n: number }>(sql`SELECT sum(published_products) AS n FROM cooperatives`);
    expect(Number(row?.n)).toBeGreaterThan(100);
    expect(await drifted(db)).toEqual([]);
  });

  it('follow every write of products', async () => {
    const [a, b] = await db.all<{ id: string }>(sql`SELECT id FROM cooperatives ORDER BY id LIMIT 2`);
    const [product] = await db.all<{ id: string }>(
      sql`SELECT id FROM products WHERE cooperative_id = ${a!.id} AND status = 'published' LIMIT 1`,
    );
    const writes = [
      sql`UPDATE products SET status = 'draft' WHERE id = ${product!.id}`,
      sql`UPDATE products SET status = 'published' WHERE id = ${product!.id}`,
      sql`UPDATE products SET cooperative_id = ${b!.id} WHERE id = ${product!.id}`,
      sql`UPDATE products SET status = 'unpublished', cooperative_id = ${a!.id} WHERE id = ${product!.id}`,
      sql`UPDATE products SET status = 'published' WHERE id = ${product!.id}`,
      sql`UPDATE products SET name_vi = name_vi || ' mới' WHERE id = ${product!.id}`,
      sql`INSERT INTO products (id, slug, cooperative_id, name_vi, name_en, ocop_group, province_code, trace_code,
          unit_vi, unit_en, status, search_name, search_body, created_at, updated_at)
        SELECT 'count-test', 'count-test', ${b!.id}, 'Thử', 'Test', 'thuc_pham', province_code, 'count-test',
          'hộp', 'box', 'published', 'thu', 'thu', 0, 0 FROM cooperatives WHERE id = ${b!.id}`,
      sql`DELETE FROM products WHERE id = 'count-test'`,
      sql`DELETE FROM products WHERE id = ${product!.id}`,
    ];
    for (const write of writes) {
      await db.run(write);
      expect(await drifted(db)).toEqual([]);
    }
  });

  it("order a province's cooperatives and the directory's most-products sort by it", async () => {
    const [province] = await db.all<{ code: string }>(
      sql`SELECT province_code AS code FROM cooperatives GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const expected = await db.all<{ id: string }>(sql`SELECT c.id FROM cooperatives c
      WHERE c.province_code = ${province!.code} AND c.status = 'active'
      ORDER BY (SELECT count(*) FROM products p WHERE p.cooperative_id = c.id AND p.status = 'published') DESC,
        c.search_name, c.id
      LIMIT 6`);
    const cards = await cooperativeCardsInProvince(db, province!.code, 6);
    expect(cards.map((card) => card.id)).toEqual(expected.map((row) => row.id));
    const directory = await listCooperatives(db, { sort: 'products', limit: 8, page: 2 });
    const nationally = await db.all<{ id: string }>(sql`SELECT c.id FROM cooperatives c WHERE c.status = 'active'
      ORDER BY (SELECT count(*) FROM products p WHERE p.cooperative_id = c.id AND p.status = 'published') DESC,
        c.search_name, c.id
      LIMIT 8 OFFSET 8`);
    expect(directory.items.map((card) => card.id)).toEqual(nationally.map((row) => row.id));
  });
});
