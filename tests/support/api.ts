import { createApi } from '../../functions/api';
import type { Database } from '../../src/server/db/client';

/** The API app exactly as the worker mounts it, on a given database. */
export function apiOn(db: Database | (() => Promise<Database>)) {
  return createApi({
    database: typeof db === 'function' ? db : async () => db,
    driver: () => 'libsql',
  });
}

/** The worker's variables in API tests: mail links are built on PUBLIC_ORIGIN alone, so it is set. */
export const TEST_ENV = { PUBLIC_ORIGIN: 'http://localhost' } as Env;

/** Calls the app without a server, as Hono's own tests do. */
export async function call(api: ReturnType<typeof apiOn>, path: string, init?: RequestInit) {
  return api.request(`http://localhost${path}`, init, TEST_ENV);
}
