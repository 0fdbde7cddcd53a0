/**
 * The API's side of sessions and CSRF: every request is checked for its
 * origin when it changes something, and the session cookie, if any, is
 * validated once and its user set on the context for the routes' guards.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { sessionExpiresAt, validateSessionToken } from '../../src/server/accounts/sessions';
import { isCrossOriginWrite } from '../../src/server/security/origin-check';
import { clearedSessionCookie, readSessionToken, sessionCookie } from '../../src/server/security/session-cookie';
import type { ApiEnv } from './context';
import { errorResponse } from './errors';

/** `allowed` names cross-origin writes that are meant to work (the public inquiry POST from configured origins). */
export function refuseCrossOriginWrites(allowed?: (request: Request, env: Env | undefined) => boolean): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (isCrossOriginWrite(c.req.raw, c.env?.PUBLIC_ORIGIN) && !allowed?.(c.req.raw, c.env)) {
      return errorResponse(c, 403, 'forbidden_origin');
    }
    return next();
  };
}

/** Validates the session cookie (needs c.var.db); sets user and session, and the cookie again when refreshed. */
export async function resolveSession(c: Context<ApiEnv>, now: Date): Promise<void> {
  c.set('user', null);
  c.set('session', null);
  const url = new URL(c.req.url);
  const token = readSessionToken(url, c.req.header('cookie'));
  if (!token) return;
  const validated = await validateSessionToken(c.get('db'), token, now);
  if (!validated) {
    c.header('Set-Cookie', clearedSessionCookie(url), { append: true });
    return;
  }
  c.set('user', validated.user);
  c.set('session', validated.session);
  if (validated.refreshed) {
    c.header('Set-Cookie', sessionCookie(url, token, sessionExpiresAt(validated.session)), { append: true });
  }
}
