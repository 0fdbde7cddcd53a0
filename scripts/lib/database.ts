/**
 * Opens the database the local portal uses: libSQL/Turso when LIBSQL_URL is
 * set, the local D1 otherwise, migrated. Shared by `npm start` and `npm run seed`.
 */
import type { Database } from '../../src/server/db/client';
import { migrateLibsql, openLibsql } from '../../src/server/db/node';
import type { LocalConfig } from './config';
import { SetupError } from './fail';
import { applyLocalD1Migrations, openLocalD1 } from './local-d1';

export interface OpenDatabase {
  db: Database;
  label: string;
  close(): Promise<void>;
}

export async function openMigratedDatabase(config: LocalConfig): Promise<OpenDatabase> {
  if (config.libsqlUrl) return openMigratedLibsql(config.libsqlUrl, config.libsqlAuthToken);
  await applyLocalD1Migrations(config.dataDir);
  const local = await openLocalD1(config.dataDir);
  return { db: local.db, label: `local D1 in ${config.dataDir}`, close: local.dispose };
}

async function openMigratedLibsql(url: string, authToken?: string): Promise<OpenDatabase> {
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
