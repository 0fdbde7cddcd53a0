/**
 * The lists' facet cubes (src/server/search/facet-cube.ts: products and the
 * cooperative directory), on both stores: their totals and facets equal the
 * scan's for filter-only lists, they are used only at the content version and
 * day they were computed at, and lists they cannot sum exactly (searches,
 * prices, several certification kinds) keep scanning.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { PRODUCT_CUBE } from '../../src/server/products/product-facet-cube';
import type { ProductFilters } from '../../src/server/products/product-filters';
import { listProducts } from '../../src/server/products/product-list';
import { COOPERATIVE_CUBE } from '../../src/server/cooperatives/directory-facet-cube';
import type { DirectoryFilters } from '../../src/server/cooperatives/directory-filters';
import { listCooperatives } from '../../src/server/cooperatives/directory';
import {
  type AfterResponse,
  type CubeDefinition,
  forgetCubes,
  freshCells,
  REFRESH_INTERVAL_MS,
  refreshCube,
} from '../../src/server/search/facet-cube';
import type { FacetCounts } from '../../src/server/search/facets';
import { vietnamDate } from '../../src/server/time/vietnam';
import { facetCubes } from '../../src/server/db/schema';
import type { Mailer } from '../../src/server/mail/mailer';
import { FREQUENT_CRON, runScheduledJobs } from '../../src/server/scheduled';
import { bothStores } from '../support/stores';

const NOW = new Date('2026-11-24T03:00:00Z');
const TODAY = vietnamDate(NOW);

interface Answer {
  total: number;
  totalIsCapped: boolean;
  items: unknown[];
  facets?: Record<string, FacetCounts>;
}

interface CubeCase {
  cube: CubeDefinition<unknown>;
  list: (db: Database, filters: Record<string, unknown>, later?: AfterResponse) => Promise<Answer>;
  /** Filter-only lists the cube answers: one value, several values, every dimension, and mixes of them. */
  answered: Record<string, unknown>[];
  /** Facets with one value per row, which add up to the total. */
  exclusive: string[];
  /** Lists it does not answer: a search, several certification kinds, and what else it has no dimension for. */
  scanned: Record<string, unknown>[];
  /** A row out of the public list and back (its table is watched by the content version's triggers). */
  hide: (db: Database) => Promise<void>;
  show: (db: Database) => Promise<void>;
}

const FIRST_PRODUCT = sql`(SELECT min(p.id) FROM products p JOIN cooperatives c ON c.id = p.cooperative_id
  WHERE p.status = 'published' AND c.status = 'active')`;
let hidden = '';

const CASES: Record<'products' | 'cooperatives', CubeCase> = {
  products: {
    cube: PRODUCT_CUBE as CubeDefinition<unknown>,
    list: (db, filters, later) =>
      listProducts(db, filters as ProductFilters, { today: TODAY, facets: true, ...(later ? { later } : {}) }),
    answered: [
      {},
      { province: ['son-la'] },
      { province: ['son-la', 'lam-dong', 'ha-noi'] },
      { group: ['thuc_pham'] },
      { group: ['do_uong', 'duoc_lieu'] },
      { stars: 4 },
      { stars: 5 },
      { ocop: true },
      { ocop: true, stars: 4 },
      { certification: ['vietgap'] },
      { certification: ['organic'], group: ['thuc_pham'] },
      { exportReady: true },
      { cooperativeKind: 'hop_tac_xa' },
      { province: ['lam-dong', 'dak-lak'], group: ['thuc_pham', 'do_uong'], stars: 3 },
      { province: ['son-la'], certification: ['vietgap'], exportReady: true, sort: 'price_asc' },
      { page: 2, sort: 'stars' },
    ],
    exclusive: ['province', 'group'],
    scanned: [{ q: 'mat ong' }, { certification: ['vietgap', 'organic'] }, { maxPrice: 200_000 }],
    hide: async (db) => {
      hidden = String((await db.all<{ id: string }>(sql`SELECT ${FIRST_PRODUCT} AS id`))[0]?.id);
      await db.run(sql`UPDATE products SET status = 'unpublished' WHERE id = ${hidden}`);
    },
    show: async (db) => {
      await db.run(sql`UPDATE products SET status = 'published' WHERE id = ${hidden}`);
    },
  },
  cooperatives: {
    cube: COOPERATIVE_CUBE as CubeDefinition<unknown>,
    list: (db, filters, later) => listCooperatives(db, filters as DirectoryFilters, TODAY, later),
    answered: [
      {},
      { province: ['ha-noi'] },
      { province: ['ha-noi', 'lam-dong', 'ninh-binh'] },
      { kind: ['to_hop_tac'] },
      { sector: ['trong_trot', 'che_bien'] },
      { classification: ['tot'] },
      { certification: ['organic'] },
      { hasOcop: true },
      { hasOcop: false },
      { province: ['ha-noi', 'lam-dong'], sector: ['trong_trot'], classification: ['kha', 'tot'] },
      { certification: ['geographic_indication'], kind: ['hop_tac_xa'], sort: 'newest', page: 2 },
    ],
    exclusive: ['province', 'kind', 'sector'],
    scanned: [{ q: 'che' }, { certification: ['vietgap', 'organic'] }],
    hide: async (db) => {
      hidden = String(
        (await db.all<{ id: string }>(sql`SELECT min(id) AS id FROM cooperatives WHERE status = 'active'`))[0]?.id,
      );
      await db.run(sql`UPDATE cooperatives SET status = 'suspended' WHERE id = ${hidden}`);
    },
    show: async (db) => {
      await db.run(sql`UPDATE cooperatives SET status = 'active' WHERE id = ${hidden}`);
    },
  },
};

