/**
 * The product list's query plans. Without table statistics (D1 keeps none)
 * SQLite plans the same on a test database as on a national catalogue, so
 * the plans checked here are the ones production runs: a page of the list
 * walks an index in the order it is shown, instead of sorting every match
 * (which at 200,000 products is the difference between 1 and 300 ms; see
 * docs/PERFORMANCE.md).
 */
import type { InArgs, InStatement } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductFilters } from '../../src/server/products/product-filters';
import { bestProductsInProvince, productCardsByIds } from '../../src/server/products/card-queries';
import { cooperativeCardsInProvince } from '../../src/server/cooperatives/cards';
import { provinceSummaryBySlug } from '../../src/server/provinces/summaries';
import { listProducts } from '../../src/server/products/product-list';
import { listCooperatives } from '../../src/server/cooperatives/directory';
import { COOPERATIVE_CUBE } from '../../src/server/cooperatives/directory-facet-cube';
import { PRODUCT_CUBE } from '../../src/server/products/product-facet-cube';
import type { CubeDefinition } from '../../src/server/search/facet-cube';
import { FORMER_UNITS } from '../../src/server/provinces/former-units';
import { computeFormerUnitFigures } from '../../src/server/stats/catalogue-statistics';
import type { LibsqlHandle } from '../../src/server/db/node';
import { seedReferenceData } from '../../src/server/db/seeding';
import { migratedMemoryDatabase } from '../support/libsql';

let handle: LibsqlHandle;
const statements: { sql: string; args: InArgs }[] = [];

beforeAll(async () => {
  handle = await migratedMemoryDatabase();
  await seedReferenceData(handle.db);
  const execute = handle.client.execute.bind(handle.client);
  handle.client.execute = ((statement: InStatement) => {
    if (typeof statement === 'object') statements.push({ sql: statement.sql, args: statement.args ?? [] });
    return execute(statement);
  }) as typeof handle.client.execute;
});
afterAll(() => handle.client.close());

/** A facet scan (search/facets.ts), with or without its count in the full-text index first. */
const SCAN = /^\s*WITH (indexed AS MATERIALIZED \(.*\), )?scanned AS MATERIALIZED/s;
/** A statement that reads a list's rows to count them: a count alone, or a scan for the total and facets. */
const COUNTING = new RegExp(`count\\(\\*\\) AS n FROM \\(SELECT 1|${SCAN.source}`, 's');

/** The plan of the first statement `pick` chooses among those run since `statements` was emptied. */
async function explain(pick: (sql: string) => boolean): Promise<string> {
  const statement = statements.find((s) => pick(s.sql));
  if (!statement) throw new Error('statement not run');
  const result = await handle.client.execute({ sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.args });
  return result.rows.map((row) => String(row.detail)).join('\n');
}

/**
 * A page statement's plan split in two: `walk`, how the page's ids are found
 * (the steps under `CO-ROUTINE page` of a deferred join, or the whole plan of
 * a statement without one), and `join`, what is read for the ids found.
 */
async function pagePlan(pick: (sql: string) => boolean): Promise<{ walk: string; join: string }> {
  const statement = statements.find((s) => pick(s.sql));
  if (!statement) throw new Error('statement not run');
  const result = await handle.client.execute({ sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.args });
  const steps = result.rows.map((row) => ({
    id: Number(row.id),
    parent: Number(row.parent),
    detail: String(row.detail),
  }));
  const page = steps.find((step) => step.detail === 'CO-ROUTINE page');
  if (!page) return { walk: steps.map((step) => step.detail).join('\n'), join: '' };
  const inside = new Set([page.id]);
  for (const step of steps) if (inside.has(step.parent)) inside.add(step.id);
  return {
    walk: steps
      .filter((step) => step.id !== page.id && inside.has(step.id))
      .map((step) => step.detail)
      .join('\n'),
    join: steps
      .filter((step) => !inside.has(step.id))
      .map((step) => step.detail)
      .join('\n'),
  };
}

/**
 * Plans of the page query and the count query listProducts runs for
 * `filters`: `rows` is how the page is found (pagePlan's walk), `join` what
 * is read for its rows.
 */
async function plans(filters: ProductFilters): Promise<{ rows: string; join: string; count: string }> {
  statements.length = 0;
  await listProducts(handle.db, filters, { today: '2026-11-24' });
  const { walk, join } = await pagePlan((sql) => /ORDER BY/.test(sql) && !/count\(\*\)/.test(sql));
  return { rows: walk, join, count: await explain((sql) => /count\(\*\)/.test(sql)) };
}

