import type { Client } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { withSecondaryIndexesDeferred } from '../../scripts/lib/bulk-load';
import { SQLITE_MAX_BOUND_PARAMETERS } from '../../src/server/db/insert';
import { countCatalogue, seedReferenceData, seedScaleData } from '../../src/server/db/seeding';
import { generateScaleDataset } from '../../src/server/db/seed/scale';
import { migratedMemoryDatabase } from '../support/libsql';
import { provinceOptions, type ProvinceOption } from '../../src/server/products/filter-options';
import { PROVINCES } from '../../src/server/provinces/reference';

const options = { cooperatives: 60, products: 240, events: 12, now: new Date('2026-11-24T03:00:00Z') };

function expectedRows() {
  const rows = new Map<string, number>();
  for (const chunk of generateScaleDataset(options))
    rows.set(chunk.table, (rows.get(chunk.table) ?? 0) + chunk.rows.length);
  return rows;
}

describe('seedScaleData', () => {
  it.each([
    ['D1-sized statements', undefined],
    ['large local statements', SQLITE_MAX_BOUND_PARAMETERS],
  ])('loads every generated row with %s, and a second run adds nothing', async (_label, maxParameters) => {
    const { db } = await migratedMemoryDatabase();
    await seedReferenceData(db);
    await seedScaleData(db, { ...options, maxParameters });
    const expected = expectedRows();
    const counts = await countCatalogue(db);
    expect(counts).toMatchObject({
      provinces: 34,
      cooperatives: expected.get('cooperatives'),
      products: expected.get('products'),
      batches: expected.get('batches'),
      provenanceSteps: expected.get('provenanceSteps'),
      events: expected.get('events'),
    });
    await seedScaleData(db, { ...options, maxParameters });
    expect(await countCatalogue(db)).toEqual(counts);
  });
});

describe('withSecondaryIndexesDeferred (bulk loads of the scale dataset)', () => {
  const indexes = async (client: Client) =>
    (
      await client.execute(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
          AND tbl_name IN ('products', 'cooperatives') ORDER BY name`,
      )
    ).rows.map((row) => `${String(row.name)}: ${String(row.sql)}`);

  it('loads without the secondary indexes, keeps the unique ones, and builds the same indexes again', async () => {
    const { client, db } = await migratedMemoryDatabase();
    await seedReferenceData(db);
    const before = await indexes(client);
    expect(before.some((index) => index.startsWith('products_cooperative_idx'))).toBe(true);
    const during = await withSecondaryIndexesDeferred(client, ['products', 'cooperatives'], async () => {
      await seedScaleData(db, { ...options, maxParameters: SQLITE_MAX_BOUND_PARAMETERS });
      return indexes(client);
    });
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((index) => index.includes('CREATE UNIQUE INDEX'))).toBe(true);
    expect(await indexes(client)).toEqual(before);
    expect((await countCatalogue(db)).products).toBe(expectedRows().get('products'));
  });

  it('builds them again when the load fails, and the failure still reaches the caller', async () => {
    const { client } = await migratedMemoryDatabase();
    const before = await indexes(client);
    await expect(
      withSecondaryIndexesDeferred(client, ['products'], async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await indexes(client)).toEqual(before);
  });
});

describe('the province options lists read without the database', () => {
  it('are the provinces the reference data seeds, by slug', async () => {
    const { db } = await migratedMemoryDatabase();
    await seedReferenceData(db);
    const stored = await db.all<ProvinceOption>(
      sql`SELECT code, slug, name_vi AS nameVi, name_en AS nameEn FROM provinces ORDER BY slug`,
    );
    expect(stored).toHaveLength(34);
    expect(provinceOptions()).toEqual(stored);
  });

  it('and every field a province page takes from the reference list is the stored one', async () => {
    const { db } = await migratedMemoryDatabase();
    await seedReferenceData(db);
    const stored = await db.all<{ code: string; kind: string; seat: string; formed_from: string }>(
      sql`SELECT code, kind, seat, formed_from FROM provinces ORDER BY code`,
    );
    const reference = [...PROVINCES].sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(stored.map((row) => ({ ...row, formed_from: JSON.parse(row.formed_from) as string[] }))).toEqual(
      reference.map(({ code, kind, seat, formedFrom }) => ({ code, kind, seat, formed_from: formedFrom ?? [] })),
    );
  });
});
