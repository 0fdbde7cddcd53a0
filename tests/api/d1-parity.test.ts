/**
 * The same query code on both stores: D1 as workerd runs it (through
 * wrangler's platform proxy, migrated by `wrangler d1 migrations apply`) and
 * libSQL in Node (migrated by our migrator). Seeded alike, they must answer alike.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLocalD1Migrations, type LocalD1, openLocalD1 } from '../../scripts/lib/local-d1';
import { listFeaturedProducts } from '../../src/server/catalogue/featured';
import { listProducts } from '../../src/server/catalogue/product-list';
import { listCooperatives } from '../../src/server/cooperatives/directory';
import type { Database } from '../../src/server/db/client';
import { checkDatabase } from '../../src/server/db/health';
import { countCatalogue, seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { listUpcomingEvents } from '../../src/server/events/upcoming';
import { loadHomePage } from '../../src/server/home/home-page';
import { migratedMemoryDatabase } from '../support/libsql';

const NOW = new Date('2026-11-24T03:00:00Z');

describe('D1 (workerd) and libSQL run the same queries alike', () => {
  let dataDir: string;
  let d1: LocalD1;
  let libsql: Database;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cho-htx-parity-'));
    await applyLocalD1Migrations(dataDir);
    d1 = await openLocalD1(dataDir);
    libsql = (await migratedMemoryDatabase()).db;
    for (const db of [d1.db, libsql]) {
      await seedReferenceData(db);
      await seedDemoData(db, NOW);
    }
  });

  afterAll(async () => {
    await d1?.dispose();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('both are migrated to the same migration, recorded in the same ledger', async () => {
    const [onD1, onLibsql] = await Promise.all([checkDatabase(d1.db), checkDatabase(libsql)]);
    expect(onD1.reachable && onLibsql.reachable).toBe(true);
    expect(onD1.migrations?.upToDate).toBe(true);
    expect(onD1.migrations?.applied).toEqual(onLibsql.migrations?.applied);
  });

  it('hold the same seeded catalogue', async () => {
    const counts = await countCatalogue(d1.db);
    expect(counts.provinces).toBe(34);
    expect(counts.products).toBeGreaterThanOrEqual(300);
    expect(await countCatalogue(libsql)).toEqual(counts);
  });

  it('answer the home page queries identically (types included: dates, booleans, JSON)', async () => {
    const [onD1, onLibsql] = await Promise.all([loadHomePage(d1.db, NOW), loadHomePage(libsql, NOW)]);
    expect(onD1.featured.length).toBe(8);
    expect(onD1.upcoming.length).toBeGreaterThan(0);
    expect(onD1.upcoming[0]?.startsAt).toBeInstanceOf(Date);
    expect(onD1).toEqual(onLibsql);
  });

  it('seeding again adds nothing and loses nothing, on either store', async () => {
    for (const db of [d1.db, libsql]) {
      const before = await countCatalogue(db);
      const featuredBefore = await listFeaturedProducts(db, 20);
      await seedReferenceData(db);
      await seedDemoData(db, NOW);
      expect(await countCatalogue(db)).toEqual(before);
      expect(await listFeaturedProducts(db, 20)).toEqual(featuredBefore);
    }
  });

  it('search the full-text index (FTS5) and filter alike', async () => {
    const today = '2026-11-24';
    for (const filters of [
      { q: 'mat ong' },
      { q: 'che', sort: 'price_asc' as const },
      { certification: 'vietgap' as const, stars: 4 },
      { province: 'bac-ninh', sort: 'stars' as const },
    ]) {
      const onD1 = await listProducts(d1.db, filters, { today });
      expect(onD1.total, JSON.stringify(filters)).toBeGreaterThan(0);
      expect(await listProducts(libsql, filters, { today }), JSON.stringify(filters)).toEqual(onD1);
    }
    const cooperativesOnD1 = await listCooperatives(d1.db, { q: 'dak lak', hasOcop: true });
    expect(cooperativesOnD1.total).toBeGreaterThan(0);
    expect(await listCooperatives(libsql, { q: 'dak lak', hasOcop: true })).toEqual(cooperativesOnD1);
  });

  it('order events the same way across the date line between UTC and Viet Nam', async () => {
    const later = new Date(NOW.getTime() + 90 * 24 * 3600 * 1000);
    expect(await listUpcomingEvents(d1.db, later, 50)).toEqual(await listUpcomingEvents(libsql, later, 50));
  });
});
