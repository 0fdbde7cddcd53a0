/**
 * Opens the database the local portal uses: libSQL/Turso when LIBSQL_URL is
 * set, the local D1 otherwise, migrated. Shared by `npm start` and `npm run seed`.
 */
import type { Database } from '../../src/server/db/client';
import type { MediaStore } from '../../src/server/media/uploads';
import { migrateLibsql, openLibsql } from '../../src/server/db/node';
import type { LocalConfig } from './config';
import { SetupError } from './fail';
import { applyLocalD1Migrations, openLocalD1 } from './local-d1';

export interface OpenDatabase {
  db: Database;
  /** The worker's local MEDIA bucket and IMAGES binding (local under LIBSQL_URL too), for the demo's pictures. */
  media: Omit<MediaStore, 'added'>;
  label: string;
  close(): Promise<void>;
}

export async function openMigratedDatabase(config: LocalConfig): Promise<OpenDatabase> {
  if (config.libsqlUrl) {
    const database = await openMigratedLibsql(config.libsqlUrl, config.libsqlAuthToken);
    const local = await openLocalD1(config.dataDir);
    return {
      ...database,
      media: { bucket: local.media, images: local.images },
      close: async () => {
        await database.close();
        await local.dispose();
      },
    };
  }
  await applyLocalD1Migrations(config.dataDir);
  const local = await openLocalD1(config.dataDir);
  return {
    db: local.db,
    media: { bucket: local.media, images: local.images },
    label: `local D1 in ${config.dataDir}`,
    close: local.dispose,
  };
}

async function openMigratedLibsql(url: string, authToken?: string): Promise<Omit<OpenDatabase, 'media'>> {
  if (!/^(https?|wss?|libsql):\/\//.test(url)) {
    // The worker runs in workerd, where @libsql/client speaks only HTTP and WebSockets.
    throw new SetupError(
      `LIBSQL_URL must be a libsql://, http(s):// or ws(s):// URL the worker can reach (got "${url}"); for a local file use the default D1 store instead.`,
    );
  }
  let handle: Awaited<ReturnType<typeof openLibsql>>;
  try {
    handle = await openLibsql(url, authToken);
    await Promise.race([
      handle.client.execute('SELECT 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 10 s')), 10_000)),
    ]);
  } catch (error) {
    throw new SetupError(
      `LIBSQL_URL is set (${url}) but the database cannot be reached: ${error instanceof Error ? error.message : error}`,
    );
  }
  await migrateLibsql(handle.client);
  const client = handle.client;
  return { db: handle.db, label: `libSQL at ${url}`, close: async () => client.close() };
}
