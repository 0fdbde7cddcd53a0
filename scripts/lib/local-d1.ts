/**
 * The local D1 database that `wrangler dev` serves, opened from Node through
 * wrangler's platform proxy: the same workerd D1 implementation the worker
 * uses, on the same files under the data folder. The MEDIA bucket and the
 * IMAGES binding come with it, as local as the database.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { type Database, databaseFromD1 } from '../../src/server/db/client';
import { type LibsqlHandle, openLibsql } from '../../src/server/db/node';
import { ROOT, wranglerStateDir } from './config';
import { SetupError } from './fail';
import { runTool } from './run';

export interface LocalD1 {
  d1: D1Database;
  db: Database;
  media: R2Bucket;
  images: ImagesBinding;
  dispose(): Promise<void>;
}

export async function openLocalD1(dataDir: string): Promise<LocalD1> {
  const proxy = await getPlatformProxy<{ DB: D1Database; MEDIA: R2Bucket; IMAGES: ImagesBinding }>({
    configPath: resolve(ROOT, 'wrangler.toml'),
    persist: { path: resolve(wranglerStateDir(dataDir), 'v3') },
    remoteBindings: false,
  });
  const { DB, MEDIA, IMAGES } = proxy.env;
  return { d1: DB, db: databaseFromD1(DB), media: MEDIA, images: IMAGES, dispose: () => proxy.dispose() };
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

/**
 * The local D1's SQLite file opened directly with the native libSQL client:
 * for bulk loads (the scale dataset) that would take many minutes through the
 * proxy. Miniflare keeps one file per database in this folder; a migrated
 * database must exist, and no `wrangler dev` should be writing to it meanwhile.
 */
export async function openLocalD1File(dataDir: string): Promise<LibsqlHandle> {
  const folder = join(wranglerStateDir(dataDir), 'v3/d1/miniflare-D1DatabaseObject');
  const files = (await readdir(folder).catch(() => [])).filter(
    (name) => name.endsWith('.sqlite') && name !== 'metadata.sqlite',
  );
  if (files.length !== 1) {
    throw new SetupError(`Expected one local D1 database file in ${folder}, found ${files.length}.`);
  }
  return openLibsql(`file:${join(folder, files[0] as string)}`);
}
