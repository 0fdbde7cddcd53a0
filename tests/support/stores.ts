/** Both stores a test runs on, freshly migrated: libSQL in memory and a local D1 (workerd) in a folder of its own. */
import type { Database } from '../../src/server/db/client';
import { migratedMemoryDatabase } from './libsql';
import { freshLocalD1 } from './local-d1';

export interface StoreUnderTest {
  name: 'libSQL' | 'D1';
  open: () => Promise<{ db: Database; dispose: () => Promise<void> }>;
}

export function storesUnderTest(label: string): StoreUnderTest[] {
  return [
    {
      name: 'libSQL',
      open: async () => {
        const { db, client } = await migratedMemoryDatabase();
        return { db, dispose: async () => client.close() };
      },
    },
    {
      name: 'D1',
      open: async () => {
        const local = await freshLocalD1(label);
        return { db: local.db, dispose: () => local.remove() };
      },
    },
  ];
}
