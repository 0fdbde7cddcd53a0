import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { suggestQuery } from '../../src/server/search/did-you-mean';
import { NEAR_EMPTY } from '../../src/server/search/near-empty';
import { apiOn, call } from '../support/api';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';
import { bothStores } from '../support/stores';

let api: ReturnType<typeof apiOn>;

beforeAll(async () => {
  api = apiOn(await demoDatabase());
});

async function get(path: string) {
  const res = await call(api, path);
  return { status: res.status, body: await readJson(res) };
}

describe('did you mean, from the index’s own words (demo data)', () => {
  it.each([
    ['/products?q=mta+ong', 'mat ong'],
    ['/products?q=nuocxx+mam', 'nuoc mam'],
    ['/cooperatives?q=tan+cuongg', 'tan cuong'],
  ])('%s suggests "%s", with its count and query', async (path, expected) => {
    const { status, body } = await get(path);
    expect(status).toBe(200);
    expect(body.total).toBeLessThan(NEAR_EMPTY);
    expect(body.suggestion?.q).toBe(expected);
    const list = path.split('?')[0];
    const suggested = await get(`${list}?${body.suggestion.query}`);
    expect(body.suggestion.total).toBe(suggested.body.total);
    expect(suggested.body.total).toBeGreaterThan(body.total);
  });

  it('offers nothing when the results are plenty, or no word of the index is near', async () => {
    expect((await get('/products?q=mat+ong')).body.suggestion).toBeNull();
    expect((await get('/products?q=zzzzqqqq')).body.suggestion).toBeNull();
    expect((await get('/products')).body.suggestion).toBeNull();
  });
});

describe('the same search without one filter', () => {
  it('drops the filter named last, keeps the words and the other filters, and counts', async () => {
    const { body: all } = await get('/products?q=mat+ong');
    const groups = Object.keys(all.facets.group.counts);
    const missing = ['thuc_pham', 'do_uong', 'duoc_lieu', 'thu_cong_my_nghe', 'sinh_vat_canh', 'dich_vu_du_lich'].find(
      (group) => !groups.includes(group),
    );
    expect(missing, 'a group without honey').toBeDefined();
    const { body } = await get(`/products?q=mat+ong&stars=3&group=${missing}`);
    expect(body.total).toBe(0);
    expect(body.withoutLastFilter).toMatchObject({ filter: 'group', query: 'q=mat+ong&stars=3' });
    expect(body.withoutLastFilter.total).toBe((await get('/products?q=mat+ong&stars=3')).body.total);
    // The order of the request decides which filter is tried first: without the stars (named last) there is
    // still no group of that kind, so the one named before them is offered.
    expect((await get(`/products?group=${missing}&q=mat+ong&stars=3`)).body.withoutLastFilter).toMatchObject({
      filter: 'group',
      query: 'q=mat+ong&stars=3',
    });
  });

  it('works the same on the cooperative list', async () => {
    const { body: all } = await get('/cooperatives');
    const { body: unions } = await get('/cooperatives?kind=lien_hiep_htx');
    const province = Object.keys(all.facets.province.counts).find((slug) => !unions.facets.province.counts[slug]);
    expect(province, 'a province without a union of cooperatives').toBeDefined();
    const { body } = await get(`/cooperatives?province=${province}&kind=lien_hiep_htx`);
    expect(body.total).toBe(0);
    expect(body.withoutLastFilter).toEqual({
      filter: 'kind',
      query: `province=${province}`,
      total: all.facets.province.counts[province!],
      totalIsCapped: false,
    });
  });

  it('is null when nothing would be broader or the list has plenty', async () => {
    expect((await get('/products?province=ha-noi')).body.withoutLastFilter).toBeNull();
    expect((await get('/products?q=zzzzqqqq')).body.withoutLastFilter).toBeNull();
  });
});

describe.each(bothStores('did-you-mean'))('the vocabulary table on $name', (store) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await store.open());
    await db.run(sql`INSERT INTO products_fts (product_id, search_name, search_body, search_tags)
      VALUES ('a', 'mat ong bac ha', 'mat ong rung', '0 0vietgap 0 0 0 0 0 0'), ('b', 'nuoc mam phu quoc', '', '0 0 0 0 0 0 0 0')`);
  });
  afterAll(async () => dispose());

  it('suggests the index’s own words', async () => {
    expect(await suggestQuery(db, 'products_fts', ['mta', 'onng'])).toBe('mat ong');
    expect(await suggestQuery(db, 'products_fts', ['nuoc', 'mamm'])).toBe('nuoc mam');
    expect(await suggestQuery(db, 'products_fts', ['mat', 'ong'])).toBeNull();
    expect(await suggestQuery(db, 'cooperatives_fts', ['mta'])).toBeNull();
  });

  it('never offers a tag of the index (migration 0050) as a word', async () => {
    const vocabulary = await db.all<{ term: string }>(sql`SELECT term FROM products_fts_vocab WHERE term = '0vietgap'`);
    expect(vocabulary).toHaveLength(1);
    expect(await suggestQuery(db, 'products_fts', ['0vietgep'])).toBeNull();
    expect(await suggestQuery(db, 'products_fts', ['mta', '0vietgep'])).toBe('mat 0vietgep');
  });
});
