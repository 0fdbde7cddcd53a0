/**
 * A province's counts (src/server/provinces/summaries.ts): active
 * cooperatives, and public products (published, of an active cooperative) as
 * the product list filtered by the province counts them. They come from the
 * facet cubes when those are current and by counting otherwise; both ways
 * must give the direct count, after a product is unpublished and after a
 * cooperative is suspended.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { COOPERATIVE_CUBE } from '../../src/server/cooperatives/directory-facet-cube';
import { PRODUCT_CUBE } from '../../src/server/products/product-facet-cube';
import { listProducts } from '../../src/server/products/product-list';
import { cooperativeCardsInProvince } from '../../src/server/cooperatives/cards';
import { forgetCubes, REFRESH_INTERVAL_MS, refreshCube } from '../../src/server/search/facet-cube';
import { getProvincePage } from '../../src/server/provinces/province-page';
import { listProvinceSummaries, provinceSummaryBySlug } from '../../src/server/provinces/summaries';
import { DEMO_NOW, demoDatabase } from '../support/demo';

const TODAY = '2026-11-24';

let db: Database;
/** The province with the most public products, and one of its cooperatives with a published product. */
let province: { code: string; slug: string };

beforeAll(async () => {
  db = await demoDatabase();
  const [largest] = await db.all<{ code: string; slug: string }>(sql`SELECT pr.code, pr.slug
    FROM products p JOIN provinces pr ON pr.code = p.province_code
    WHERE p.status = 'published' GROUP BY pr.code ORDER BY count(*) DESC LIMIT 1`);
  if (!largest) throw new Error('no products');
  province = largest;
});

async function direct(code: string) {
  const [row] = await db.all<{ cooperatives: number; products: number }>(sql`SELECT
    (SELECT count(*) FROM cooperatives c WHERE c.province_code = ${code} AND c.status = 'active') AS cooperatives,
    (SELECT count(*) FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
      WHERE p.province_code = ${code} AND p.status = 'published' AND c.status = 'active') AS products`);
  return { cooperatives: Number(row?.cooperatives), products: Number(row?.products) };
}

/** The refreshes' clock, moved past each one's claim. */
let clock = Date.now();

/** Brings both cubes up to the current content version. */
async function refreshCubes() {
  clock += REFRESH_INTERVAL_MS + 1;
  await refreshCube(db, PRODUCT_CUBE, TODAY, clock);
  await refreshCube(db, COOPERATIVE_CUBE, TODAY, clock);
}

/** The counts of every province and of `province` alone, as the pages show them. */
async function shown() {
  forgetCubes();
  const all = await listProvinceSummaries(db, { today: TODAY });
  const one = await provinceSummaryBySlug(db, province.slug, { today: TODAY });
  return { all, one };
}

async function expectDirectCounts() {
  const { all, one } = await shown();
  expect(one).toMatchObject(await direct(province.code));
  for (const summary of all) {
    expect({ code: summary.code, cooperatives: summary.cooperatives, products: summary.products }).toEqual({
      code: summary.code,
      ...(await direct(summary.code)),
    });
  }
}

/** Whether the cubes are current (a write moves the content version and leaves them stale). */
async function cubesCurrent(): Promise<boolean> {
  const [row] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM facet_cubes
    WHERE day = ${TODAY} AND version = (SELECT version FROM content_version WHERE id = 1)`);
  return Number(row?.n) === 2;
}

describe('province counts', () => {
  it('equal the direct counts from fresh cubes and by counting, as a product is unpublished', async () => {
    await refreshCubes();
    expect(await cubesCurrent()).toBe(true);
    await expectDirectCounts();

    await db.run(sql`UPDATE products SET status = 'draft' WHERE id = (SELECT min(p.id) FROM products p
      JOIN cooperatives c ON c.id = p.cooperative_id
      WHERE p.province_code = ${province.code} AND p.status = 'published' AND c.status = 'active')`);
    expect(await cubesCurrent()).toBe(false);
    await expectDirectCounts();
    await refreshCubes();
    expect(await cubesCurrent()).toBe(true);
    await expectDirectCounts();
  });

  it('leave out a suspended cooperative and its products, either way', async () => {
    const before = await direct(province.code);
    await db.run(sql`UPDATE cooperatives SET status = 'suspended' WHERE id = (SELECT p.cooperative_id FROM products p
      JOIN cooperatives c ON c.id = p.cooperative_id
      WHERE p.province_code = ${province.code} AND p.status = 'published' AND c.status = 'active'
      ORDER BY p.id LIMIT 1)`);
    const after = await direct(province.code);
    expect(after.products).toBeLessThan(before.products);
    expect(await cubesCurrent()).toBe(false);
    await expectDirectCounts();
    await refreshCubes();
    expect(await cubesCurrent()).toBe(true);
    await expectDirectCounts();
  });

  it("equal the total of the product list filtered by the province, the page's link", async () => {
    forgetCubes();
    const page = await getProvincePage(db, province.slug, DEMO_NOW);
    const list = await listProducts(db, { province: [province.slug], limit: 1 }, { today: TODAY });
    expect(page.province.products).toBe(list.total);
  });
});

describe("a province's cooperatives", () => {
  it('are its active cooperatives with the most published products first, then by name and id', async () => {
    const cards = await cooperativeCardsInProvince(db, province.code, 5);
    const expected = await db.all<{ id: string }>(sql`SELECT c.id FROM cooperatives c
      WHERE c.province_code = ${province.code} AND c.status = 'active'
      ORDER BY (SELECT count(*) FROM products p WHERE p.cooperative_id = c.id AND p.status = 'published') DESC,
        c.search_name, c.id
      LIMIT 5`);
    expect(cards.map((card) => card.id)).toEqual(expected.map((row) => row.id));
    const counts = cards.map((card) => card.productCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});
