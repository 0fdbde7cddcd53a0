/**
 * Sessions over the API: sign in (POST /session), sign out (DELETE /session),
 * who am I (GET /me), change password (POST /me/password). The session lives
 * in the same HttpOnly cookie the pages use; state-changing requests pass the
 * origin check in ./session.ts first.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { changePassword, signIn } from '../../src/server/accounts/authentication';
import { requireUser } from '../../src/server/accounts/guards';
import { invalidateSession, type Session, sessionExpiresAt } from '../../src/server/accounts/sessions';
import { loadAccountOverview } from '../../src/server/accounts/users';
import { USER_ROLES } from '../../src/server/accounts/vocabulary';
import { NotFoundError } from '../../src/server/errors';
import { clientAddress } from '../../src/server/security/client-address';
import { clearedSessionCookie, sessionCookie } from '../../src/server/security/session-cookie';
import { type ApiEnv, createRouter } from './context';
import { signedIn } from './openapi';
import { errorSchemaResponses, jsonContent } from './schemas';

const tags = ['Accounts'];
import { signedInOnly } from './session';

const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(USER_ROLES),
    cooperativeId: z.string().nullable(),
    isManager: z.boolean(),
  })
  .openapi('User');

export const SignedInSchema = z.object({ user: UserSchema }).openapi('SignedIn');

export const AccountSchema = z
  .object({
    user: UserSchema,
    cooperative: z
      .object({
        id: z.string(),
        name: z.string(),
        slug: z.string(),
        suspendedBecause: z.string().nullable().openapi({
          description:
            'Why the trade department suspended the cooperative from the public site, while it is; null when it is not suspended.',
        }),
      })
      .nullable(),
  })
  .openapi('Account');

const errors = (...statuses: number[]) => errorSchemaResponses(errorDescriptions, ...statuses);
const errorDescriptions: Record<number, string> = {
  401: 'Not signed in, or wrong email or password',
  403: 'Refused: a cross-origin request',
  422: 'Invalid fields',
  429: 'Too many attempts; see Retry-After',
};

const SignInBody = z.object({
  email: z.string().max(254).openapi({ example: 'quanly@htx-demo.vn' }),
  password: z.string().max(1024),
});

const signInRoute = createRoute({
  method: 'post',
  path: '/session',
  operationId: 'signIn',
  tags,
  summary: 'Sign in',
  description:
    'Checks email and password and starts a new session in an HttpOnly cookie. The tenth wrong password for an account ' +
    'within 15 minutes locks it for 15 minutes (429 with Retry-After); addresses are limited too.',
  request: { body: { content: { 'application/json': { schema: SignInBody } }, required: true } },
  responses: {
    200: jsonContent('Signed in; the session cookie is set', SignedInSchema),
    ...errors(401, 403, 422, 429),
  },
});

const signOutRoute = createRoute({
  method: 'delete',
  path: '/session',
  operationId: 'signOut',
  tags,
  security: signedIn,
  summary: 'Sign out',
  description: 'Ends the current session, if any, and clears the cookie.',
  responses: { 204: { description: 'Signed out' }, ...errors(403) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  operationId: 'getAccount',
  tags,
  security: signedIn,
  middleware: [signedInOnly],
  summary: 'The signed-in account',
  responses: {
    200: jsonContent('The account, its cooperative and role', AccountSchema),
    ...errors(401),
  },
});

const changePasswordRoute = createRoute({
  method: 'post',
  path: '/me/password',
  operationId: 'changePassword',
  tags,
  security: signedIn,
  middleware: [signedInOnly],
  summary: 'Change password',
  description: 'Ends every session of the account and starts a new one for this client (a new cookie).',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({ currentPassword: z.string().max(1024), newPassword: z.string().max(1024) }),
        },
      },
      required: true,
    },
  },
  responses: { 204: { description: 'Changed; the new session cookie is set' }, ...errors(401, 403, 422, 429) },
});

function setSessionCookie(c: Context<ApiEnv>, token: string, session: Session) {
  c.header('Set-Cookie', sessionCookie(new URL(c.req.url), token, sessionExpiresAt(session)), { append: true });
}

export const accounts = createRouter()
  .openapi(signInRoute, async (c) => {
    const body = c.req.valid('json');
    const started = await signIn(c.get('db'), { ...body, clientAddress: clientAddress(c.req.raw) }, new Date());
    // A session the request arrived with is replaced, not kept beside the new one.
    const previous = c.get('session');
    if (previous) await invalidateSession(c.get('db'), previous.id);
    setSessionCookie(c, started.token, started.session);
    c.header('Cache-Control', 'no-store');
    return c.json(SignedInSchema.encode(started), 200);
  })
  .openapi(signOutRoute, async (c) => {
    const session = c.get('session');
    if (session) await invalidateSession(c.get('db'), session.id);
    c.header('Set-Cookie', clearedSessionCookie(new URL(c.req.url)), { append: true });
    return c.body(null, 204);
  })
  .openapi(meRoute, async (c) => {
    const user = requireUser(c.get('user'));
    const overview = await loadAccountOverview(c.get('db'), user.id);
    if (!overview) throw new NotFoundError('user');
    c.header('Cache-Control', 'private, no-store');
    return c.json(AccountSchema.encode(overview), 200);
  })
  .openapi(changePasswordRoute, async (c) => {
    const user = requireUser(c.get('user'));
    const body = c.req.valid('json');
    const fresh = await changePassword(
      c.get('db'),
      user,
      { ...body, clientAddress: clientAddress(c.req.raw) },
      new Date(),
    );
    setSessionCookie(c, fresh.token, fresh.session);
    return c.body(null, 204);
  });
