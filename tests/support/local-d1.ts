/** The local D1 (with the MEDIA bucket and IMAGES binding) of a test file, in a folder of its own. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyLocalD1Migrations, type LocalD1, openLocalD1 } from '../../scripts/lib/local-d1';

export interface TestLocalD1 extends LocalD1 {
  /** Stops the platform proxy and deletes the folder. */
  remove(): Promise<void>;
}

/** A freshly migrated local D1 in a new temporary folder named after `label`. */
export async function freshLocalD1(label: string): Promise<TestLocalD1> {
  const dataDir = await mkdtemp(join(tmpdir(), `cho-htx-${label}-`));
  await applyLocalD1Migrations(dataDir);
  const local = await openLocalD1(dataDir);
  return {
    ...local,
    async remove() {
      await local.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
