import { describe, expect, it } from 'vitest';
import { SQLITE_MAX_BOUND_PARAMETERS } from '../../src/server/db/insert';
import { countCatalogue, seedReferenceData, seedScaleData } from '../../src/server/db/seeding';
import { generateScaleDataset } from '../../src/server/db/seed/scale';
import { migratedMemoryDatabase } from '../support/libsql';

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
