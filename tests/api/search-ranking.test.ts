/**
 * The ranking table: queries as shoppers type them, and what they expect on
 * top, on the demo catalogue. The rules behind it are in
 * src/server/search/ranking.ts and tested one by one in tests/unit/ranking.test.ts.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import type { ProductFilters } from '../../src/server/products/product-filters';
import { listProducts, type ProductListPage } from '../../src/server/products/product-list';
import { foldVietnamese } from '../../src/server/search/fold';
import { vietnamDate } from '../../src/server/time/vietnam';
import { DEMO_NOW, demoDatabase } from '../support/demo';
import { RANKING_TABLE as TABLE } from '../support/ranking-table';

let db: Database;

beforeAll(async () => {
  db = await demoDatabase();
});

function search(q: string, limit = 10): Promise<ProductListPage> {
  return listProducts(db, { q, limit }, { today: vietnamDate(DEMO_NOW) });
}

describe('the ranking table on the demo catalogue', () => {
  it('has at least 40 queries', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE)('%s → %s first', async (query, first, hold) => {
    const { items } = await search(query);
    expect(items[0]?.slug, query).toBe(first);
    if (hold) {
      const [n, words] = hold;
      for (const item of items.slice(0, n)) expect(foldVietnamese(item.nameVi), query).toContain(words);
    }
  });
});

describe('ranking rules on the demo catalogue', () => {
  it('"mật" with its diacritics lists honey before the sedge mat; "mat ong" puts the 5-star honey first', async () => {
    const items = (await search('mật', 50)).items;
    expect(items[0]?.slug).toBe('mat-ong-bac-ha-meo-vac');
    const asTyped = items.filter((item) => item.nameVi.toLowerCase().includes('mật'));
    expect(asTyped.length).toBeGreaterThan(20);
    // Every name holding "mật" as typed comes before any that only folds to "mat" ("Sedge mat").
    expect(items.slice(0, asTyped.length)).toEqual(asTyped);
    expect(items.findIndex((item) => item.slug === 'chieu-coi-nga-son')).toBeGreaterThanOrEqual(asTyped.length);
    const coffee = (await search('mat ong', 50)).items.map((item) => item.slug);
    expect(coffee.indexOf('ca-phe-arabica-cau-dat-che-bien-mat-ong')).toBeGreaterThan(
      coffee.indexOf('mat-ong-rung-u-minh'),
    );
  });

  it('a short word lists names holding it whole before names it only starts a word of', async () => {
    for (const query of ['tra', 'trà', 'che']) {
      const { items } = await search(query, 8);
      const whole = items.map((item) => foldVietnamese(item.nameVi).split(' ').includes(foldVietnamese(query)));
      // Before 2026-12-05, "tra" listed "Tour trải nghiệm", "Sóc Trăng" and "Bánh tráng" first.
      expect(whole, query).toEqual(items.map(() => true));
    }
  });

  it('reads a former province as the province it joined, says so, and lists its own products first', async () => {
    const page = await search('hà giang', 50);
    expect(page.place).toEqual({
      province: { code: '08', slug: 'tuyen-quang', nameVi: 'Tuyên Quang', nameEn: 'Tuyen Quang' },
      formerly: 'Hà Giang',
    });
    expect(page.items.every((item) => item.provinceNameVi === 'Tuyên Quang')).toBe(true);
    // Hà Giang's own (origin "…, Hà Giang") before the rest of Tuyên Quang (Hàm Yên oranges).
    const firstOther = page.items.findIndex((item) => item.slug.includes('ham-yen'));
    const lastOwn = page.items.findLastIndex((item) => /meo-vac|hoang-su-phi/.test(item.slug));
    expect(firstOther).toBeGreaterThan(lastOwn);
    expect((await search('bac giang')).place?.province.slug).toBe('bac-ninh');
    expect((await search('tiền giang')).place?.province.slug).toBe('dong-thap');
  });

  it('keeps a province the visitor chose over one named in the words', async () => {
    const page = await listProducts(db, { q: 'mat ong ha giang', province: ['ca-mau'] }, { today: '2026-11-24' });
    expect(page.place).toBeNull();
  });

  it('finds nothing rather than anything for words that match nothing, even forgiving one letter', async () => {
    expect((await search('xyzzyqwert')).items).toEqual([]);
  });
});

describe('paging through a search on the demo catalogue', () => {
  const today = vietnamDate(DEMO_NOW);

  /** Every page of a search, in order, until one comes back empty. */
  async function allPages(filters: ProductFilters, limit: number) {
    const pages: ProductListPage[] = [];
    for (let page = 1; ; page++) {
      const found = await listProducts(db, { ...filters, page, limit }, { today, facets: true });
      if (found.items.length === 0) return { pages, past: found };
      pages.push(found);
    }
  }

  // More hits than the ranked candidates and than the 200 that were read tier by tier before
  // 2026-12-05, past which pages followed bm25's order and showed 58 of "htx"'s products twice.
  it.each([
    [{ q: 'htx' }, 24],
    [{ q: 'ca' }, 24],
    [{ q: 'htx', stars: 3 }, 24],
    [{ q: 'htx' }, 100],
    [{ q: 'vietgap' }, 24],
  ] as [ProductFilters, number][])(
    '%o, %i a page: each hit once, the same total on every page',
    async (filters, limit) => {
      const { pages, past } = await allPages(filters, limit);
      const total = pages[0]?.total ?? 0;
      expect(total).toBeGreaterThan(limit);
      const slugs = pages.flatMap((page) => page.items.map((item) => item.slug));
      expect(new Set(slugs).size).toBe(slugs.length);
      expect(slugs.length).toBe(total);
      for (const page of [...pages, past]) expect(page.total).toBe(total);
    },
  );
});

