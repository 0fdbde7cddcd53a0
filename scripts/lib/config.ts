/**
 * Settings of the local tools, from the environment (see README "Configuration").
 */
import { resolve } from 'node:path';
import { SetupError } from './fail';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface LocalConfig {
  host: string;
  port: number;
  /** Where the local D1 database (and other local bindings) live. */
  dataDir: string;
  libsqlUrl?: string;
  libsqlAuthToken?: string;
}

export function readLocalConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const port = env.PORT === undefined || env.PORT === '' ? 4321 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SetupError(`PORT must be a whole number from 1 to 65535, not "${env.PORT}".`);
  }
  return {
    host: env.HOST || '127.0.0.1',
    port,
    dataDir: resolve(ROOT, env.DATA_DIR || '.data'),
    libsqlUrl: env.LIBSQL_URL || undefined,
    libsqlAuthToken: env.LIBSQL_AUTH_TOKEN || undefined,
  };
}

/** wrangler's own local state folder inside the data folder (it adds v3/ below). */
export function wranglerStateDir(dataDir: string): string {
  return resolve(dataDir, 'wrangler');
}

/** Keeps wrangler quiet and offline: no metrics, no fetch of the Request.cf object. */
export const WRANGLER_ENV = {
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  ASTRO_TELEMETRY_DISABLED: '1',
  // Wrangler's local trace store records every request in a SQLite file that
  // only grows (180 MB after a day of benchmarks) and costs each request a
  // write; set X_LOCAL_OBSERVABILITY=true to have it for a debugging session.
  X_LOCAL_OBSERVABILITY: process.env.X_LOCAL_OBSERVABILITY ?? 'false',
};
