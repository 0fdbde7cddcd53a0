/**
 * Astro middleware for pages (the JSON API never passes here).
 * - It notes whether the catalogue holds demo data, so every page's footer
 *   can say so.
 * - It validates the session cookie, if any, and sets locals.user and
 *   locals.session; a refreshed session gets its cookie set again with the
 *   new expiry, an invalid one gets it cleared. Pages seen signed in are
 *   never stored by caches.
 * A database that cannot answer must not break the page, least of all the
 * error pages: then nothing is noted and the page carries on (signed out).
 */
import { defineMiddleware } from 'astro:middleware';
import { sessionExpiresAt, validateSessionToken } from './server/accounts/sessions';
import { withTimeout } from './server/db/health';
import { requestDatabase } from './server/db/request';
import { clearedSessionCookie, readSessionToken, sessionCookie } from './server/security/session-cookie';
import { hasDemoDataRecently } from './server/stats/demo';
import { countUnread } from './server/inquiries/inbox';

export const onRequest = defineMiddleware(async (context, next) => {
  try {
    // Briefly: a slow database must not hold the page (its own loader then answers 503).
    context.locals.demo = await withTimeout(requestDatabase().then((db) => hasDemoDataRecently(db)), 1000);
  } catch {
    context.locals.demo = false;
  }

  context.locals.user = null;
  context.locals.session = null;
  const token = readSessionToken(context.url, context.request.headers.get('cookie'));
  let setCookie: string | null = null;
  if (token) {
    try {
      const validated = await withTimeout(
        requestDatabase().then((db) => validateSessionToken(db, token, new Date())),
        1000,
      );
      if (validated) {
        context.locals.user = validated.user;
        context.locals.session = validated.session;
        // The navigation shows a member how many inquiries wait unopened; never worth failing a page for.
        if (validated.user.role === 'member') {
          context.locals.unreadInquiries = await withTimeout(requestDatabase().then((db) => countUnread(db, validated.user)), 500).catch(() => 0);
        }
        if (validated.refreshed) setCookie = sessionCookie(context.url, token, sessionExpiresAt(validated.session));
      } else {
        setCookie = clearedSessionCookie(context.url);
      }
    } catch {
      // Unknown, not invalid: keep the cookie for when the database answers again.
    }
  }

  const response = await next();
  if (setCookie || context.locals.user) {
    try {
      // A page may have set its own session cookie (sign-in, sign-out): that one wins.
      if (setCookie && !response.headers.getSetCookie().some((c) => c.split('=')[0] === setCookie?.split('=')[0])) {
        response.headers.append('Set-Cookie', setCookie);
      }
      if (context.locals.user) response.headers.set('Cache-Control', 'private, no-store');
    } catch {
      // Immutable headers (a response passed through from elsewhere): nothing to add to it.
    }
  }
  return response;
});
