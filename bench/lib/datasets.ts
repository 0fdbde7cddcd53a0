/**
 * The two benchmark datasets: the demo catalogue and a national-scale one
 * (50,000 cooperatives, 200,000 products, 5,000 events), each in its own
 * local D1 under .data/, created on first use.
 */
import { resolve } from 'node:path';
import { ROOT } from '../../scripts/lib/config';
import { applyLocalD1Migrations, openLocalD1, openLocalD1File } from '../../scripts/lib/local-d1';
import { SQLITE_MAX_BOUND_PARAMETERS } from '../../src/server/db/insert';
import {
  countCatalogue,
  SCALE_DEFERRED_TRIGGERS,
  SCALE_TABLES,
  seedDemoData,
  seedReferenceData,
  seedScaleData,
} from '../../src/server/db/seeding';
import { withSecondaryIndexesDeferred } from '../../scripts/lib/bulk-load';
import { demoPictureFiles } from '../../scripts/lib/demo-picture-files';
import { seedDemoEvidence } from '../../src/server/db/seed/evidence';
import { seedDemoPictures } from '../../src/server/db/seed/pictures';
import type { Database } from '../../src/server/db/client';
import { refreshFacetCubes } from '../../src/server/scheduled';

/**
 * The facet cubes, counted as the five-minute cron would have by the time anyone
 * browses (src/server/search/facet-cube.ts): a run measures the lists as served
 * in steady state, not the first requests after a deployment, which scan and
 * ask for the cube to be counted.
 */
async function countFacetCubes(db: Database) {
  const started = performance.now();
  await refreshFacetCubes(db, new Date());
  console.log(`  facet cubes counted (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

const FULL_SCALE = { cooperatives: 50_000, products: 200_000, events: 5_000 };

/**
 * BENCH_SCALE=4 builds a quarter of the national scale (12,500 cooperatives,
 * 50,000 products) in its own folder, for machines where the full one takes
 * too long; the tables say which was used.
 */
export const SCALE_DIVISOR = Number(process.env.BENCH_SCALE ?? 1);
const SCALE = {
  cooperatives: Math.round(FULL_SCALE.cooperatives / SCALE_DIVISOR),
  products: Math.round(FULL_SCALE.products / SCALE_DIVISOR),
  events: Math.round(FULL_SCALE.events / SCALE_DIVISOR),
};

/**
 * The demo catalogue as `npm start` serves it, pictures and evidence files included (stored
 * through the upload path once, a few minutes): the audits measure the pages people see,
 * whose product photos are what paints last on a product page.
 */
export async function prepareDemo(dataDir: string) {
  await applyLocalD1Migrations(dataDir);
  const local = await openLocalD1(dataDir);
  try {
    await seedReferenceData(local.db);
    if ((await countCatalogue(local.db)).products === 0) await seedDemoData(local.db, new Date());
    const now = new Date();
    const pictures = await seedDemoPictures(
      local.db,
      { bucket: local.media, images: local.images },
      demoPictureFiles,
      now,
    );
    if (pictures.products + pictures.logos + pictures.covers > 0)
      console.log(
        `  demo pictures stored: ${pictures.products} products, ${pictures.logos} logos, ${pictures.covers} covers`,
      );
    await seedDemoEvidence(local.db, local.media, now);
    await countFacetCubes(local.db);
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
      console.log(
        `  loading the scale dataset (once): ${SCALE.cooperatives} cooperatives, ${SCALE.products} products…`,
      );
      await seedScaleData(file.db, {
        ...SCALE,
        now: new Date(),
        maxParameters: SQLITE_MAX_BOUND_PARAMETERS,
        bulk: (load) => withSecondaryIndexesDeferred(file.client, SCALE_TABLES, load, SCALE_DEFERRED_TRIGGERS),
      });
    }
    await countFacetCubes(file.db);
  } finally {
    file.client.close();
  }
}

export const DATASETS = [
  { name: 'demo', dir: resolve(ROOT, '.data/bench-demo'), prepare: prepareDemo },
  {
    name: SCALE_DIVISOR === 1 ? 'scale' : `scale (1/${SCALE_DIVISOR})`,
    dir: resolve(ROOT, SCALE_DIVISOR === 1 ? '.data/bench-scale' : `.data/bench-scale-${SCALE_DIVISOR}`),
    prepare: prepareScale,
  },
] as const;