describe('facets of a search whose words name a filter, on the demo catalogue', () => {
  const today = vietnamDate(DEMO_NOW);

  // "ha giang" is read as Tuyên Quang, "vietgap" as the certification. Ticking another option of
  // that facet used to make the words plain text again: Hà Nội showed 26 and gave 2, Hữu cơ 2 and gave 0.
  it.each([
    ['ha giang', 'province'],
    ['ca phe vietgap', 'certification'],
    ['mat ong vietgap', 'certification'],
  ] as const)('%s: each %s option gives the number it shows', async (q, facet) => {
    const page = await listProducts(db, { q }, { today, facets: true });
    const counts = Object.entries(page.facets?.[facet].counts ?? {});
    expect(counts.length).toBeGreaterThan(1);
    for (const [value, n] of counts) {
      const ticked = await listProducts(db, { q, [facet]: [value] }, { today });
      expect(ticked.total, `${q}, ${facet}=${value}`).toBe(n);
    }
  });
});

describe('rating words on the demo catalogue', () => {
  const today = vietnamDate(DEMO_NOW);

  it('"ocop" lists the rated products, as the OCOP filter does; "5 sao" and "4 stars" a minimum', async () => {
    const rated = await listProducts(db, { ocop: true }, { today });
    const ocop = await listProducts(db, { q: 'ocop' }, { today });
    expect(ocop.total).toBeGreaterThan(0);
    expect(ocop.total).toBe(rated.total);
    for (const [q, min] of [
      ['mat ong 5 sao', 5],
      ['honey 4 stars', 4],
      ['OCOP 4 sao', 4],
      ['mat ong 4 sao tro len', 4],
      ['mật ong 5*', 5],
    ] as const) {
      const { items } = await listProducts(db, { q }, { today });
      expect(items.length, q).toBeGreaterThan(0);
      for (const item of items) expect(item.ocopStars, `${q}: ${item.slug}`).toBeGreaterThanOrEqual(min);
    }
    const honey = await listProducts(db, { q: 'mat ong 5 sao' }, { today });
    // The words are still matched: the 5-star honey first, then 5-star products that speak of honey.
    expect(foldVietnamese(honey.items[0]?.nameVi ?? '')).toContain('mat ong');
  });

  it('each stars option of "ocop" gives the number it shows', async () => {
    const page = await listProducts(db, { q: 'ocop' }, { today, facets: true });
    const counts = Object.entries(page.facets?.stars.counts ?? {});
    expect(counts.length).toBeGreaterThan(1);
    for (const [stars, n] of counts) {
      expect((await listProducts(db, { q: 'ocop', stars: Number(stars) }, { today })).total, stars).toBe(n);
    }
  });
});

describe('a word followed by filter words is finished', () => {
  it('"chè 5 sao" matches "chè" as a whole word, not the start of "chewy"', async () => {
    const today = vietnamDate(DEMO_NOW);
    for (const q of ['chè 5 sao', 'chè vietgap 4 sao thái nguyên', 'mat ong 5 sao']) {
      const { items } = await listProducts(db, { q }, { today });
      const word = q
        .split(' ')
        .slice(0, q.startsWith('mat') ? 2 : 1)
        .map(foldVietnamese)
        .join(' ');
      const texts = await db.all<{ text: string }>(
        sql`SELECT search_name || ' ' || search_body AS text FROM products WHERE slug IN (${sql.join(
          items.map((item) => sql`${item.slug}`),
          sql`, `,
        )})`,
      );
      expect(texts.length, q).toBe(items.length);
      for (const { text } of texts)
        expect(` ${text} `, q).toMatch(new RegExp(`[^a-z0-9]${word.split(' ').at(-1)}[^a-z0-9]`));
    }
  });
});

describe('rating words beside the OCOP filter, and English plurals, on the demo catalogue', () => {
  const today = vietnamDate(DEMO_NOW);

  it('"OCOP only" ticked on "mat ong 5 sao" gives the number its checkbox shows', async () => {
    for (const q of ['mat ong 5 sao', 'honey 4 stars']) {
      const page = await listProducts(db, { q }, { today, facets: true });
      const shown = page.facets?.ocop.counts.true;
      expect(shown, q).toBeGreaterThan(0);
      expect((await listProducts(db, { q, ocop: true }, { today })).total, q).toBe(shown);
    }
  });

  it('a plural finds what its singular finds', async () => {
    for (const [plural, singular] of [
      ['mangoes', 'mango'],
      ['peaches', 'peach'],
    ]) {
      const found = await search(plural as string);
      expect(found.total, plural).toBeGreaterThan(0);
      expect(found.total, plural).toBe((await search(singular as string)).total);
    }
  });
});
