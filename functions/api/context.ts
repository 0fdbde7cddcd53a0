import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../../src/server/db/client';
import type { Locale } from '../../src/i18n';
import { validationHook } from './errors';

export interface ApiDeps {
  /** How a request gets its database; tests pass a libSQL handle, the worker its env's store. */
  database: (env: Env) => Promise<Database>;
  /** Which store is behind `database`, reported by /health. */
  driver: (env: Env) => 'd1' | 'libsql';
}

export interface ApiEnv {
  Bindings: Env;
  Variables: { db: Database; locale: Locale; deps: ApiDeps };
}

/** Every router is made here so that invalid input is answered the same way everywhere. */
export function createRouter() {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
}
