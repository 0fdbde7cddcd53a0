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

/**
 * Calls the app without a server, as Hono's own tests do, and waits for the
 * work it left to run after the response (mail delivery), as the runtime
 * would keep it alive: a test's next request never races the last one's mail.
 */
export async function call(api: ReturnType<typeof apiOn>, path: string, init?: RequestInit, env: Env = TEST_ENV) {
  const after: Promise<unknown>[] = [];
  const lifetime = { waitUntil: (work: Promise<unknown>) => void after.push(work), passThroughOnException() {} };
  const response = await api.request(`http://localhost${path}`, init, env, lifetime as unknown as ExecutionContext);
  await Promise.all(after);
  return response;
}
