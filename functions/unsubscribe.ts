/**
 * POST of a notification mail's unsubscribe link (src/server/notifications/unsubscribe.ts):
 * the confirmation page's button, or a mail client's RFC 8058 one-click
 * request ("List-Unsubscribe=One-Click"), which comes with no Origin, no
 * cookie and no page of ours, so it is answered here in the worker, before
 * the CSRF check and Astro's own origin check, which would refuse it. The
 * signed token in the path is the only authority; it changes one person's
 * choice for one kind, nothing more.
 */
import { Hono } from 'hono';
import { dictionary, LOCALES } from '../src/i18n';
import { unsubscribePaths } from '../src/i18n/routes';
import { InvalidTokenError } from '../src/server/errors';
import { unsubscribe } from '../src/server/notifications/unsubscribe';
import { servicesFor } from './request-services';

export const unsubscribeLinks = new Hono<{ Bindings: Env }>();

for (const locale of LOCALES) {
  unsubscribeLinks.post(`${unsubscribePaths('')[locale]}:token`, async (c) => {
    const t = dictionary(locale).notificationSettings.unsubscribe;
    const db = await servicesFor(c.env).database();
    try {
      await unsubscribe(db, c.req.param('token') ?? '', new Date());
    } catch (error) {
      if (error instanceof InvalidTokenError) return c.text(t.invalid, 404, { 'Cache-Control': 'no-store' });
      throw error;
    }
    // A mail client wants a plain answer; a person at the page sees it again, now saying it is done.
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (body['List-Unsubscribe'] === 'One-Click') return c.text(t.title, 200, { 'Cache-Control': 'no-store' });
    return c.redirect(new URL(c.req.url).pathname, 303);
  });
}
