/**
 * The database of the current request, for Astro pages. Bindings come from
 * `cloudflare:workers` (Astro.locals.runtime is gone in Astro 7).
 */
import { env } from 'cloudflare:workers';
import { type Database, databaseFromEnv } from './client';

export function requestDatabase(): Promise<Database> {
  return databaseFromEnv(env);
}
