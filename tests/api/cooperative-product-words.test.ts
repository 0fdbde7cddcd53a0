/**
 * A cooperative is found by its published products' names (migrations/0052): the directory's
 * "mật ong" finds every cooperative that sells honey, "honey" (the products' English names) too,
 * and the index follows a product renamed, unpublished or deleted.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';

let db: Database;
let api: ReturnType<typeof apiOn>;

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
});

async function found(q: string): Promise<string[]> {
  const res = await call(api, `/cooperatives?q=${encodeURIComponent(q)}&limit=100`);
  expect(res.status).toBe(200);
  const body = (await readJson(res)) as { items: { slug: string }[] };
  return body.items.map((item) => item.slug);
}

/** Active cooperatives with a published product whose folded name holds `words`. */
async function selling(words: string): Promise<string[]> {
  const rows = await db.all<{ slug: string }>(sql`SELECT DISTINCT c.slug FROM cooperatives c
    JOIN products p ON p.cooperative_id = c.id
    WHERE c.status = 'active' AND p.status = 'published' AND p.search_name LIKE ${`%${words}%`}`);
  return rows.map((row) => row.slug);
}

describe('the directory searched by what cooperatives make', () => {
  it('finds every cooperative selling honey, the one named for it first', async () => {
    const sellers = await selling('mat ong');
    expect(sellers.length).toBeGreaterThan(3);
    const slugs = await found('mật ong');
    expect(slugs).toEqual(expect.arrayContaining(sellers));
    expect(slugs[0]).toBe('htx-mat-ong-bac-ha-meo-vac');
  });

  it("finds them by the products' English names", async () => {
    const slugs = await found('honey');
    expect(slugs).toEqual(expect.arrayContaining(await selling('honey')));
    expect(slugs.length).toBeGreaterThan(3);
  });

  it('follows a product renamed, unpublished, published again and deleted', async () => {
    const [product] = await db.all<{ id: string; cooperative: string; search_name: string }>(sql`SELECT p.id,
      c.slug AS cooperative, p.search_name FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
      WHERE p.status = 'published' AND c.status = 'active' LIMIT 1`);
    if (!product) throw new Error('the demo has no published product');
    const word = 'xylophonka';
    expect(await found(word)).toEqual([]);
    await db.run(sql`UPDATE products SET search_name = ${`${product.search_name} ${word}`} WHERE id = ${product.id}`);
    expect(await found(word)).toEqual([product.cooperative]);
    await db.run(sql`UPDATE products SET status = 'draft' WHERE id = ${product.id}`);
    expect(await found(word)).toEqual([]);
    await db.run(sql`UPDATE products SET status = 'published' WHERE id = ${product.id}`);
    expect(await found(word)).toEqual([product.cooperative]);
    await db.run(sql`DELETE FROM products WHERE id = ${product.id}`);
    expect(await found(word)).toEqual([]);
    // The cooperative's own text, changed after, keeps its other products' words.
    await db.run(
      sql`UPDATE cooperatives SET search_body = search_body || ' hop tac xa thu' WHERE slug = ${product.cooperative}`,
    );
    const [other] = await db.all<{ search_name: string }>(sql`SELECT p.search_name FROM products p
      JOIN cooperatives c ON c.id = p.cooperative_id WHERE c.slug = ${product.cooperative} AND p.status = 'published' LIMIT 1`);
    if (other) expect(await found(other.search_name.split(' ').slice(0, 3).join(' '))).toContain(product.cooperative);
  });
});
