/**
 * The words of an officer's decision, the same shape for every kind: what was
 * decided, the reason when there is one, and where on the account pages to
 * see it; in the recipient's language. The outbox composes the mail from
 * them when it sends it (outbox.ts composeNotification).
 */
import { dictionary, format } from '../../i18n';
import { routes } from '../../i18n/routes';
import type { NotificationWords, Recipient } from './outbox';

export function decisionMail(
  recipient: Recipient,
  words: { subject: string; body: string; reason: string | null; page: keyof typeof routes },
  origin: string,
): NotificationWords {
  const t = dictionary(recipient.locale).notifications.mail;
  const link = new URL(routes[words.page][recipient.locale], origin).href;
  const parts = [
    words.body,
    words.reason ? format(t.reason, { reason: words.reason }) : null,
    format(t.accountLink, { link }),
  ];
  return { to: recipient.email, subject: words.subject, text: parts.filter(Boolean).join('\n\n') };
}
