/** Absolute links that mail about inquiries carries, on the site's public origin. */
import type { Locale } from '../../i18n';
import { inboxItemPaths, routes } from '../../i18n/routes';

export interface InquiryLinks {
  statusPage(locale: Locale, reference: string): string;
  inboxItem(locale: Locale, reference: string): string;
}

export function inquiryLinks(origin: string): InquiryLinks {
  return {
    statusPage: (locale, reference) =>
      new URL(`${routes.inquiryStatus[locale]}?reference=${encodeURIComponent(reference)}`, origin).href,
    inboxItem: (locale, reference) => new URL(inboxItemPaths(reference)[locale], origin).href,
  };
}
