/**
 * Starts the built worker in workerd on a free port with a fresh, migrated (a
 * copy of the migrated template) and seeded local D1 in a temporary folder; stops it and removes the folder after.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { listFeaturedProducts } from '../../src/server/products/featured';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { countPortalSummary, type PortalSummary } from '../../src/server/stats/summary';
import { copyLocalD1, migratedLocalD1Template, openLocalD1 } from '../../scripts/lib/local-d1';
import { freePort, startWorker } from '../../scripts/lib/worker-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The worker's local state (D1, the MEDIA bucket), for tests that check what was or was not written. */
    dataDir: string;
    seeded: { summary: PortalSummary; featuredVi: string[]; featuredEn: string[] };
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'cho-htx-e2e-'));
  await copyLocalD1(await migratedLocalD1Template(), dataDir);
  const local = await openLocalD1(dataDir);
  try {
    await seedReferenceData(local.db);
    await seedDemoData(local.db, new Date());
    const featured = await listFeaturedProducts(local.db, 8);
    project.provide('seeded', {
      summary: await countPortalSummary(local.db),
      featuredVi: featured.map((p) => p.nameVi),
      featuredEn: featured.map((p) => p.nameEn || p.nameVi),
    });
  } finally {
    await local.dispose();
  }
  // The development outbox: tests read the mail the worker sends at /dev/outbox.
  const server = await startWorker({ host: '127.0.0.1', port: await freePort(), dataDir, vars: { DEV_OUTBOX: '1' } });
  project.provide('baseUrl', server.url);
  project.provide('dataDir', dataDir);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
