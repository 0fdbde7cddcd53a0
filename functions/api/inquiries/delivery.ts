/**
 * Mail about an inquiry leaves after the response (waitUntil), so a slow or
 * failing mail service never slows or fails the buyer's or the member's
 * request; see src/server/inquiries/notifications.ts for the retries.
 */
import type { Context } from 'hono';
import { configuredInquiryLinks } from '../../../src/server/inquiries/links';
import { deliverForInquiry } from '../../../src/server/inquiries/notifications';
import { afterResponse, executionContextOf } from '../../after-response';
import type { ApiEnv } from '../context';

/** The links that mails and answers give, on the deployment's public origin. */
export function linksFor(c: Context<ApiEnv>) {
  return configuredInquiryLinks(c.env);
}

export function deliverLater(c: Context<ApiEnv>, inquiryId: string) {
  const db = c.get('db');
  const mailer = c.get('services').mailer(db);
  afterResponse(executionContextOf(c), 'inquiry notification delivery', () => deliverForInquiry(db, mailer, inquiryId));
}
