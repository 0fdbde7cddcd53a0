import { type LibsqlHandle, migrateLibsql, openLibsql } from '../../src/server/db/node';

/** A fresh in-memory SQLite with every migration applied, as the API tests' database. */
export async function migratedMemoryDatabase(): Promise<LibsqlHandle> {
  const handle = await openLibsql(':memory:');
  await migrateLibsql(handle.client);
  return handle;
}
