/** The two databases the portal runs on, for tests that must hold on both: in-memory libSQL and D1 as workerd runs it. */
import type { Database } from '../../src/server/db/client';
import { migratedMemoryDatabase } from './libsql';
import { freshLocalD1 } from './local-d1';

export interface TestStore {
  name: 'libSQL' | 'D1';
  /** A freshly migrated, empty database and how to dispose of it. */
  open(): Promise<{ db: Database; dispose: () => Promise<void> }>;
}

/** For describe.each(bothStores('label')); `label` names the local D1's temporary folder. */
export function bothStores(label: string): TestStore[] {
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
