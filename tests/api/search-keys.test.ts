/**
 * Each product's and cooperative's entry in the full-text index has the row's
 * search_key as its rowid (migrations/0045_search_keys.sql), on both stores:
 * set when the row is inserted, kept when its text is rewritten, gone when it
 * is deleted. Searches join hits on it (src/server/search/list-query.ts), so a
 * row whose key and entry disagreed would be found for another's words.
 * A product's key sorts as the ranking rules break ties (stars, completeness,
 * date: migrations/0051_search_key_order.sql) and moves when they change; its
 * entry, its tags and its rows of product_certificates move with it.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { certifications, cooperatives, products } from '../../src/server/db/schema';
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
        WHERE NOT EXISTS (SELECT 1 FROM cooperatives c WHERE c.search_key = f.rowid))
      + (SELECT count(*) FROM product_certificates held
        WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.search_key = held.search_key))
      + (SELECT count(*) FROM products_fts f JOIN product_search_tags t ON t.search_key = f.rowid
        WHERE f.search_tags IS NOT t.tags) AS n`);
    return Number(row?.n);
  }

  /** The products by key, highest first, each with what the ranking rules break ties by. */
  async function byKey(): Promise<{ id: string; key: number; ties: [number, number, number] }[]> {
    const rows = await db
      .select({
        id: products.id,
        key: products.searchKey,
        stars: products.ocopStars,
        images: products.images,
        price: products.priceVnd,
        publishedAt: products.publishedAt,
      })
      .from(products);
    return rows
      .map((row) => {
        const photo = Array.isArray(row.images) && typeof row.images[0] === 'object' ? 1 : 0;
        const completeness = photo + (row.price === null ? 0 : 1);
        const second = Math.floor((row.publishedAt?.getTime() ?? 0) / 1000);
        return {
          id: row.id,
          key: Number(row.key),
          ties: [row.stars ?? 0, completeness, second] as [number, number, number],
        };
      })
      .sort((a, b) => b.key - a.key);
  }

  /** A new product like `model`, under `id`, its unique codes its own, its key left to the insert trigger. */
  const insertCopy = (model: typeof products.$inferSelect, id: string, fields: Partial<typeof products.$inferInsert>) =>
    db
      .insert(products)
      .values({ ...model, id, slug: id, gtin: null, traceCode: id, sku: null, searchKey: null, ...fields });

  const tiesAbove = (a: readonly number[], b: readonly number[]) => {
    const at = a.findIndex((value, i) => value !== b[i]);
    return at >= 0 && (a[at] as number) > (b[at] as number);
  };

  it('every seeded row has its own key, its entry in the index', async () => {
    expect(await mismatches()).toBe(0);
    const [keys] = await db.all<{ rows: number; keys: number }>(
      sql`SELECT count(*) AS rows, count(DISTINCT search_key) AS keys FROM products`,
    );
    expect(Number(keys?.keys)).toBe(Number(keys?.rows));
  });

  it('keys sort products as the ranking rules break ties: stars, then photo and price, then date', async () => {
    const sorted = await byKey();
    const outOfOrder = sorted.filter((row, i) => i > 0 && tiesAbove(row.ties, (sorted[i - 1] as typeof row).ties));
    expect(outOfOrder).toEqual([]);
    // Each rule decides somewhere in the demo catalogue, so the check above could fail on each.
    const decided = new Set(
      sorted.slice(1).map((row, i) => (sorted[i] as typeof row).ties.findIndex((value, at) => value !== row.ties[at])),
    );
    expect([...decided].filter((at) => at >= 0).sort()).toEqual([0, 1, 2]);
    expect(sorted.every((row) => Number.isSafeInteger(row.key))).toBe(true);
  });

  it("a product's key moves with its stars and its price; its entry, tags and certificates move with it", async () => {
    // A published product holding a certificate of its own, not yet at 5 stars.
    const [held] = await db.all<{ id: string; kind: string; key: number }>(sql`
      SELECT p.id, held.kind, p.search_key AS key FROM product_certificates held
        JOIN products p ON p.search_key = held.search_key
        JOIN certifications cert ON cert.id = held.certification_id AND cert.product_id = p.id
      WHERE p.status = 'published' AND coalesce(p.ocop_stars, 0) < 5 AND held.valid_from <= ${TODAY}
        AND (held.valid_until IS NULL OR held.valid_until >= ${TODAY})
      ORDER BY p.id LIMIT 1`);
    if (!held) throw new Error('no product with a certificate of its own');
    const keyOf = async () =>
      Number((await db.select({ key: products.searchKey }).from(products).where(eq(products.id, held.id)))[0]?.key);
    const heldUnder = async (key: number) =>
      Number(
        (await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM product_certificates WHERE search_key = ${key}`))[0]
          ?.n,
      );
    const before = await heldUnder(Number(held.key));

    await db.update(products).set({ ocopStars: 5, searchName: 'qqzvk' }).where(eq(products.id, held.id));
    const raised = await keyOf();
    expect(raised).toBeGreaterThan(Number(held.key));
    expect(await mismatches()).toBe(0);
    expect(await heldUnder(raised)).toBe(before);
    expect(await heldUnder(Number(held.key))).toBe(0);
    const found = await listProducts(db, { q: 'qqzvk', certification: [held.kind as never] }, { today: TODAY });
    expect(found.items.map((item) => item.id)).toEqual([held.id]);

    // Nothing that places it changed: the key stays.
    await db.update(products).set({ ocopStars: 5 }).where(eq(products.id, held.id));
    expect(await keyOf()).toBe(raised);
    await db.update(products).set({ priceVnd: null }).where(eq(products.id, held.id));
    const lowered = await keyOf();
    expect(lowered).toBeLessThan(raised);
    expect(await mismatches()).toBe(0);
    expect(await heldUnder(lowered)).toBe(before);
    const sorted = await byKey();
    expect(sorted.filter((row, i) => i > 0 && tiesAbove(row.ties, (sorted[i - 1] as typeof row).ties))).toEqual([]);
  });

  it("a new product of a cooperative certified as a whole is found by that certificate's kind", async () => {
    const [whole] = await db
      .select({ cooperativeId: certifications.cooperativeId })
      .from(certifications)
      .where(
        sql`${certifications.productId} IS NULL AND ${certifications.lastVerified} IS NOT NULL
        AND ${certifications.revokedAt} IS NULL AND ${certifications.verification} <> 'revoked'`,
      )
      .limit(1);
    const [model] = whole
      ? await db.select().from(products).where(eq(products.cooperativeId, whole.cooperativeId)).limit(1)
      : [];
    if (!model) throw new Error('no cooperative certified as a whole, with a product');
    const id = 'search-key-test-certified';
    await insertCopy(model, id, { searchName: 'vwzqx', status: 'published' });
    expect(await mismatches()).toBe(0);
    const [tags] = await db.all<{ tags: string }>(sql`SELECT f.search_tags AS tags FROM products_fts f
      JOIN products p ON p.search_key = f.rowid WHERE p.id = ${id}`);
    expect(tags?.tags).toMatch(/ 0[a-z]/);
    await db.delete(products).where(eq(products.id, id));
    expect(await mismatches()).toBe(0);
  });

  it('a product keeps its key through a rewrite of its text, and leaves the index when deleted', async () => {
    const [model] = await db.select().from(products).where(eq(products.status, 'published')).limit(1);
    if (!model) throw new Error('no published product');
    const id = 'search-key-test-product';
    await insertCopy(model, id, { searchName: 'zqxwv' });
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
