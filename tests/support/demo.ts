import type { Database } from '../../src/server/db/client';
import { seedDemoData, seedReferenceData } from '../../src/server/db/seeding';
import { migratedMemoryDatabase } from './libsql';

export const DEMO_NOW = new Date('2026-11-24T03:00:00Z');

/** A migrated in-memory database holding the provinces and the demo catalogue. */
export async function demoDatabase(): Promise<Database> {
  const { db } = await migratedMemoryDatabase();
  await seedReferenceData(db);
  await seedDemoData(db, DEMO_NOW);
  return db;
}
