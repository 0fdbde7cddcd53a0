/** Absolute links and reply addresses that mail about inquiries carries, on the site's public origin. */
import type { Locale } from '../../i18n';
import { inboxItemPaths, inquiryThreadPaths, routes } from '../../i18n/routes';
import { mailLinkOrigin } from '../seo/urls';
import { replyAddress } from './reply-address';

export interface InquiryLinks {
  statusPage(locale: Locale, reference: string): string;
  inboxItem(locale: Locale, reference: string): string;
  /** The buyer's private page of the thread; `token` is the secret itself, never stored. */
  threadPage(locale: Locale, token: string): string;
  /** The thread's reply address for a token (inbound-mail.ts reads it back), or undefined where mail takes no reply. */
  replyTo(token: string): string | undefined;
}

/** The links of the deployment's configuration: PUBLIC_ORIGIN, and INBOUND_MAIL_DOMAIN for reply addresses. */
export function configuredInquiryLinks(env: { PUBLIC_ORIGIN?: string; INBOUND_MAIL_DOMAIN?: string } | undefined) {
  return inquiryLinks(mailLinkOrigin(env?.PUBLIC_ORIGIN), env?.INBOUND_MAIL_DOMAIN);
}

/** `replyDomain`: the domain whose Email Routing rule sends mail to the worker (INBOUND_MAIL_DOMAIN); none, no replies by mail. */
export function inquiryLinks(origin: string, replyDomain?: string): InquiryLinks {
  const domain = replyDomain?.trim().toLowerCase();
  return {
    statusPage: (locale, reference) =>
      new URL(`${routes.inquiryStatus[locale]}?reference=${encodeURIComponent(reference)}`, origin).href,
    inboxItem: (locale, reference) => new URL(inboxItemPaths(reference)[locale], origin).href,
    threadPage: (locale, token) => new URL(inquiryThreadPaths(token)[locale], origin).href,
    replyTo: (token) => (domain ? replyAddress(token, domain) : undefined),
  };
}
