import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { foldVietnamese } from '../../src/server/search/fold';
import { vietnamDate } from '../../src/server/time/vietnam';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';

let db: Database;
let api: ReturnType<typeof apiOn>;

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
});

async function get(path: string) {
  const res = await call(api, path);
  return { status: res.status, body: await readJson(res) };
}

interface Card {
  slug: string;
  nameVi: string;
  nameEn: string;
  ocopGroup: string;
  ocopStars: number | null;
  priceVnd: number | null;
  provinceNameVi: string;
  cooperativeSlug: string;
}

async function scalar(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await db.all<{ n: number }>(query);
  return Number(row?.n);
}

describe('GET /products', () => {
  it('lists published products of active cooperatives, newest first, 24 a page, with the exact total', async () => {
    const { status, body } = await get('/products');
    expect(status).toBe(200);
    const published =
      await scalar(sql`SELECT count(*) AS n FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
      WHERE p.status = 'published' AND c.status = 'active'`);
    expect(body.total).toBe(published);
    expect(body.totalIsCapped).toBe(false);
    expect(body.items).toHaveLength(24);
    expect(body.sort).toBe('newest');
    const nonPublic = await db.all<{ slug: string }>(sql`SELECT slug FROM products WHERE status <> 'published'`);
    expect(nonPublic.length).toBeGreaterThan(0);
    const all = (await get(`/products?limit=100&page=1`)).body.items.concat(
      ...(await Promise.all([2, 3, 4].map(async (page) => (await get(`/products?limit=100&page=${page}`)).body.items))),
    ) as Card[];
    expect(all).toHaveLength(published);
    for (const { slug } of nonPublic) expect(all.map((item) => item.slug)).not.toContain(slug);
  });

  it('finds "Mật ong" when typed without diacritics, in any case, and with partial words', async () => {
    for (const q of ['mat ong', 'MAT ONG', 'Mật ong', 'mat on']) {
      const { status, body } = await get(`/products?q=${encodeURIComponent(q)}`);
      expect(status, q).toBe(200);
      expect(body.total, q).toBeGreaterThan(0);
      expect(body.sort, q).toBe('relevance');
      expect(foldVietnamese((body.items[0] as Card).nameVi), q).toContain('mat ong');
    }
  });

  it('ranks every product whose name matches above those matching only elsewhere', async () => {
    // "ong" (bee, honey, tube…) is in some names and in many descriptions.
    const { body } = await get('/products?q=ong&limit=100');
    const inName = (body.items as Card[]).map((item) =>
      foldVietnamese(`${item.nameVi} ${item.nameEn}`)
        .split(/[^a-z0-9]+/)
        .some((word) => word.startsWith('ong')),
    );
    expect(inName.filter(Boolean).length).toBeGreaterThan(0);
    expect(inName.filter((x) => !x).length).toBeGreaterThan(0);
    const firstElsewhere = inName.indexOf(false);
    expect(inName.slice(firstElsewhere)).not.toContain(true);
  });

  it('filters by province, group, minimum stars, cooperative kind and cooperative', async () => {
    const byProvince = (await get('/products?province=bac-ninh&limit=100')).body;
    expect(byProvince.total).toBeGreaterThan(0);
    for (const item of byProvince.items as Card[]) expect(item.provinceNameVi).toBe('Bắc Ninh');

    const byGroup = (await get('/products?group=do_uong&limit=100')).body;
    expect(byGroup.total).toBeGreaterThan(0);
    for (const item of byGroup.items as Card[]) expect(item.ocopGroup).toBe('do_uong');

    const fourPlus = (await get('/products?stars=4&limit=100')).body;
    expect(fourPlus.total).toBeGreaterThan(0);
    for (const item of fourPlus.items as Card[]) expect(item.ocopStars).toBeGreaterThanOrEqual(4);

    const unions = (await get('/products?cooperativeKind=lien_hiep_htx&limit=100')).body;
    const expected =
      await scalar(sql`SELECT count(*) AS n FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
      WHERE p.status = 'published' AND c.kind = 'lien_hiep_htx'`);
    expect(unions.total).toBe(expected);

    const some = (byProvince.items as Card[])[0] as Card;
    const ofCooperative = (await get(`/products?cooperative=${some.cooperativeSlug}&limit=100`)).body;
    expect(ofCooperative.total).toBeGreaterThan(0);
    for (const item of ofCooperative.items as Card[]) expect(item.cooperativeSlug).toBe(some.cooperativeSlug);
  });

  it('filters by a verified certification valid today, of the product or of its cooperative', async () => {
    const today = vietnamDate(new Date());
    for (const kind of ['vietgap', 'geographic_indication']) {
      const { body } = await get(`/products?certification=${kind}&limit=100`);
      const expected =
        await scalar(sql`SELECT count(*) AS n FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
        WHERE p.status = 'published' AND c.status = 'active' AND EXISTS (SELECT 1 FROM certifications x
          WHERE x.kind = ${kind} AND x.verification = 'verified' AND (x.product_id = p.id OR (x.product_id IS NULL AND x.cooperative_id = p.cooperative_id))
            AND x.valid_from <= ${today} AND (x.valid_until IS NULL OR x.valid_until >= ${today}))`);
      expect(expected, kind).toBeGreaterThan(0);
      expect(body.total, kind).toBe(expected);
    }
  });

  it('filters by price range and sorts by price, stars and newest', async () => {
    const { body } = await get('/products?minPrice=100000&maxPrice=300000&sort=price_asc&limit=100');
    const prices = (body.items as Card[]).map((item) => item.priceVnd as number);
    expect(prices.length).toBeGreaterThan(0);
    for (const price of prices) expect(price).toBeGreaterThanOrEqual(100000);
    for (const price of prices) expect(price).toBeLessThanOrEqual(300000);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));

    const desc = ((await get('/products?sort=price_desc&limit=50')).body.items as Card[]).map(
      (i) => i.priceVnd as number,
    );
    expect(desc).toEqual([...desc].sort((a, b) => b - a));

    const stars = ((await get('/products?sort=stars&limit=100')).body.items as Card[]).map((i) => i.ocopStars ?? 0);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));
  });

  it('pages without overlap and keeps the total', async () => {
    const first = (await get('/products?limit=10&page=1')).body;
    const second = (await get('/products?limit=10&page=2')).body;
    expect(second.total).toBe(first.total);
    const firstSlugs = (first.items as Card[]).map((item) => item.slug);
    for (const item of second.items as Card[]) expect(firstSlugs).not.toContain(item.slug);
  });

  it.each([
    ['stars=9', 'stars'],
    ['stars=two', 'stars'],
    ['page=-1', 'page'],
    ['page=0', 'page'],
    ['limit=1000', 'limit'],
    ['group=banh-keo', 'group'],
    ['certification=halal', 'certification'],
    ['sort=random', 'sort'],
    ['minPrice=-5', 'minPrice'],
    ['q=<5,000 characters>', 'q'],
    ['province=Bac%20Ninh', 'province'],
  ])('refuses %s with a 400 naming the field', async (label, field) => {
    const query = label.replace('<5,000 characters>', 'a'.repeat(5000));
    const { status, body } = await get(`/products?${query}&lang=en`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(Object.keys(body.error.fields)).toEqual([field]);
  });

  it('refuses a province or cooperative that does not exist, and a price range upside down', async () => {
    const unknown = await get('/products?province=atlantis');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ province: 'Không có giá trị này.' });
    const upsideDown = await get('/products?minPrice=500000&maxPrice=100000&lang=en');
    expect(upsideDown.status).toBe(400);
    expect(upsideDown.body.error.fields).toEqual({ maxPrice: 'Must be at least 500000.' });
  });

  it('names the filters words of q were read as, each with q without its words', async () => {
    const { body } = await get(`/products?q=${encodeURIComponent('Chè VietGAP 4 sao trở lên Sơn La')}`);
    expect(body.total).toBeGreaterThan(0);
    expect(body.filtersFromQuery).toEqual([
      { filter: 'province', value: 'son-la', words: 'sơn la', q: 'chè vietgap 4 sao trở lên', applied: true },
      {
        filter: 'certification',
        value: 'vietgap',
        words: 'vietgap',
        q: 'chè 4 sao trở lên sơn la',
        applied: true,
      },
      { filter: 'stars', value: '4', words: '4 sao trở lên', q: 'chè vietgap sơn la', applied: true },
    ]);
    // Each q leads to the same list without that filter (and the others still read from the words).
    for (const removed of body.filtersFromQuery as { filter: string; q: string }[]) {
      const without = (await get(`/products?q=${encodeURIComponent(removed.q)}`)).body;
      expect(
        without.filtersFromQuery.map((f: { filter: string }) => f.filter),
        removed.filter,
      ).toEqual(['province', 'certification', 'stars'].filter((filter) => filter !== removed.filter));
      expect(without.total, removed.filter).toBeGreaterThanOrEqual(body.total);
    }
    // A filter chosen wins over its words, listed as not applied; words that are no filter list none.
    const chosen = (await get(`/products?q=${encodeURIComponent('ca phe 5 sao')}&stars=4`)).body;
    expect(chosen.filtersFromQuery).toEqual([
      { filter: 'stars', value: '5', words: '5 sao', q: 'ca phe', applied: false },
    ]);
    expect(chosen.total).toBe((await get('/products?q=ca+phe&stars=4')).body.total);
    expect((await get('/products?q=mat+ong')).body.filtersFromQuery).toEqual([]);
  });

  it('reads each certification named in q, as ticking both would (any of them)', async () => {
    const both = (await get(`/products?q=${encodeURIComponent('mật ong hữu cơ vietgap')}&limit=100`)).body;
    expect(both.filtersFromQuery.map((read: { filter: string; value: string }) => [read.filter, read.value])).toEqual([
      ['certification', 'organic'],
      ['certification', 'vietgap'],
    ]);
    const ticked = (
      await get(`/products?q=${encodeURIComponent('mật ong')}&certification=organic&certification=vietgap`)
    ).body;
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBe(ticked.total);
    // A kind said twice is read once.
    const twice = (await get(`/products?q=${encodeURIComponent('vietgap mật ong VietGAP')}`)).body;
    expect(twice.filtersFromQuery).toHaveLength(1);
    expect(twice.total).toBe(
      (await get(`/products?q=${encodeURIComponent('mật ong')}&certification=vietgap`)).body.total,
    );
    // The directory reads them the same way.
    const cooperatives = (await get(`/cooperatives?q=${encodeURIComponent('hữu cơ vietgap')}`)).body;
    expect(cooperatives.total).toBe(
      (await get('/cooperatives?certification=organic&certification=vietgap')).body.total,
    );
  });

  it('reads filters from a long query, and each rating of it, without matching their words', async () => {
    const total = async (q: string) => (await get(`/products?q=${encodeURIComponent(q)}`)).body;
    // Nine words: the filter words past the eighth are read too.
    const long = await total('chè shan tuyết hà giang 4 sao trở lên');
    const short = await total('chè shan tuyết hà giang 4 sao');
    expect(short.total).toBeGreaterThan(0);
    expect(long.total).toBe(short.total);
    expect(long.filtersFromQuery.map((f: { words: string }) => f.words)).toEqual(['hà giang', '4 sao trở lên']);
    // Two ratings: the first typed holds, and neither is searched as words.
    const twice = await total('mat ong 5 sao 4 sao');
    expect(twice.total).toBe((await total('mat ong 5 sao')).total);
    expect(twice.total).toBeGreaterThan(0);
    expect(twice.filtersFromQuery).toEqual([
      { filter: 'stars', value: '5', words: '5 sao 4 sao', q: 'mat ong', applied: true },
    ]);
  });

  it('keeps a certification read from the words when the words find nothing either', async () => {
    const { body } = await get(`/products?q=${encodeURIComponent('ca phe vietgap 4 sao')}`);
    expect(body.total).toBe(0);
    expect(body.filtersFromQuery.map((f: { filter: string }) => f.filter)).toEqual(['certification', 'stars']);
    // The help offers the same search without a filter read from the words, the last read first.
    const without = (await get('/products?q=ca+phe+vietgap')).body;
    expect(without.total).toBeGreaterThan(0);
    expect(body.withoutLastFilter).toEqual({
      filter: 'stars',
      query: 'q=ca+phe+vietgap',
      total: without.total,
      totalIsCapped: false,
    });
    // "huu co" is still a word of a name when no organic product answers it.
    const rice = (await get(`/products?q=${encodeURIComponent('gạo st25 hữu cơ sóc trăng')}`)).body;
    expect(rice.total).toBeGreaterThan(0);
  });

  it('lists nothing for words naming the very filter chosen, and keeps their province note', async () => {
    const same = (await get('/products?q=ha+giang&province=tuyen-quang')).body;
    expect(same.filtersFromQuery).toEqual([]);
    expect(same.place).toMatchObject({ province: { slug: 'tuyen-quang' }, formerly: 'Hà Giang' });
    expect(same.total).toBe((await get('/products?q=ha+giang')).body.total);
    expect((await get('/products?q=ca+phe+ocop&ocop=true')).body.filtersFromQuery).toEqual([]);
    expect((await get('/products?q=mat+ong+5+sao&stars=5')).body.filtersFromQuery).toEqual([]);
  });

  it('documents every filter of the lists as optional, several-valued ones included', async () => {
    const { body: doc } = await get('/openapi.json');
    for (const path of ['/products', '/cooperatives', '/cooperatives.geojson']) {
      const parameters = doc.paths[path].get.parameters as { name: string; in: string; required?: boolean }[];
      expect(
        parameters.map((p) => p.name),
        path,
      ).toContain('province');
      for (const parameter of parameters) expect(parameter.required ?? false, `${path} ${parameter.name}`).toBe(false);
    }
  });

  it('treats SQL and HTML in q as words, not code', async () => {
    for (const q of ["'; DROP TABLE products; --", '<script>alert(1)</script>', '" OR 1=1 --', 'NEAR(mat ong)', '*']) {
      const res = await call(api, `/products?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      expect(await res.text(), q).not.toContain('<script>');
    }
    expect(await scalar(sql`SELECT count(*) AS n FROM products`)).toBeGreaterThan(300);
  });
});

describe('GET /cooperatives', () => {
  it('lists active cooperatives by name with product counts and best stars', async () => {
    const { status, body } = await get('/cooperatives?limit=100');
    expect(status).toBe(200);
    expect(body.total).toBe(await scalar(sql`SELECT count(*) AS n FROM cooperatives WHERE status = 'active'`));
    expect(body.sort).toBe('name');
    const first = body.items[0];
    expect(first.productCount).toBe(
      await scalar(sql`SELECT count(*) AS n FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
        WHERE c.slug = ${first.slug} AND p.status = 'published'`),
    );
  });

  it('searches names without diacritics', async () => {
    const { body } = await get(`/cooperatives?q=${encodeURIComponent('che tan cuong')}`);
    expect(body.total).toBeGreaterThan(0);
    expect(foldVietnamese(body.items[0].name)).toContain('che');
  });

  it('reads a rating named in q as a product of that many stars or more, not as words', async () => {
    const rated = (await get(`/cooperatives?q=${encodeURIComponent('chè 4 sao trở lên')}&limit=100`)).body;
    expect(rated.filtersFromQuery).toEqual([
      { filter: 'stars', value: '4', words: '4 sao trở lên', q: 'chè', applied: true },
    ]);
    // Those of "chè" whose best product has 4 stars or more, and no other.
    const tea = (await get(`/cooperatives?q=${encodeURIComponent('chè')}&limit=100`)).body;
    const expected = tea.items
      .filter((c: { bestStars: number | null }) => (c.bestStars ?? 0) >= 4)
      .map((c: { slug: string }) => c.slug);
    expect(rated.total).toBeGreaterThan(0);
    expect(rated.total).toBeLessThan(tea.total);
    expect(rated.items.map((c: { slug: string }) => c.slug).sort()).toEqual(expected.sort());
    // Alone, "5*" lists those with a 5-star product; the facets count the same rows.
    const five = (await get(`/cooperatives?q=${encodeURIComponent('5*')}&limit=100`)).body;
    expect(five.total).toBeGreaterThan(0);
    expect(five.items.every((c: { bestStars: number | null }) => c.bestStars === 5)).toBe(true);
    const byProvince = Object.values(five.facets.province.counts as Record<string, number>);
    expect(byProvince.reduce((sum, n) => sum + n, 0)).toBe(five.total);
  });

  it('reads a province named in q as the province filter, as the product list does', async () => {
    const inProvince = async (slug: string) =>
      scalar(sql`SELECT count(*) AS n FROM cooperatives c JOIN provinces p ON p.code = c.province_code
        WHERE c.status = 'active' AND p.slug = ${slug}`);
    // A pre-2025 name: its cooperatives' text names the province they are in now.
    const former = (await get('/cooperatives?q=ha+giang&limit=100')).body;
    expect(former.total).toBeGreaterThan(0);
    expect(former.total).toBe(await inProvince('tuyen-quang'));
    expect(former.filtersFromQuery).toEqual([
      { filter: 'province', value: 'tuyen-quang', words: 'ha giang', q: '', applied: true, formerly: 'Hà Giang' },
    ]);
    // A current one, beside words: only that province's, where the words matched elsewhere too.
    const named = (await get(`/cooperatives?q=${encodeURIComponent('htx lâm đồng')}&limit=100`)).body;
    expect(named.total).toBeGreaterThan(0);
    expect(named.items.every((c: { provinceNameVi: string }) => c.provinceNameVi === 'Lâm Đồng')).toBe(true);
    expect(named.total).toBe((await get('/cooperatives?q=htx&province=lam-dong')).body.total);
    // A certification too, beside a province.
    const certified = (await get('/cooperatives?q=vietgap&limit=100')).body;
    expect(certified.total).toBeGreaterThan(0);
    expect(certified.total).toBe((await get('/cooperatives?certification=vietgap')).body.total);
    const both = (await get(`/cooperatives?q=${encodeURIComponent('VietGAP Lâm Đồng')}`)).body;
    expect(both.total).toBe((await get('/cooperatives?certification=vietgap&province=lam-dong')).body.total);
    expect(both.filtersFromQuery.map((read: { filter: string; q: string }) => [read.filter, read.q])).toEqual([
      ['province', 'vietgap'],
      ['certification', 'lâm đồng'],
    ]);
    // A province chosen wins, and the words are listed as set aside.
    const chosen = (await get('/cooperatives?q=ha+giang&province=ha-noi&limit=100')).body;
    expect(chosen.total).toBe(await inProvince('ha-noi'));
    expect(chosen.filtersFromQuery).toEqual([
      { filter: 'province', value: 'tuyen-quang', words: 'ha giang', q: '', applied: false, formerly: 'Hà Giang' },
    ]);
  });

  it('filters by province, kind, sector, classification and having OCOP products', async () => {
    for (const [query, check] of [
      ['province=dak-lak', (c: { provinceNameVi: string }) => c.provinceNameVi === 'Đắk Lắk'],
      ['kind=to_hop_tac', (c: { kind: string }) => c.kind === 'to_hop_tac'],
      ['sector=thu_cong', (c: { sector: string }) => c.sector === 'thu_cong'],
      ['hasOcop=true', (c: { bestStars: number | null }) => c.bestStars !== null],
    ] as const) {
      const { status, body } = await get(`/cooperatives?${query}&limit=100`);
      expect(status, query).toBe(200);
      expect(body.total, query).toBeGreaterThan(0);
      for (const item of body.items) expect((check as (c: unknown) => boolean)(item), query).toBe(true);
    }
    const good = (await get('/cooperatives?classification=tot&limit=100')).body;
    expect(good.total).toBe(
      await scalar(sql`SELECT count(*) AS n FROM cooperatives WHERE status = 'active' AND classification = 'tot'`),
    );
  });

  it.each([['kind=company'], ['hasOcop=maybe'], ['province=atlantis'], ['sort=age']])(
    'refuses %s with a 400',
    async (query) => {
      expect((await get(`/cooperatives?${query}`)).status).toBe(400);
    },
  );
});

interface Facet {
  counts: Record<string, number>;
  isCapped: boolean;
}

describe('facet counts', () => {
  const sum = (facet: Facet) => Object.values(facet.counts).reduce((a, b) => a + b, 0);

  it.each(['/products', '/products?q=mat+ong', '/products?group=thuc_pham&stars=4'])(
    'add up to the total for exclusive facets, and each option gives its count when applied: %s',
    async (path) => {
      const { status, body } = await get(path);
      expect(status).toBe(200);
      const facets = body.facets as Record<string, Facet>;
      const base = new URL(path, 'http://x');
      // Provinces and groups are exclusive; each facet ignores its own filter, so without one it adds up to the total.
      for (const facet of ['province', 'group'] as const) {
        if (!base.searchParams.has(facet)) expect(sum(facets[facet]!), facet).toBe(body.total);
      }
      const checks: [string, string, number][] = [];
      for (const facet of ['province', 'group', 'certification', 'stars', 'ocop'] as const) {
        expect(facets[facet]!.isCapped).toBe(false);
        for (const [value, count] of Object.entries(facets[facet]!.counts)) checks.push([facet, value, count]);
      }
      expect(checks.length).toBeGreaterThan(5);
      for (const [facet, value, count] of checks) {
        const applied = new URLSearchParams(base.searchParams);
        applied.delete(facet);
        applied.set(facet, value);
        expect((await get(`/products?${applied}`)).body.total, `${path} ${facet}=${value}`).toBe(count);
      }
    },
  );

  it('takes several provinces, groups and certifications as any of them, and counts each', async () => {
    const { body: all } = await get('/products');
    const [a, b] = Object.keys((all.facets as { province: Facet }).province.counts);
    const { body } = await get(`/products?province=${a}&province=${b}&limit=100`);
    const counts = (all.facets as { province: Facet }).province.counts;
    expect(body.total).toBe(counts[a!]! + counts[b!]!);
    // The province facet still counts every province (it ignores its own selection); the others narrow.
    expect((body.facets as { province: Facet }).province.counts).toEqual(counts);
    expect(sum((body.facets as { group: Facet }).group)).toBe(body.total);
  });

  it('refuses an unknown value among several with a 400 naming the field', async () => {
    const { status, body } = await get('/products?group=thuc_pham&group=banh_keo');
    expect(status).toBe(400);
    expect(Object.keys(body.error.fields)).toEqual(['group']);
    const unknown = await get('/products?province=ha-noi&province=atlantis');
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.error.fields)).toEqual(['province']);
  });

  it('counts cooperatives per province, kind, sector and classification the same way', async () => {
    const { body } = await get('/cooperatives');
    const facets = body.facets as Record<string, Facet>;
    for (const facet of ['province', 'kind', 'sector', 'classification']) {
      expect(sum(facets[facet]!), facet).toBeLessThanOrEqual(body.total);
      for (const [value, count] of Object.entries(facets[facet]!.counts)) {
        expect((await get(`/cooperatives?${facet}=${value}`)).body.total, `${facet}=${value}`).toBe(count);
      }
    }
    expect(sum(facets.province!)).toBe(body.total);
  });

  it('takes several kinds, sectors and classifications of cooperatives as any of them', async () => {
    const { body: all } = await get('/cooperatives');
    const facets = all.facets as Record<string, Facet>;
    for (const facet of ['kind', 'sector', 'classification', 'province']) {
      const [a, b] = Object.keys(facets[facet]!.counts);
      expect(b, `${facet} has two options in the demo data`).toBeDefined();
      const { status, body } = await get(`/cooperatives?${facet}=${b}&${facet}=${a}&${facet}=${a}`);
      expect(status, facet).toBe(200);
      expect(body.total, facet).toBe(facets[facet]!.counts[a!]! + facets[facet]!.counts[b!]!);
      // A facet ignores its own selection: choosing two kinds still counts every kind.
      expect((body.facets as Record<string, Facet>)[facet]!.counts, facet).toEqual(facets[facet]!.counts);
    }
    const refused = await get('/cooperatives?kind=hop_tac_xa&kind=company');
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.error.fields)).toEqual(['kind']);
  });
});
