/** The local D1 (with the MEDIA bucket and IMAGES binding) of a test file, in a folder of its own. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyLocalD1, type LocalD1, migratedLocalD1Template, openLocalD1 } from '../../scripts/lib/local-d1';

export interface TestLocalD1 extends LocalD1 {
  /** Stops the platform proxy and deletes the folder. */
  remove(): Promise<void>;
}

/** A freshly migrated local D1 (a copy of the migrated template) in a new temporary folder named after `label`. */
export async function freshLocalD1(label: string): Promise<TestLocalD1> {
  const dataDir = await mkdtemp(join(tmpdir(), `cho-htx-${label}-`));
  await copyLocalD1(await migratedLocalD1Template(), dataDir);
  const local = await openLocalD1(dataDir);
  return {
    ...local,
    async remove() {
      await local.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
