/**
 * Work that may finish after the response has gone (an inquiry's mail):
 * handed to the request's ExecutionContext.waitUntil, so the runtime keeps
 * the request alive until it settles. It never fails the request: the answer
 * has been sent, so a failure is logged, and the outbox's retries
 * (src/server/scheduled.ts) pick the work up again.
 */
import type { Database } from '../src/server/db/client';
import type { AfterResponse } from '../src/server/search/facet-cube';
import { sendEventNotifications } from '../src/server/notifications/outbox';
import { configuredOrigin } from '../src/server/seo/urls';
import type { RequestServices } from './request-services';

/** What the runtime gives a request to outlive its response: Cloudflare's ExecutionContext, or Astro's locals.cfContext. */
export interface ResponseLifetime {
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * Starts `work` now and lets it run past the response. Without a lifetime
 * (app.request() in tests has no execution context) it still runs, unawaited.
 */
export function afterResponse(
  lifetime: ResponseLifetime | null | undefined,
  what: string,
  work: () => Promise<unknown>,
): void {
  const guarded = Promise.resolve()
    .then(work)
    .catch((error: unknown) => console.error(what, error));
  lifetime?.waitUntil(guarded);
}

/**
 * Deferred work the server layer asks for (a stale facet cube's refresh), run
 * after the response; undefined without a lifetime (app.request() in tests),
 * where nothing would keep the work alive and it is not owed to anyone.
 */
export function laterFor(lifetime: ResponseLifetime | null | undefined): AfterResponse | undefined {
  if (!lifetime) return undefined;
  return (what, work) => afterResponse(lifetime, what, work);
}

/** A Hono context's execution context, or null where there is none (Hono's getter throws then). */
export function executionContextOf(c: { readonly executionCtx: ResponseLifetime }): ResponseLifetime | null {
  try {
    return c.executionCtx;
  } catch {
    return null;
  }
}

/**
 * After the response, the mail of one notification event (a decision's), when there is one, with
 * its unsubscribe links at the deployment's origin (PUBLIC_ORIGIN); the cron sends it later if this
 * does not. Every page and API route that queues a notification sends it through here.
 */
export function sendEventAfterResponse(
  lifetime: ResponseLifetime | null | undefined,
  services: RequestServices,
  db: Database,
  event: string | null,
): void {
  if (!event) return;
  const mailer = services.mailer(db);
  const mailOrigin = configuredOrigin(services.env?.PUBLIC_ORIGIN);
  afterResponse(lifetime, `notification mail ${event}`, () => sendEventNotifications(db, mailer, event, mailOrigin));
}
