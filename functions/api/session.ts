/**
 * The API's side of sessions and CSRF: every request is checked for its
 * origin when it changes something, and the session cookie, if any, is
 * validated once and its user set on the context for the routes' guards.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { requireOfficer, requireRole, requireUser } from '../../src/server/accounts/guards';
import type { SessionUser } from '../../src/server/accounts/users';
import { isCrossOriginWrite } from '../../src/server/security/origin-check';
import { sessionOfRequest } from '../request-session';
import type { ApiEnv } from './context';
import { errorResponse } from './errors';

/** `allowed` names cross-origin writes that are meant to work (the public inquiry POST from configured origins). */
export function refuseCrossOriginWrites(
  allowed?: (request: Request, env: Env | undefined) => boolean,
): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (isCrossOriginWrite(c.req.raw, c.env?.PUBLIC_ORIGIN) && !allowed?.(c.req.raw, c.env)) {
      return errorResponse(c, 403, 'forbidden_origin');
    }
    return next();
  };
}

/**
 * A route's door (its `middleware` in createRoute, which runs before the
 * validators): whoever the guard refuses gets 401 or 403 before the path or
 * body is looked at, so they learn nothing of the rules from a 422. The
 * handler still calls the guard that checks the record (its cooperative).
 */
export function admit(guard: (user: SessionUser | null) => unknown): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    guard(c.get('user'));
    await next();
  };
}

export const signedInOnly = admit(requireUser);
export const membersOnly = admit((user) => requireRole(user, 'member'));
export const officersOnly = admit(requireOfficer);

/** Validates the session cookie (needs c.var.db); sets user and session, and the cookie again when refreshed or cleared. */
export async function resolveSession(c: Context<ApiEnv>, now: Date): Promise<void> {
  const resolved = await sessionOfRequest(async () => c.get('db'), new URL(c.req.url), c.req.header('cookie'), now);
  c.set('user', resolved.user);
  c.set('session', resolved.session);
  if (resolved.setCookie) c.header('Set-Cookie', resolved.setCookie, { append: true });
}
