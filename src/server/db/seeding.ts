/**
 * Loads reference data (the 34 provinces) and the demo catalogue. Every row
 * has a fixed id or unique key and is inserted only when missing, so seeding
 * twice neither duplicates nor overwrites anything, and a seed cut short is
 * completed by the next run.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './client';
import { insertMissing } from './insert';
import {
  batches,
  certifications,
  cooperatives,
  events,
  ocopRatings,
  products,
  provenanceSteps,
  provinces,
  valueChainLinks,
} from './schema';
import { buildDemoDataset } from './seed/demo';
import { PROVINCES } from './seed/provinces';

export interface CatalogueCounts {
  provinces: number;
  cooperatives: number;
  products: number;
  batches: number;
  provenanceSteps: number;
  events: number;
}

export async function countCatalogue(db: Database): Promise<CatalogueCounts> {
  const [row] = await db.all<Record<keyof CatalogueCounts, number>>(sql`
    SELECT
      (SELECT count(*) FROM provinces) AS provinces,
      (SELECT count(*) FROM cooperatives) AS cooperatives,
      (SELECT count(*) FROM products) AS products,
      (SELECT count(*) FROM batches) AS batches,
      (SELECT count(*) FROM provenance_steps) AS provenanceSteps,
      (SELECT count(*) FROM events) AS events
  `);
  if (!row) throw new Error('count query returned no row');
  return {
    provinces: Number(row.provinces),
    cooperatives: Number(row.cooperatives),
    products: Number(row.products),
    batches: Number(row.batches),
    provenanceSteps: Number(row.provenanceSteps),
    events: Number(row.events),
  };
}

/** The provinces every installation needs, demo or not. */
export async function seedReferenceData(db: Database): Promise<void> {
  await insertMissing(db, provinces, PROVINCES);
}

/** The fictional demo catalogue, dated relative to `now` so events stay upcoming. */
export async function seedDemoData(db: Database, now: Date): Promise<void> {
  const data = buildDemoDataset(now);
  await insertMissing(db, provinces, data.provinces);
  // Parents before children: D1 enforces foreign keys on every statement.
  await insertMissing(db, cooperatives, data.cooperatives);
  await insertMissing(db, valueChainLinks, data.valueChainLinks);
  await insertMissing(db, products, data.products);
  await insertMissing(db, ocopRatings, data.ocopRatings);
  await insertMissing(db, certifications, data.certifications);
  await insertMissing(db, batches, data.batches);
  await insertMissing(db, provenanceSteps, data.provenanceSteps);
  await insertMissing(db, events, data.events);
}
