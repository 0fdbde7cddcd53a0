/**
 * The worker's email() handler: mail that Cloudflare Email Routing sends to the
 * worker (a rule for the reply addresses of INBOUND_MAIL_DOMAIN, README
 * "Replies by mail"), handed to src/server/inquiries/inbound-mail.ts.
 *
 * A refusal is said to the sender's mail server (setReject: a permanent
 * failure, the sender gets a bounce with the reason) and logged, without
 * addresses or text. An unexpected failure (the database is down) is thrown:
 * Email Routing then answers with a temporary failure and the sender's
 * server tries again later, so no reply is lost to an outage.
 */
import { deliverForInquiry } from '../src/server/inquiries/notifications';
import {
  INBOUND_RAW_MAX_BYTES,
  type InboundOutcome,
  receiveThreadMail,
  REFUSAL_TEXT,
} from '../src/server/inquiries/inbound-mail';
import { configuredInquiryLinks } from '../src/server/inquiries/links';
import { afterResponse, type ResponseLifetime } from './after-response';
import { streamAtMost } from './body-limit';
import type { RequestServices } from './request-services';

/** What the handler uses of Cloudflare's ForwardableEmailMessage (tests pass their own). */
export type InboundMessage = Pick<ForwardableEmailMessage, 'from' | 'to' | 'raw' | 'rawSize' | 'setReject'>;

export async function handleInboundMail(
  message: InboundMessage,
  services: RequestServices,
  lifetime: ResponseLifetime,
  now: Date = new Date(),
): Promise<InboundOutcome> {
  const db = await services.database();
  const links = configuredInquiryLinks(services.env);
  // Read within the limit whatever size was announced: the bytes decide.
  const raw = await streamAtMost(message.raw, INBOUND_RAW_MAX_BYTES, message.rawSize > INBOUND_RAW_MAX_BYTES);
  const outcome = await receiveThreadMail(
    db,
    { from: message.from, to: message.to, raw, rawSize: message.rawSize },
    links,
    now,
  );
  if (!outcome.accepted) {
    console.warn(JSON.stringify({ event: 'inbound_mail_refused', reason: outcome.reason, inquiry: outcome.inquiryId }));
    message.setReject(REFUSAL_TEXT[outcome.reason]);
    return outcome;
  }
  console.info(JSON.stringify({ event: 'inbound_mail_stored', inquiry: outcome.inquiryId, author: outcome.author }));
  if (outcome.notify) {
    afterResponse(lifetime, 'inquiry notification delivery', () =>
      deliverForInquiry(db, services.mailer(db), outcome.inquiryId),
    );
  }
  return outcome;
}
