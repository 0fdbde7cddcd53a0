/**
 * The Atom feed (RFC 4287) of newly announced events, written by the `feed`
 * package: entries are the latest announcements, newest first, each linking
 * to the event's page in the reader's language.
 */
import { Feed } from 'feed';
import { dictionary, type Locale } from '../../i18n';
import { formatEventWhen } from '../../i18n/event-dates';
import { eventPaths, routes } from '../../i18n/routes';
import { xmlEscape } from '../seo/sitemap-xml';
import { absoluteUrl } from '../seo/urls';
import type { EventFeedEntry } from './calendar';
import { eventPlainText, eventTitle } from './ics';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/**
 * `feed` marks entry texts type="html", so readers render them as markup: our
 * plain texts are escaped first, or a title holding "<b>" or "&" would be read as HTML.
 */
function html(text: string): string {
  return xmlEscape(text);
}

function paragraphsHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${html(p.trim())}</p>`)
    .join('');
}

export function eventsToAtom(
  entries: readonly EventFeedEntry[],
  context: { origin: string; locale: Locale; selfUrl: string },
): string {
  const d = dictionary(context.locale);
  const calendarUrl = absoluteUrl(context.origin, routes.events[context.locale]);
  const newest = entries.reduce<Date | null>(
    (latest, e) => (latest === null || e.updatedAt > latest ? e.updatedAt : latest),
    null,
  );
  const feed = new Feed({
    id: calendarUrl,
    link: calendarUrl,
    title: d.calendar.feed.atomTitle,
    description: d.calendar.feed.calendarDescription,
    language: context.locale,
    updated: newest ?? new Date(0),
    generator: d.site.name,
    feedLinks: { atom: context.selfUrl },
    copyright: d.site.name,
    // RFC 4287 §4.1.1: a feed whose entries name no author names one itself.
    author: { name: d.site.name, link: absoluteUrl(context.origin, routes.home[context.locale]) },
  });
  for (const entry of entries) {
    const url = absoluteUrl(context.origin, eventPaths(entry.slug)[context.locale]);
    const title = eventTitle(entry, context.locale);
    const when = formatEventWhen(entry, context.locale);
    feed.addItem({
      id: url,
      link: url,
      title: html(entry.status === 'cancelled' ? `[${d.calendar.cancelled}] ${title}` : title),
      description: html(`${d.events.kinds[entry.kind]} · ${when}`),
      content: paragraphsHtml(eventPlainText(entry, context)),
      date: entry.updatedAt,
      published: entry.publishedAt ?? entry.createdAt,
      // The term is the kind's code, the same in both languages; the label is for people.
      category: [{ term: entry.kind, name: d.events.kinds[entry.kind] }],
    });
  }
  return feed.atom1();
}
