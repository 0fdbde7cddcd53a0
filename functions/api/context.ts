import { OpenAPIHono } from '@hono/zod-openapi';
import type { Database } from '../../src/server/db/client';
import type { Locale } from '../../src/i18n';
import type { Session } from '../../src/server/accounts/sessions';
import type { SessionUser } from '../../src/server/accounts/users';
import type { RequestServices, ServiceFactories } from '../request-services';
import { validationHook } from './errors';

/** What tests replace of the request's services (a libSQL database, a failing mailer); the worker passes none. */
export type ApiDeps = Partial<ServiceFactories>;

export interface ApiEnv {
  Bindings: Env;
  Variables: {
    db: Database;
    locale: Locale;
    /** The request's services, made as pages make theirs (../request-services.ts). */
    services: RequestServices;
    /** Who the session cookie signs in, or null (set for every request by ./session.ts). */
    user: SessionUser | null;
    session: Session | null;
  };
}

/** Every router is made here so that invalid input is answered the same way everywhere. */
export function createRouter() {
  return new OpenAPIHono<ApiEnv>({ defaultHook: validationHook });
}
