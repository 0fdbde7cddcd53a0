/**
 * The session cookie, the same for pages and the API: HttpOnly (no script
 * reads it), SameSite=Lax (not sent on cross-site POSTs), Path=/, and Secure
 * with the `__Host-` prefix (bound to this host, never to a parent domain).
 * Plain-http development on localhost cannot keep a Secure cookie, so there
 * the cookie is `session`, without Secure; no other http origin gets a cookie
 * that is not Secure.
 */
const SECURE_NAME = '__Host-session';
const LOCAL_NAME = 'session';

export function isPlainHttpLocalhost(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

export function sessionCookieName(url: URL): string {
  return isPlainHttpLocalhost(url) ? LOCAL_NAME : SECURE_NAME;
}

/** HttpOnly, SameSite=Lax, the whole site, and Secure except on plain-http localhost. */
export function cookieAttributes(url: URL): string {
  return `Path=/; HttpOnly; SameSite=Lax${isPlainHttpLocalhost(url) ? '' : '; Secure'}`;
}

/** A Set-Cookie value carrying the token until the session's expiry. */
export function sessionCookie(url: URL, token: string, expiresAt: Date): string {
  return `${sessionCookieName(url)}=${token}; Expires=${expiresAt.toUTCString()}; ${cookieAttributes(url)}`;
}

export function clearedSessionCookie(url: URL): string {
  return `${sessionCookieName(url)}=; Max-Age=0; ${cookieAttributes(url)}`;
}

/** The session token a request carries, if any (the first cookie of our name). */
export function readSessionToken(url: URL, cookieHeader: string | null | undefined): string | null {
  return readCookie(cookieHeader, sessionCookieName(url));
}

/** The value of the first cookie called `name`, null when there is none or it is empty. */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim() || null;
  }
  return null;
}
