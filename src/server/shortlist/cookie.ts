/**
 * The shortlist's cookie: like the session's (HttpOnly: no script needs it;
 * SameSite=Lax; `__Host-` and Secure except on plain-http localhost), kept
 * for SHORTLIST_DAYS so a buyer comparing suppliers over a few weeks finds it.
 */
import { cookieAttributes, isPlainHttpLocalhost, readCookie } from '../security/session-cookie';
import { readShortlist, writeShortlist } from './shortlist';

const SHORTLIST_DAYS = 90;

export function shortlistCookieName(url: URL): string {
  return isPlainHttpLocalhost(url) ? 'shortlist' : '__Host-shortlist';
}

/** The shortlist a request carries (validated: see readShortlist). */
export function shortlistOfRequest(url: URL, cookieHeader: string | null | undefined): string[] {
  return readShortlist(readCookie(cookieHeader, shortlistCookieName(url)));
}

/** The Set-Cookie value keeping `slugs`; an empty list clears the cookie. */
export function shortlistCookie(url: URL, slugs: readonly string[]): string {
  const name = shortlistCookieName(url);
  const lifetime = slugs.length === 0 ? 'Max-Age=0' : `Max-Age=${SHORTLIST_DAYS * 86_400}`;
  return `${name}=${writeShortlist(slugs)}; ${lifetime}; ${cookieAttributes(url)}`;
}
