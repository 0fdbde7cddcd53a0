/**
 * The local D1 database that `wrangler dev` serves, opened from Node through
 * wrangler's platform proxy: the same workerd D1 implementation the worker
 * uses, on the same files under the data folder. The MEDIA bucket and the
 * IMAGES binding come with it, as local as the database.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
 * A data folder whose local D1 holds every migration, made once per version of
 * the migrations (and of wrangler, which writes the files) and kept in the
 * system's temporary folder. `wrangler d1 migrations apply` starts a workerd and
 * applies each migration in turn, 20–30 s; tests that each need an empty
 * migrated D1 copy this folder instead (`copyLocalD1`), in well under a second.
 * Two processes that miss it at once both build it; the first rename wins.
 */
export async function migratedLocalD1Template(): Promise<string> {
  const template = join(tmpdir(), `cho-htx-d1-template-${await migrationsFingerprint()}`);
  if (await hasLocalD1(template)) return template;
  const building = await mkdtemp(`${template}-building-`);
  try {
    await applyLocalD1Migrations(building);
    await rename(building, template).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return template;
}

/** Copies a data folder's local state (D1, bucket, images) into another, which must not be in use. */
export async function copyLocalD1(fromDataDir: string, toDataDir: string): Promise<void> {
  await cp(wranglerStateDir(fromDataDir), wranglerStateDir(toDataDir), { recursive: true });
}

async function hasLocalD1(dataDir: string): Promise<boolean> {
  const folder = join(wranglerStateDir(dataDir), 'v3/d1/miniflare-D1DatabaseObject');
  return (await readdir(folder).catch(() => [] as string[])).some((name) => name.endsWith('.sqlite'));
}

/** What the migrated files depend on: every migration, the bindings and wrangler's version. */
async function migrationsFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const folder = resolve(ROOT, 'migrations');
  for (const name of (await readdir(folder)).filter((file) => file.endsWith('.sql')).sort()) {
    hash.update(name).update(await readFile(join(folder, name)));
  }
  hash.update(await readFile(resolve(ROOT, 'wrangler.toml')));
  hash.update(await readFile(resolve(ROOT, 'node_modules/wrangler/package.json')));
  return hash.digest('hex').slice(0, 16);
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
