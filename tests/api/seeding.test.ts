import type { Client } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { withSecondaryIndexesDeferred } from '../../scripts/lib/bulk-load';
import { SQLITE_MAX_BOUND_PARAMETERS } from '../../src/server/db/insert';
import { countCatalogue, SCALE_DEFERRED_TRIGGERS, seedReferenceData, seedScaleData } from '../../src/server/db/seeding';
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
    const triggers = async () =>
      (await client.execute(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`)).rows.map((row) =>
        String(row.name),
      );
    const triggersBefore = await triggers();
    expect(triggersBefore).toEqual(expect.arrayContaining([...SCALE_DEFERRED_TRIGGERS]));
    const [during, triggersDuring] = await withSecondaryIndexesDeferred(
      client,
      ['products', 'cooperatives'],
      async () => {
        await seedScaleData(db, { ...options, maxParameters: SQLITE_MAX_BOUND_PARAMETERS });
        return [await indexes(client), await triggers()] as const;
      },
      SCALE_DEFERRED_TRIGGERS,
    );
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((index) => index.includes('CREATE UNIQUE INDEX'))).toBe(true);
    expect(triggersDuring.some((name) => (SCALE_DEFERRED_TRIGGERS as readonly string[]).includes(name))).toBe(false);
    expect(await indexes(client)).toEqual(before);
    expect(await triggers()).toEqual(triggersBefore);
    // Built once after the load: every product's standing certificates, as the triggers would have kept them.
    const held = await client.execute(`SELECT certification_id, search_key, kind, valid_from, valid_until
      FROM product_certificates ORDER BY 1, 2`);
    const expected = await client.execute(`SELECT cert.id, p.search_key, json_extract(cert.last_verified, '$.kind'),
        json_extract(cert.last_verified, '$.validFrom'), json_extract(cert.last_verified, '$.validUntil')
      FROM certifications cert
        JOIN products p ON p.id = cert.product_id OR (cert.product_id IS NULL AND p.cooperative_id = cert.cooperative_id)
      WHERE cert.last_verified IS NOT NULL AND cert.revoked_at IS NULL AND cert.verification <> 'revoked' ORDER BY 1, 2`);
    expect(held.rows.length).toBeGreaterThan(0);
    expect(held.rows.map((row) => Object.values(row))).toEqual(expected.rows.map((row) => Object.values(row)));
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
