import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../../src/server/db/client';
import type { Locale } from '../../src/i18n';
import type { Session } from '../../src/server/accounts/sessions';
import type { SessionUser } from '../../src/server/accounts/users';
import type { TurnstileVerifier } from '../../src/server/inquiries/turnstile';
import type { Mailer } from '../../src/server/mail/mailer';
import { validationHook } from './errors';

export interface ApiDeps {
  /** How a request gets its database; tests pass a libSQL handle, the worker its env's store. */
  database: (env: Env) => Promise<Database>;
  /** Which store is behind `database`, reported by /health. */
  driver: (env: Env) => 'd1' | 'libsql';
  /** The mailer for inquiry notifications; by default the one the environment configures (tests inject failing ones). */
  mailer?: (env: Env, db: Database) => Mailer;
  /** The Turnstile check, when the deployment enables it (TURNSTILE_SECRET); tests stub it. */
  turnstile?: (env: Env) => TurnstileVerifier | null;
}

export interface ApiEnv {
  Bindings: Env;
  Variables: {
    db: Database;
    locale: Locale;
    deps: ApiDeps;
    /** Who the session cookie signs in, or null (set for every request by ./session.ts). */
    user: SessionUser | null;
    session: Session | null;
  };
}

/** Every router is made here so that invalid input is answered the same way everywhere. */
export function createRouter() {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
}
