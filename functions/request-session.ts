/**
 * Who a request is signed in as, resolved the same way for pages
 * (src/middleware.ts) and the API (functions/api/session.ts): the session
 * cookie validated once, with the cookie to send back when the session was
 * refreshed (new expiry) or is no longer valid (cleared).
 */
import { type Session, sessionExpiresAt, validateSessionToken } from '../src/server/accounts/sessions';
import type { SessionUser } from '../src/server/accounts/users';
import type { Database } from '../src/server/db/client';
import { clearedSessionCookie, readSessionToken, sessionCookie } from '../src/server/security/session-cookie';

export interface RequestSession {
  user: SessionUser | null;
  session: Session | null;
  /** A Set-Cookie header value to send with the answer, or null. */
  setCookie: string | null;
}

export const SIGNED_OUT: RequestSession = { user: null, session: null, setCookie: null };

/** Reads the database only when the request carries a session cookie. */
export async function sessionOfRequest(
  db: () => Promise<Database>,
  url: URL,
  cookieHeader: string | null | undefined,
  now: Date,
): Promise<RequestSession> {
  const token = readSessionToken(url, cookieHeader ?? null);
  if (!token) return SIGNED_OUT;
  const validated = await validateSessionToken(await db(), token, now);
  if (!validated) return { ...SIGNED_OUT, setCookie: clearedSessionCookie(url) };
  return {
    user: validated.user,
    session: validated.session,
    setCookie: validated.refreshed ? sessionCookie(url, token, sessionExpiresAt(validated.session)) : null,
  };
}
