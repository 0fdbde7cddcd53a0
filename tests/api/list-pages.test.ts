/**
 * Pages of the lists without search words: each page is the same slice of
 * the whole list in its order, whatever the sort and filters. Pages find
 * their ids first and join the card columns for those alone (a deferred
 * join: product-list.ts, directory.ts); the whole ordering here is computed
 * apart, in JavaScript from the rows' own values, over the demo catalogue
 * with ties made on purpose (many products published at one instant, many
 * cooperatives created at one), a suspended cooperative and an unpublished
 * product, so a page that sorted ties another way, skipped a row or showed a
 * hidden one differs from its slice.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import type { ProductFilters, ProductSort } from '../../src/server/products/product-filters';
import { listProducts } from '../../src/server/products/product-list';
import type { DirectoryFilters, DirectorySort } from '../../src/server/cooperatives/directory-filters';
import { listCooperatives } from '../../src/server/cooperatives/directory';
import { demoDatabase } from '../support/demo';

const TODAY = '2026-11-24';
/** Small pages, so the demo catalogue makes many of them and each OFFSET is exercised. */
const LIMIT = 7;
/** The demo's largest province has 7 cooperatives. */
const DIRECTORY_LIMIT = 3;

let db: Database;

beforeAll(async () => {
  db = await demoDatabase();
  // Ties of the newest-first order (date, then id): a third of the products published at one instant.
  await db.run(sql`UPDATE products SET published_at = (SELECT max(published_at) FROM products)
    WHERE status = 'published' AND rowid % 3 = 0`);
  // Ties of the directory's newest-first order, and of its name order.
  await db.run(
    sql`UPDATE cooperatives SET created_at = (SELECT max(created_at) FROM cooperatives) WHERE rowid % 4 = 0`,
  );
  // Out of the lists: one cooperative (and with it its products), one product.
  await db.run(sql`UPDATE cooperatives SET status = 'suspended'
    WHERE id = (SELECT cooperative_id FROM products WHERE status = 'published' ORDER BY id LIMIT 1)`);
  await db.run(sql`UPDATE products SET status = 'draft'
    WHERE id = (SELECT max(p.id) FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
      WHERE p.status = 'published' AND c.status = 'active')`);
});

/** Every page of a list of `limit` a page, in order, until a short one. */
async function allPages<T>(limit: number, page: (n: number) => Promise<{ items: T[] }>): Promise<T[][]> {
  const pages: T[][] = [];
  for (let n = 1; ; n++) {
    const { items } = await page(n);
    pages.push(items);
    if (items.length < limit) return pages;
  }
}

