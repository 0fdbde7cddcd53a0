/**
 * The local D1 database that `wrangler dev` serves, opened from Node through
 * wrangler's platform proxy: the same workerd D1 implementation the worker
 * uses, on the same files under the data folder.
 */
import { resolve } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { type Database, databaseFromD1 } from '../../src/server/db/client';
import { ROOT, wranglerStateDir } from './config';
import { runTool } from './run';

export interface LocalD1 {
  d1: D1Database;
  db: Database;
  dispose(): Promise<void>;
}

export async function openLocalD1(dataDir: string): Promise<LocalD1> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: resolve(ROOT, 'wrangler.toml'),
    persist: { path: resolve(wranglerStateDir(dataDir), 'v3') },
    remoteBindings: false,
  });
  return { d1: proxy.env.DB, db: databaseFromD1(proxy.env.DB), dispose: () => proxy.dispose() };
}

/** Applies migrations/*.sql with wrangler itself, exactly as for a remote D1 (without --local). */
export async function applyLocalD1Migrations(dataDir: string): Promise<string> {
  return runTool(
    'Applying migrations to the local D1 database',
    'wrangler',
    ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', wranglerStateDir(dataDir)],
    // CI=1 answers wrangler's "ok to proceed?" question, which would otherwise wait for a person.
    { env: { CI: '1' } },
  );
}
