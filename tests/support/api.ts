import { createApi } from '../../functions/api';
import type { Database } from '../../src/server/db/client';

/** The API app exactly as the worker mounts it, on a given database. */
export function apiOn(db: Database | (() => Promise<Database>)) {
  return createApi({
    database: typeof db === 'function' ? db : async () => db,
    driver: () => 'libsql',
  });
}

/** Calls the app without a server, as Hono's own tests do. */
export async function call(api: ReturnType<typeof apiOn>, path: string, init?: RequestInit) {
  return api.request(`http://localhost${path}`, init, {} as Env);
}
