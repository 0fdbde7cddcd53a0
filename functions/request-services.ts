/**
 * One request context for pages and the API alike: the services a request
 * uses (its database, mailer, Turnstile check) made once per request from
 * the worker's environment, with the same factories on both paths. Tests
 * replace a factory (a libSQL database, a failing mailer) through `overrides`.
 *
 * The API keeps them on its Hono context (`c.var.services`); pages find them
 * on `Astro.locals.services`, set by src/worker.ts before Astro runs.
 */
import { type Database, databaseFromEnv } from '../src/server/db/client';
import { turnstileFor, type TurnstileVerifier } from '../src/server/inquiries/turnstile';
import { type Mailer, mailerFor } from '../src/server/mail/mailer';
import type { MediaStore } from '../src/server/media/uploads';

export interface ServiceFactories {
  /** How a request gets its database; tests pass a libSQL handle, the worker its env's store. */
  database: (env: Env) => Promise<Database>;
  /** Which store is behind `database`, reported by /health. */
  driver: (env: Env) => 'd1' | 'libsql';
  /** The mailer; by default the one the environment configures (tests inject failing ones). */
  mailer?: (env: Env, db: Database) => Mailer;
  /** The Turnstile check, when the deployment enables it (TURNSTILE_SECRET); tests stub it. */
  turnstile?: (env: Env) => TurnstileVerifier | null;
}

export const defaultFactories: ServiceFactories = {
  database: (env) => databaseFromEnv(env),
  driver: (env) => (env.LIBSQL_URL ? 'libsql' : 'd1'),
};

export interface RequestServices {
  /** The worker's bindings and variables. */
  env: Env;
  /** The request's database: opened on first use, then the same handle for everything the request does. */
  database(): Promise<Database>;
  driver: 'd1' | 'libsql';
  mailer(db: Database): Mailer;
  turnstile(): TurnstileVerifier | null;
  /** The bucket and image pipeline of uploads (wrangler.toml: MEDIA, IMAGES). */
  media: Omit<MediaStore, 'added'>;
}

export function servicesFor(env: Env, overrides: Partial<ServiceFactories> = {}): RequestServices {
  const factories = { ...defaultFactories, ...overrides };
  let database: Promise<Database> | null = null;
  return {
    env,
    database: () => {
      // A failed open is not kept: the next use tries again (the database may be back).
      database ??= factories.database(env).catch((error: unknown) => {
        database = null;
        throw error;
      });
      return database;
    },
    driver: factories.driver(env),
    mailer: (db) => (factories.mailer ? factories.mailer(env, db) : mailerFor(env ?? {}, db)),
    turnstile: () => (factories.turnstile ? factories.turnstile(env) : turnstileFor(env ?? {})),
    media: { bucket: env?.MEDIA, images: env?.IMAGES },
  };
}