/** What counting decides on a list: its total and every facet (and its cards, which must not change). */
function counted(page: Answer) {
  return { total: page.total, totalIsCapped: page.totalIsCapped, facets: page.facets, items: page.items };
}

const sum = (counts: Record<string, number> = {}) => Object.values(counts).reduce((a, n) => a + n, 0);

describe.each(bothStores('facet-cubes'))('the facet cubes on $name', (store) => {
  let db: Database;
  let dispose: () => Promise<void>;
  const version = async () =>
    Number((await db.all<{ v: number }>(sql`SELECT version AS v FROM content_version`))[0]?.v);

  beforeAll(async () => {
    ({ db, dispose } = await store.open());
    await seedReferenceData(db);
    await seedDemoData(db, NOW);
  });
  afterAll(() => dispose());
  // One isolate, one database: the cells this process holds in memory may be the other store's.
  beforeEach(() => forgetCubes());

  it('are counted by the five-minute cron when the catalogue has moved, and left alone when current', async () => {
    await db.run(sql`UPDATE facet_cubes SET version = -1, claimed_at = NULL`);
    const noMail: Mailer = {
      send: () => Promise.reject(new Error('no mail expected')),
    };
    await runScheduledJobs(db, noMail, FREQUENT_CRON, NOW);
    const counted = await db.select().from(facetCubes).orderBy(facetCubes.cube);
    expect(counted.map((cube) => [cube.cube, cube.version, cube.day])).toEqual([
      ['cooperatives', await version(), TODAY],
      ['products', await version(), TODAY],
    ]);
    await runScheduledJobs(db, noMail, FREQUENT_CRON, new Date(NOW.getTime() + 10 * REFRESH_INTERVAL_MS));
    expect(await db.select().from(facetCubes).orderBy(facetCubes.cube)).toEqual(counted);
  });

  describe.each(Object.entries(CASES))('%s', (_, { cube, list, answered, exclusive, scanned, hide, show }) => {
    /** Recomputes the cube even if it is current (a test may have changed its cells by hand). */
    const recompute = async () => {
      await db.run(sql`UPDATE facet_cubes SET version = -1, claimed_at = NULL WHERE cube = ${cube.name}`);
      expect(await refreshCube(db, cube, TODAY, NOW.getTime())).toBe(true);
    };

    it('is not used before it is computed, then answers every filter-only list as the scan does', async () => {
      // As the migration leaves it (the cron's test may have counted it already).
      await db.run(sql`UPDATE facet_cubes SET version = -1, claimed_at = NULL WHERE cube = ${cube.name}`);
      expect(await freshCells(db, cube, TODAY)).toBeNull();
      const byScan = await Promise.all(answered.map((filters) => list(db, filters)));
      expect(await refreshCube(db, cube, TODAY, NOW.getTime())).toBe(true);
      expect((await freshCells(db, cube, TODAY))?.length).toBeGreaterThan(10);
      const fromCube = await Promise.all(answered.map((filters) => list(db, filters)));
      answered.forEach((filters, i) => {
        expect(counted(fromCube[i]!), JSON.stringify(filters)).toEqual(counted(byScan[i]!));
      });
      // Not vacuous: the demo's lists have results in several values of every facet.
      const all = fromCube[0]!;
      expect(all.total).toBeGreaterThan(50);
      for (const [facet, counts] of Object.entries(all.facets ?? {}))
        if (facet !== 'ocop') expect(Object.keys(counts.counts).length, facet).toBeGreaterThan(1);
    });

    it('adds up: a facet with one value per row sums to the total', async () => {
      await recompute();
      for (const filters of answered.filter((f) => !f.page)) {
        const page = await list(db, filters);
        for (const facet of exclusive.filter((name) => !(name in filters)))
          expect(sum(page.facets?.[facet]?.counts), `${facet} ${JSON.stringify(filters)}`).toBe(page.total);
      }
    });

    it('is what the list reads: a cell changed by hand shows, but not in searches and several kinds', async () => {
      await recompute();
      const before = await list(db, {});
      const byScan = await Promise.all(scanned.map((filters) => list(db, filters)));
      // Writing the cells moves no content version, so the cube stays current with the wrong number.
      await db.run(sql`UPDATE ${cube.table} SET ${sql.raw(cube.name)} = ${sql.raw(cube.name)} + 1000
        WHERE certification = '' AND province_code = (SELECT min(province_code) FROM ${cube.table})`);
      forgetCubes();
      const after = await list(db, {});
      expect(after.totalIsCapped || after.total > before.total).toBe(true);
      expect(after.facets?.province).not.toEqual(before.facets?.province);
      for (const [i, filters] of scanned.entries())
        expect(counted(await list(db, filters)), JSON.stringify(filters)).toEqual(counted(byScan[i]!));
      // A current cube is not recomputed, whoever asks.
      expect(await refreshCube(db, cube, TODAY, NOW.getTime() + 10 * REFRESH_INTERVAL_MS)).toBe(false);
      await recompute();
    });

    it('is never stale: once a row leaves the list or comes back, the next answer counts it, cube or not', async () => {
      await recompute();
      const before = await list(db, {});
      const versionBefore = await version();
      await hide(db);
      expect(await version()).toBeGreaterThan(versionBefore);
      // The version moved: the cells (still held in this isolate's memory) are not used.
      expect(await freshCells(db, cube, TODAY)).toBeNull();
      const hiddenList = await list(db, {});
      expect(hiddenList.total).toBe(before.total - 1);
      // A refresh claimed within the interval waits; one after it recomputes, and agrees with the scan.
      expect(await refreshCube(db, cube, TODAY, NOW.getTime() + 1000)).toBe(false);
      expect(await refreshCube(db, cube, TODAY, NOW.getTime() + REFRESH_INTERVAL_MS)).toBe(true);
      expect(await freshCells(db, cube, TODAY)).not.toBeNull();
      expect(counted(await list(db, {}))).toEqual(counted(hiddenList));

      await show(db);
      expect(await freshCells(db, cube, TODAY)).toBeNull();
      expect(counted(await list(db, {}))).toEqual(counted(before));
      expect(await refreshCube(db, cube, TODAY, NOW.getTime() + 2 * REFRESH_INTERVAL_MS)).toBe(true);
      expect(await freshCells(db, cube, TODAY)).not.toBeNull();
      expect(counted(await list(db, {}))).toEqual(counted(before));
    });

    it('is used only on the day it was computed for (certificates expire by the day)', async () => {
      await recompute();
      expect(await freshCells(db, cube, TODAY)).not.toBeNull();
      expect(await freshCells(db, cube, '2027-06-01')).toBeNull();
    });

    it('asks for a refresh after the response when it finds the cube stale, once per interval', async () => {
      await recompute();
      await hide(db);
      await show(db);
      const asked: string[] = [];
      const work: (() => Promise<unknown>)[] = [];
      const later: AfterResponse = (what, run) => {
        asked.push(what);
        work.push(run);
      };
      await list(db, {}, later);
      await list(db, {}, later);
      expect(asked).toEqual([`facet cube ${cube.name}`]);
      await db.run(sql`UPDATE facet_cubes SET claimed_at = NULL`);
      await work[0]!();
      expect(await freshCells(db, cube, TODAY)).not.toBeNull();
    });
  });
});