describe('product list plans', () => {
  it('the newest first list walks the publication date index, and its count reads a covering index', async () => {
    const { rows, count } = await plans({});
    expect(rows).toContain('products_status_published_idx');
    expect(rows).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    // Either index of (status, …, cooperative) counts without reading a product's row.
    expect(count).toMatch(/COVERING INDEX products_status_(cooperative|published)_idx/);
  });

  it("a page's ids are found from index entries alone, in order, and only its own rows are read", async () => {
    const { rows, join } = await plans({ page: 20 });
    // The date index holds the exact order (date descending, then id) and each row's cooperative:
    // the rows an OFFSET skips cost an entry of it and one of the cooperatives' status index.
    expect(rows).toContain('SEARCH p USING COVERING INDEX products_status_published_idx (status=?)');
    expect(rows).toContain('SEARCH c USING COVERING INDEX cooperatives_id_status_idx (id=?)');
    expect(rows).not.toMatch(/TEMP B-TREE/);
    expect(rows).not.toMatch(/\bpr\b/);
    // The card columns are read for the page's ids, each by its key.
    expect(join).toContain('SCAN page');
    expect(join).toContain('SEARCH p USING INDEX sqlite_autoindex_products_1 (id=?)');
  });

  it('every sort and filter without words finds its ids first, by the same index as before', async () => {
    const cases: [ProductFilters, string][] = [
      [{ sort: 'stars' }, 'products_status_stars_idx'],
      [{ sort: 'price_asc' }, 'products_price_idx'],
      [{ sort: 'price_desc' }, 'products_price_idx'],
      [{ province: ['bac-ninh'] }, 'products_status_published_idx'],
      [{ group: ['thuc_pham'], sort: 'stars' }, 'products_status_stars_idx'],
      [{ stars: 5, sort: 'stars' }, 'products_status_stars_idx (status=? AND ocop_stars=?)'],
      [{ stars: 4, sort: 'price_asc' }, 'products_price_idx'],
    ];
    for (const [filters, index] of cases) {
      const { rows, join } = await plans({ ...filters, page: 3 });
      expect(rows).toContain(index);
      expect(join).toContain('SCAN page');
    }
  });

  it('best rated first walks the star index in order', async () => {
    const { rows } = await plans({ sort: 'stars' });
    expect(rows).toContain('products_status_stars_idx');
    expect(rows).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('"4 stars or more", newest first, walks the date index and checks stars per row', async () => {
    const { rows, count } = await plans({ stars: 4 });
    expect(rows).toContain('products_status_published_idx');
    expect(rows).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    // Counting reads the star range itself: at most 1,001 entries of it.
    expect(count).toContain('products_status_stars_idx (status=? AND ocop_stars>?)');
  });

  it('"5 stars", newest first, reads one range of the star index, already in date order', async () => {
    const { rows } = await plans({ stars: 5 });
    expect(rows).toContain('products_status_stars_idx (status=? AND ocop_stars=?)');
    expect(rows).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('"4 stars or more" by price walks the price index', async () => {
    const { rows } = await plans({ stars: 4, sort: 'price_asc' });
    expect(rows).toContain('products_price_idx');
    expect(rows).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('a province and a group by price read their own range in price order, not every published product', async () => {
    for (const sort of ['price_asc', 'price_desc'] as const) {
      const { rows } = await plans({ province: ['bac-ninh'], group: ['thuc_pham'], stars: 4, sort });
      expect(rows).toContain('products_province_group_idx (province_code=? AND ocop_group=? AND status=?)');
      expect(rows).not.toContain('products_price_idx');
      // Only ties of price are ordered by id after the index.
      expect(rows).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
    // A price range within the pair is a range of the same index.
    const { rows } = await plans({
      province: ['bac-ninh'],
      group: ['thuc_pham'],
      minPrice: 100_000,
      sort: 'price_asc',
    });
    expect(rows).toContain(
      'products_province_group_idx (province_code=? AND ocop_group=? AND status=? AND price_vnd>?)',
    );
  });

  it('the other lists keep their plans beside the price-ordered province and group index', async () => {
    // Newest first, the 4-star price list and a province by price walk the index of their order as before.
    expect((await plans({})).rows).toContain('products_status_published_idx');
    expect((await plans({ stars: 4, sort: 'price_asc' })).rows).toContain('products_price_idx');
    // A province and group's count still reads the pair's range (the price adds nothing to it).
    expect((await plans({ province: ['bac-ninh'], group: ['thuc_pham'] })).count).toContain(
      'products_province_group_idx (province_code=? AND ocop_group=?)',
    );
    // A province's best products still come from its star-ordered index.
    statements.length = 0;
    await bestProductsInProvince(handle.db, '01', 12);
    expect(await explain((sql) => /ORDER BY/.test(sql))).toContain('products_province_idx');
  });
});

describe('province page plans', () => {
  it("a province's counts, when the cubes are not current, read index entries only", async () => {
    statements.length = 0;
    await provinceSummaryBySlug(handle.db, 'bac-ninh', { today: '2026-11-24' });
    const plan = await explain((sql) => /count\(\*\)/.test(sql));
    expect(plan).toContain('SEARCH p USING COVERING INDEX products_province_idx (province_code=? AND status=?)');
    expect(plan).toContain('SEARCH c USING COVERING INDEX cooperatives_id_status_idx (id=? AND status=?)');
    expect(plan).toMatch(
      /SEARCH c USING COVERING INDEX cooperatives_province(_products)?_idx \(province_code=\? AND status=\?\)/,
    );
  });

  it("a province's cooperatives, most products first, are one range of an index, none counted", async () => {
    statements.length = 0;
    await cooperativeCardsInProvince(handle.db, '24', 12);
    const plan = await explain((sql) => /ORDER BY/.test(sql));
    expect(plan).toContain('SEARCH c USING INDEX cooperatives_province_products_idx (province_code=? AND status=?)');
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY|products_status_cooperative_idx/);
  });

  it("the directory's most-products order walks its index, counting no cooperative's products", async () => {
    statements.length = 0;
    await listCooperatives(handle.db, { sort: 'products', page: 3 });
    const plan = await explain((sql) => /published_products DESC/.test(sql));
    // The page's ids come from the index in its order; only the page's own rows are sorted again.
    const [walk] = plan.split('SCAN page');
    expect(walk).toContain('cooperatives_status_products_idx (status=?)');
    expect(walk).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    expect(plan).not.toContain('products_status_cooperative_idx');
  });

  it("a province's best products are read in star order from its range, not sorted", async () => {
    statements.length = 0;
    await bestProductsInProvince(handle.db, '01', 12);
    const rows = await explain((sql) => /ORDER BY/.test(sql));
    expect(rows).toContain('products_province_idx (province_code=? AND status=?)');
    // Only ties of date are ordered by id after the index (SQLite's "right part").
    expect(rows).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
});

describe('facet count plans', () => {
  /** The plan of the facet statement `pick` chooses, for the whole list with its facets. */
  async function facetPlan(pick: (sql: string) => boolean): Promise<string> {
    statements.length = 0;
    await listProducts(handle.db, {}, { today: '2026-11-24', facets: true });
    return explain(pick);
  }

  it('a facet reads products and their cooperatives from indexes alone', async () => {
    const plan = await facetPlan((sql) => SCAN.test(sql));
    expect(plan).toContain('SCAN p USING COVERING INDEX products_facets_idx');
    expect(plan).toContain('COVERING INDEX cooperatives_id_status_idx');
  });

  it("a search's total and facets look each hit up by its full-text rowid, reading no table row", async () => {
    statements.length = 0;
    await listProducts(handle.db, { q: 'mat ong' }, { today: '2026-11-24', facets: true });
    const plan = await explain((sql) => SCAN.test(sql) && /MATCH/.test(sql));
    expect(plan).toMatch(/SEARCH p USING COVERING INDEX products_search_key_idx \(search_key=\?/);
    // The hit's id is not read from the index's content table (a read per hit).
    expect(plan).not.toMatch(/products_facets_idx|sqlite_autoindex_products_1/);
    // The hits are read once, and counted in the index once; the count, the grouping and the
    // certificates read what was scanned.
    expect(plan.match(/SCAN products_fts/g)).toHaveLength(2);
    expect(plan).toContain('MATERIALIZE indexed');
    expect(plan).toContain('MATERIALIZE scanned');
  });

  /** The statements that read a list's rows to count them (its total or its facets), for `filters`. */
  async function countingStatements(filters: ProductFilters): Promise<string[]> {
    statements.length = 0;
    await listProducts(handle.db, filters, { today: '2026-11-24', facets: true });
    return statements.map((s) => s.sql).filter((sql) => COUNTING.test(sql));
  }

  it("a search's total and every facet come from one scan of its hits", async () => {
    const counting = await countingStatements({ q: 'mat ong' });
    expect(counting).toHaveLength(1);
    expect(counting[0]).toMatch(/MATCH/);
    expect(counting[0]).toContain(`LIMIT ?`);
  });

  it('a search with words alone is counted in the full-text index first: past the cap, no row is joined', async () => {
    const inIndex =
      /indexed AS MATERIALIZED \(SELECT \(SELECT count\(\*\) FROM \(SELECT 1 FROM \(SELECT rowid AS key FROM products_fts WHERE products_fts MATCH \?\) hit LIMIT \?\)\) AS n\)/;
    const [words] = await countingStatements({ q: 'mat ong' });
    expect(words).toMatch(inIndex);
    // Past the cap the scan's LIMIT is 0, which ends it before its first hit (a WHERE would test each one).
    expect(words).toMatch(/LIMIT \(SELECT CASE WHEN n <= \? THEN \? ELSE 0 END FROM indexed\)/);
    // A filter the index does not hold (a province; the dates of a certificate) is counted on the
    // rows; its facet's own count, without it, is the words alone and counted in the index.
    const cases: [ProductFilters, RegExp][] = [
      [{ q: 'mat ong', province: ['ha-noi'] }, /p\.province_code = \?/],
      [{ q: 'ca phe', certification: ['vietgap'] }, /held\.search_key = hit\.key/],
    ];
    for (const [filters, condition] of cases) {
      const counting = await countingStatements(filters);
      expect(counting).toHaveLength(2);
      for (const statement of counting) expect(inIndex.test(statement)).toBe(!condition.test(statement));
    }
  });

  it("a search's first pages read its hits tier by tier in the index's order, scoring none", async () => {
    for (const filters of [{ q: 'mat ong' }, { q: 'ca phe', certification: ['vietgap' as const] }]) {
      statements.length = 0;
      await listProducts(handle.db, filters, { today: '2026-11-24', facets: true });
      const window = statements.filter((s) => /MATCH/.test(s.sql) && /ORDER BY/.test(s.sql));
      expect(window.length).toBeGreaterThan(0);
      for (const statement of window) {
        // bm25 would score every hit to keep the best: 24 ms for 17,151 hits at 200,000 products.
        expect(statement.sql).not.toContain('bm25');
        const plan = await explain((sql) => sql === statement.sql);
        expect(plan).toMatch(/SCAN products_fts VIRTUAL TABLE/);
        expect(plan).not.toMatch(/TEMP B-TREE/);
        // The window holds the page's cards: each hit's cooperative and province are read by key, never scanned.
        expect(plan).toMatch(/SEARCH c USING INDEX sqlite_autoindex_cooperatives_1 \(id=\?\)/);
        expect(plan).toMatch(/SEARCH pr USING INDEX sqlite_autoindex_provinces_1 \(code=\?\)/);
        expect(plan).not.toMatch(/SCAN (p|c|pr)\b/);
      }
    }
  });

  it("a search reads its page's cards by id, past its ranked candidates", async () => {
    statements.length = 0;
    await productCardsByIds(handle.db, ['a', 'b']);
    const plan = await explain((sql) => /json_each/.test(sql));
    expect(plan).toMatch(/^SCAN page VIRTUAL TABLE/);
    expect(plan).toMatch(/SEARCH p USING INDEX sqlite_autoindex_products_1 \(id=\?\)/);
    // Left free, SQLite walked every active cooperative's products (307,000 rows at 200,000 products).
    expect(plan).not.toMatch(/SCAN (p|c)\b|cooperatives_stats_idx/);
  });

  it('the certification filter of a list without words reads only certificates of the kind asked', async () => {
    statements.length = 0;
    // A price filter: the facet cube cannot answer, so the list is scanned.
    await listProducts(handle.db, { certification: ['vietgap'], minPrice: 1 }, { today: '2026-11-24', facets: true });
    const plan = await explain((sql) => SCAN.test(sql) && /cert\.product_id = p\.id/.test(sql));
    expect(plan).toMatch(
      /SEARCH cert USING INDEX certifications_product_verified_kind_idx \(product_id=\? AND <expr>=\?\)/,
    );
    expect(plan).toMatch(
      /SEARCH cert USING INDEX certifications_cooperative_verified_kind_idx \(cooperative_id=\? AND <expr>=\?\)/,
    );
  });

  it("a search filtered by certification tests each hit with one seek by its key, before the hit's row", async () => {
    for (const filters of [
      { q: 'ca phe', certification: ['vietgap' as const] },
      { q: 'ca phe', certification: ['vietgap' as const, 'organic' as const], sort: 'newest' as const },
    ]) {
      statements.length = 0;
      await listProducts(handle.db, filters, { today: '2026-11-24', facets: true });
      const filtered = statements.filter((s) => /MATCH/.test(s.sql) && /held\.search_key = hit\.key/.test(s.sql));
      expect(filtered.length).toBeGreaterThan(1);
      for (const statement of filtered) {
        // The index keeps the public hits tagged with a kind asked before any row is read (migration 0050).
        expect(JSON.stringify(statement.args)).toMatch(
          /"\(\{search_name search_body\} : \(.*\) AND search_tags : \(\\"0vietgap\\"( OR \\"0organic\\")?\)\) NOT search_tags : \\"0hidden\\""/,
        );
        const plan = await explain((sql) => sql === statement.sql);
        // One seek by key and kind in product_certificates_held_idx, which holds the dates: no certificate read.
        const held = plan.search(
          /SEARCH held USING COVERING INDEX product_certificates_held_idx \(search_key=\? AND kind=\?\)/,
        );
        expect(held).toBeGreaterThan(plan.search(/SCAN products_fts VIRTUAL TABLE/));
        expect(held).toBeLessThan(plan.search(/SEARCH p USING/));
        expect(plan).not.toMatch(/\bcert\b/);
      }
      // The certification facet's own scan counts every hit, by the certificates it holds valid that day.
      const facetScan = statements.find((s) => SCAN.test(s.sql) && !/held\.search_key = hit\.key/.test(s.sql));
      expect(JSON.stringify(facetScan?.args)).not.toContain('0vietgap');
      const plan = await explain((sql) => sql === facetScan?.sql);
      expect(plan).toMatch(/SEARCH held USING COVERING INDEX product_certificates_held_idx \(search_key=\?\)/);
      expect(plan).not.toMatch(/\bcert\b/);
    }
  });

  it('a chosen filter adds one scan without its own condition, for its facet', async () => {
    expect(await countingStatements({ q: 'mat ong', province: ['ha-noi'] })).toHaveLength(2);
    expect(await countingStatements({ q: 'mat ong', province: ['ha-noi'], stars: 4 })).toHaveLength(3);
  });

  it('no other product query is drawn to the facets index', async () => {
    for (const filters of [{}, { sort: 'stars' as const }, { stars: 4 }, { group: ['thuc_pham' as const] }]) {
      const { rows, count } = await plans(filters);
      expect(rows).not.toContain('products_facets_idx');
      expect(count).not.toContain('products_facets_idx');
    }
  });

  it('the certification facet probes the certificates of the rows it counts, not every certificate', async () => {
    const plan = await facetPlan((sql) => SCAN.test(sql));
    expect(plan).toMatch(/SEARCH cert USING INDEX certifications_product_idx \(product_id=\?\)/);
    // A cooperative's own certificates only, not its products' too.
    expect(plan).toMatch(/SEARCH cert USING INDEX certifications_cooperative_verified_kind_idx \(cooperative_id=\?/);
    expect(plan).not.toMatch(/SCAN cert/);
  });
});

describe('facet cube plans', () => {
  /** The plans of the SELECTs that fill a cube. */
  const fillPlans = (cube: CubeDefinition<unknown>) =>
    Promise.all(
      cube.fill('2026-11-24').map(async (select) => {
        const rows = await handle.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${select}`);
        return rows.map((row) => row.detail).join('\n');
      }),
    );

  it("the product cube looks each product's cooperative up by its id, not through an index of every active one", async () => {
    for (const plan of await fillPlans(PRODUCT_CUBE as CubeDefinition<unknown>)) {
      expect(plan).toContain('cooperatives_id_status_idx (id=? AND status=?)');
      expect(plan).not.toContain('cooperatives_stats_idx');
    }
  });

  it("the directory cube reads each cooperative's products from its own index", async () => {
    const [cells, certified] = await fillPlans(COOPERATIVE_CUBE as CubeDefinition<unknown>);
    expect(cells).toContain('products_cooperative_idx (cooperative_id=? AND status=?)');
    expect(certified).not.toMatch(/SCAN (p|cp)\b/);
  });
});

describe('cooperative directory plans', () => {
  it("a search looks each hit's cooperative up by its key, not through an index of every active one", async () => {
    statements.length = 0;
    await listCooperatives(handle.db, { q: 'che' }, '2026-11-24');
    const scan = await explain((sql) => SCAN.test(sql) && /MATCH/.test(sql));
    expect(scan).toMatch(/SEARCH c USING COVERING INDEX cooperatives_search_key_idx \(search_key=\?\)/);
    expect(scan).not.toContain('cooperatives_stats_idx');
    // The total and the facets are that one scan.
    expect(statements.filter((s) => COUNTING.test(s.sql))).toHaveLength(1);
  });
});

describe('cooperative directory search', () => {
  it("a search's first pages read names holding the words first, in the index's order, scoring none", async () => {
    statements.length = 0;
    await listCooperatives(handle.db, { q: 'che' }, '2026-11-24');
    const page = statements.find((s) => /MATCH/.test(s.sql) && /product_count/.test(s.sql));
    if (!page) throw new Error('no page statement');
    expect(page.sql).not.toContain('bm25');
    // Names holding the word whole (or its English plurals) come before names where it only starts a word.
    expect(page.args).toContainEqual('{search_name search_body} : (search_name : (("che" OR "ches" OR "chees")))');
    const plan = await explain((sql) => sql === page.sql);
    expect(plan).toMatch(/SCAN cooperatives_fts VIRTUAL TABLE/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});

describe('cooperative directory by province', () => {
  /** Plans of the page and the count statements listCooperatives runs for `filters`. */
  async function directoryPlans(filters: Parameters<typeof listCooperatives>[1]) {
    statements.length = 0;
    await listCooperatives(handle.db, filters, '2026-11-24');
    return {
      rows: await explain((sql) => /ORDER BY/.test(sql) && /product_count/.test(sql)),
      count: await explain((sql) => SCAN.test(sql)),
    };
  }

  it("a province's cooperatives by name read one page of the province's range in name order", async () => {
    const { rows, count } = await directoryPlans({ province: ['dak-lak'] });
    expect(rows).toContain('cooperatives_province_idx (province_code=? AND status=?)');
    expect(rows).not.toContain('cooperatives_status_name_idx');
    // Only ties of name are ordered by id after the index.
    expect(rows).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    // Its total and facets: the province's range of an index that holds every facet.
    expect(count).toContain('COVERING INDEX cooperatives_stats_idx (status=? AND province_code=?)');
  });

  it('a page beyond the first finds its ids in the name index alone, and reads only its own cooperatives', async () => {
    const cases: [Parameters<typeof listCooperatives>[1], string][] = [
      [{}, 'SEARCH c USING COVERING INDEX cooperatives_status_name_idx (status=?)'],
      [
        { province: ['dak-lak'] },
        'SEARCH c USING COVERING INDEX cooperatives_province_idx (province_code=? AND status=?)',
      ],
    ];
    for (const [filters, walk] of cases) {
      statements.length = 0;
      await listCooperatives(handle.db, { ...filters, page: 20 }, '2026-11-24');
      const { walk: rows, join } = await pagePlan((sql) => /ORDER BY/.test(sql) && /product_count/.test(sql));
      expect(rows).toContain(walk);
      // The name index ends with the id: no sort of ties, and no product counted for a row skipped.
      expect(rows).not.toMatch(/TEMP B-TREE|CORRELATED/);
      expect(join).toContain('SEARCH c USING INDEX sqlite_autoindex_cooperatives_1 (id=?)');
    }
  });

  it('the whole directory and its facets keep their indexes', async () => {
    const { rows } = await directoryPlans({});
    expect(rows).toContain('cooperatives_status_name_idx (status=?)');
    expect(rows).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    statements.length = 0;
    await listCooperatives(handle.db, { province: ['dak-lak'] }, '2026-11-24');
    const facet = await explain((sql) => SCAN.test(sql) && /province_code = \?/.test(sql));
    expect(facet).toContain('COVERING INDEX cooperatives_stats_idx (status=? AND province_code=?)');
  });
});

describe('statistics plans', () => {
  it("a former unit's products are read per cooperative of the unit, not by walking every published product", async () => {
    const [unit] = FORMER_UNITS;
    if (!unit) throw new Error('no former unit');
    statements.length = 0;
    await computeFormerUnitFigures(handle.db, unit, 2026);
    const plan = await explain((sql) => /CROSS JOIN products p/.test(sql));
    expect(plan).toMatch(
      /SEARCH p USING INDEX products_(status_)?cooperative_idx \((status=\? AND cooperative_id|cooperative_id)=\?/,
    );
  });
});
