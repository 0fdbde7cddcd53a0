/** Absolute links that mail about inquiries carries, on the site's public origin. */
import type { Locale } from '../../i18n';
import { inboxItemPaths, inquiryThreadPaths, routes } from '../../i18n/routes';

export interface InquiryLinks {
  statusPage(locale: Locale, reference: string): string;
  inboxItem(locale: Locale, reference: string): string;
  /** The buyer's private page of the thread; `token` is the secret itself, never stored. */
  threadPage(locale: Locale, token: string): string;
}

export function inquiryLinks(origin: string): InquiryLinks {
  return {
    statusPage: (locale, reference) =>
      new URL(`${routes.inquiryStatus[locale]}?reference=${encodeURIComponent(reference)}`, origin).href,
    inboxItem: (locale, reference) => new URL(inboxItemPaths(reference)[locale], origin).href,
    threadPage: (locale, token) => new URL(inquiryThreadPaths(token)[locale], origin).href,
  };
}
