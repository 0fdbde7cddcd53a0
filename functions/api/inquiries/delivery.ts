/**
 * Mail about an inquiry leaves after the response (waitUntil), so a slow or
 * failing mail service never slows or fails the buyer's or the member's
 * request; see src/server/inquiries/notifications.ts for the retries.
 */
import type { Context } from 'hono';
import { inquiryLinks } from '../../../src/server/inquiries/links';
import { deliverForInquiry } from '../../../src/server/inquiries/notifications';
import { mailerFor } from '../../../src/server/mail/mailer';
import { resolveOrigin } from '../../../src/server/seo/urls';
import type { ApiEnv } from '../context';

/** Runs mail work after the response when the runtime can (waitUntil); never lets it fail the request. */
export function afterResponse(c: Context<ApiEnv>, work: () => Promise<unknown>): void {
  const guarded = work().catch((error) => console.error('inquiry notification delivery', error));
  let context: { waitUntil(promise: Promise<unknown>): void } | null = null;
  try {
    context = c.executionCtx;
  } catch {
    // app.request() without an execution context (tests): the promise runs on its own.
  }
  context?.waitUntil(guarded);
}

/** The links that mails and answers give, on the deployment's public origin. */
export function linksFor(c: Context<ApiEnv>) {
  return inquiryLinks(resolveOrigin(c.env?.PUBLIC_ORIGIN, new URL(c.req.url)));
}

export function deliverLater(c: Context<ApiEnv>, inquiryId: string) {
  const db = c.get('db');
  const deps = c.get('deps');
  const mailer = deps.mailer ? deps.mailer(c.env, db) : mailerFor(c.env ?? {}, db);
  afterResponse(c, () => deliverForInquiry(db, mailer, inquiryId));
}
