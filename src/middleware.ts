/**
 * Astro middleware for pages (the JSON API never passes here).
 * - It notes whether the catalogue holds demo data, so every page's footer
 *   can say so.
 * - It resolves the session (functions/request-session.ts, as the API does)
 *   and sets locals.user and locals.session; a refreshed session gets its
 *   cookie set again with the new expiry, an invalid one gets it cleared.
 *   Pages seen signed in are never stored by caches.
 * - It reads the visitor's shortlist from its cookie, for the header's count.
 * - On the account area's pages it counts what waits for the signed-in reader,
 *   for the account navigation (src/server/accounts/home.ts#loadAccountWaiting).
 * - A signed-in page addressed by a renamed record's old slug answers with
 *   the same page at its current slug (functions/pages/renamed-records.ts).
 * The request's services (locals.services) were set by src/worker.ts. A
 * database that cannot answer must not break the page, least of all the
 * error pages: then nothing is noted and the page carries on (signed out).
 */
import { defineMiddleware } from 'astro:middleware';
import { renamedRecordAreaRedirect } from '../functions/pages/renamed-records';
import { sessionOfRequest, SIGNED_OUT } from '../functions/request-session';
import { isAccountArea } from './i18n/routes';
import { loadAccountWaiting } from './server/accounts/home';
import { withTimeout } from './server/db/health';
import { countUnread } from './server/inquiries/inbox';
import { hasDemoDataRecently } from './server/stats/demo';
import { shortlistOfRequest } from './server/shortlist/cookie';

export const onRequest = defineMiddleware(async (context, next) => {
  const services = context.locals.services;
  try {
    // Briefly: a slow database must not hold the page (its own loader then answers 503).
    context.locals.demo = await withTimeout(
      services.database().then((db) => hasDemoDataRecently(db)),
      1000,
    );
  } catch {
    context.locals.demo = false;
  }

  let resolved = SIGNED_OUT;
  try {
    resolved = await withTimeout(
      sessionOfRequest(services.database, context.url, context.request.headers.get('cookie'), new Date()),
      1000,
    );
  } catch {
    // Unknown, not invalid: keep the cookie for when the database answers again.
  }
  const { user, session, setCookie } = resolved;
  context.locals.shortlist = shortlistOfRequest(context.url, context.request.headers.get('cookie'));
  context.locals.user = user;
  context.locals.session = session;
  // The account area's navigation counts what waits for the reader (a member's new inquiries among it); the site
  // header elsewhere shows a member how many inquiries wait unopened. Never worth failing a page for.
  if (user && isAccountArea(context.url.pathname)) {
    context.locals.accountWaiting = await withTimeout(
      services.database().then((db) => loadAccountWaiting(db, user)),
      1000,
    ).catch(() => null);
    context.locals.unreadInquiries = context.locals.accountWaiting?.inquiries?.newCount ?? 0;
  } else if (user?.role === 'member') {
    context.locals.unreadInquiries = await withTimeout(
      services.database().then((db) => countUnread(db, user)),
      500,
    ).catch(() => 0);
  }

  const moved = user ? await renamedRecordAreaRedirect(context.url, context.request.method, user, services) : null;
  const response = moved ?? (await next());
  if (setCookie || user) {
    try {
      // A page may have set its own session cookie (sign-in, sign-out): that one wins.
      if (setCookie && !response.headers.getSetCookie().some((c) => c.split('=')[0] === setCookie.split('=')[0])) {
        response.headers.append('Set-Cookie', setCookie);
      }
      if (user) response.headers.set('Cache-Control', 'private, no-store');
    } catch {
      // Immutable headers (a response passed through from elsewhere): nothing to add to it.
    }
  }
  return response;
});