/** -1, 0 or 1 as `a` sorts before, with or after `b` (ids are ASCII: JavaScript's order is SQLite's BINARY). */
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
/** A descending comparison that puts nulls last, as `DESC` (NULLS LAST) does. */
const descNullsLast = (a: number | null, b: number | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : compare(b, a);
const ascNullsLast = (a: number | null, b: number | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : compare(a, b);

interface PublicProduct {
  id: string;
  published_at: number;
  ocop_stars: number | null;
  price_vnd: number | null;
  province_code: string;
  ocop_group: string;
}

const PRODUCT_ORDER: Record<Exclude<ProductSort, 'relevance'>, (a: PublicProduct, b: PublicProduct) => number> = {
  newest: (a, b) => compare(b.published_at, a.published_at) || compare(a.id, b.id),
  stars: (a, b) =>
    descNullsLast(a.ocop_stars, b.ocop_stars) || compare(b.published_at, a.published_at) || compare(a.id, b.id),
  price_asc: (a, b) => ascNullsLast(a.price_vnd, b.price_vnd) || compare(a.id, b.id),
  price_desc: (a, b) => descNullsLast(a.price_vnd, b.price_vnd) || compare(a.id, b.id),
};

describe('product list pages', () => {
  let products: PublicProduct[];
  let province: string;
  let provinceSlug: string;

  beforeAll(async () => {
    products = (
      await db.all<PublicProduct>(sql`SELECT p.id, p.published_at, p.ocop_stars, p.price_vnd, p.province_code, p.ocop_group
        FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
        WHERE p.status = 'published' AND c.status = 'active'`)
    ).map((row) => ({
      ...row,
      published_at: Number(row.published_at),
      ocop_stars: row.ocop_stars === null ? null : Number(row.ocop_stars),
      price_vnd: row.price_vnd === null ? null : Number(row.price_vnd),
    }));
    const [largest] = await db.all<{ code: string; slug: string }>(sql`SELECT pr.code, pr.slug
      FROM products p JOIN provinces pr ON pr.code = p.province_code
      GROUP BY pr.code ORDER BY count(*) DESC LIMIT 1`);
    if (!largest) throw new Error('no products');
    province = largest.code;
    provinceSlug = largest.slug;
  });

  const FILTERS: [string, ProductFilters, (p: PublicProduct) => boolean][] = [
    ['no filter', {}, () => true],
    ['a province', { province: ['PROVINCE'] }, (p) => p.province_code === province],
    ['a group', { group: ['thuc_pham'] }, (p) => p.ocop_group === 'thuc_pham'],
    ['4 stars or more', { stars: 4 }, (p) => (p.ocop_stars ?? 0) >= 4],
    ['5 stars', { stars: 5 }, (p) => p.ocop_stars === 5],
    ['a minimum price', { minPrice: 100_000 }, (p) => p.price_vnd !== null && p.price_vnd >= 100_000],
  ];

  it('has ties and hidden rows for the pages to get wrong', () => {
    const newest = products.map((p) => p.published_at);
    expect(newest.length - new Set(newest).size).toBeGreaterThan(50);
  });

  for (const [what, filters, keep] of FILTERS) {
    for (const sort of ['newest', 'stars', 'price_asc', 'price_desc'] as const) {
      it(`${what}, ${sort}: every page is the same slice of the whole ordering`, async () => {
        const withProvince = filters.province ? { ...filters, province: [provinceSlug] } : filters;
        const expected = products
          .filter(keep)
          .sort(PRODUCT_ORDER[sort])
          .map((p) => p.id);
        expect(expected.length).toBeGreaterThan(LIMIT);
        const pages = await allPages(LIMIT, (page) =>
          listProducts(db, { ...withProvince, sort, page, limit: LIMIT }, { today: TODAY, count: false }),
        );
        pages.forEach((items, n) => {
          expect(
            items.map((item) => item.id),
            `page ${n + 1}`,
          ).toEqual(expected.slice(n * LIMIT, (n + 1) * LIMIT));
        });
      });
    }
  }
});

interface PublicCooperative {
  id: string;
  search_name: string;
  created_at: number;
  province_code: string;
  product_count: number;
}

const COOPERATIVE_ORDER: Record<
  Exclude<DirectorySort, 'relevance'>,
  (a: PublicCooperative, b: PublicCooperative) => number
> = {
  name: (a, b) => compare(a.search_name, b.search_name) || compare(a.id, b.id),
  newest: (a, b) => compare(b.created_at, a.created_at) || compare(a.id, b.id),
  products: (a, b) =>
    compare(b.product_count, a.product_count) || compare(a.search_name, b.search_name) || compare(a.id, b.id),
};

describe('cooperative directory pages', () => {
  let cooperatives: PublicCooperative[];
  let province: string;
  let provinceSlug: string;

  beforeAll(async () => {
    cooperatives = (
      await db.all<PublicCooperative>(sql`SELECT c.id, c.search_name, c.created_at, c.province_code,
          (SELECT count(*) FROM products p WHERE p.cooperative_id = c.id AND p.status = 'published') AS product_count
        FROM cooperatives c WHERE c.status = 'active'`)
    ).map((row) => ({ ...row, created_at: Number(row.created_at), product_count: Number(row.product_count) }));
    const [largest] = await db.all<{ code: string; slug: string }>(sql`SELECT pr.code, pr.slug
      FROM cooperatives c JOIN provinces pr ON pr.code = c.province_code
      WHERE c.status = 'active' GROUP BY pr.code ORDER BY count(*) DESC LIMIT 1`);
    if (!largest) throw new Error('no cooperatives');
    province = largest.code;
    provinceSlug = largest.slug;
  });

  const FILTERS: [string, DirectoryFilters, (c: PublicCooperative) => boolean][] = [
    ['no filter', {}, () => true],
    ['a province', { province: ['PROVINCE'] }, (c) => c.province_code === province],
  ];

  for (const [what, filters, keep] of FILTERS) {
    for (const sort of ['name', 'newest', 'products'] as const) {
      it(`${what}, ${sort}: every page is the same slice of the whole ordering`, async () => {
        const withProvince = filters.province ? { ...filters, province: [provinceSlug] } : filters;
        const expected = cooperatives
          .filter(keep)
          .sort(COOPERATIVE_ORDER[sort])
          .map((c) => c.id);
        expect(expected.length).toBeGreaterThan(DIRECTORY_LIMIT);
        const pages = await allPages(DIRECTORY_LIMIT, (page) =>
          listCooperatives(db, { ...withProvince, sort, page, limit: DIRECTORY_LIMIT }, TODAY),
        );
        pages.forEach((items, n) => {
          expect(
            items.map((item) => item.id),
            `page ${n + 1}`,
          ).toEqual(expected.slice(n * DIRECTORY_LIMIT, (n + 1) * DIRECTORY_LIMIT));
        });
      });
    }
  }
});
