/**
 * The two benchmark datasets: the demo catalogue and a national-scale one
 * (50,000 cooperatives, 200,000 products, 5,000 events), each in its own
 * local D1 under .data/, created on first use.
 */
import { resolve } from 'node:path';
import { ROOT } from '../../scripts/lib/config';
import { applyLocalD1Migrations, openLocalD1, openLocalD1File } from '../../scripts/lib/local-d1';
import { SQLITE_MAX_BOUND_PARAMETERS } from '../../src/server/db/insert';
import { countCatalogue, seedDemoData, seedReferenceData, seedScaleData } from '../../src/server/db/seeding';

const SCALE = { cooperatives: 50_000, products: 200_000, events: 5_000 };

export async function prepareDemo(dataDir: string) {
  await applyLocalD1Migrations(dataDir);
  const local = await openLocalD1(dataDir);
  try {
    await seedReferenceData(local.db);
    if ((await countCatalogue(local.db)).products === 0) await seedDemoData(local.db, new Date());
  } finally {
    await local.dispose();
  }
}

export async function prepareScale(dataDir: string) {
  await applyLocalD1Migrations(dataDir);
  const local = await openLocalD1(dataDir);
  try {
    await seedReferenceData(local.db);
  } finally {
    await local.dispose();
  }
  const file = await openLocalD1File(dataDir);
  try {
    if ((await countCatalogue(file.db)).products < SCALE.products) {
      console.log('  loading the scale dataset (once; about two minutes)…');
      await seedScaleData(file.db, { ...SCALE, now: new Date(), maxParameters: SQLITE_MAX_BOUND_PARAMETERS });
    }
  } finally {
    file.client.close();
  }
}

export const DATASETS = [
  { name: 'demo', dir: resolve(ROOT, '.data/bench-demo'), prepare: prepareDemo },
  { name: 'scale', dir: resolve(ROOT, '.data/bench-scale'), prepare: prepareScale },
] as const;
