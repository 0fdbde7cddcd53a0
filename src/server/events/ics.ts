/**
 * iCalendar (RFC 5545) for the events feed and single events, written by
 * ical-generator, which folds lines at 75 octets without splitting a UTF-8
 * character and escapes text values.
 *
 * Times: timed events are sent in UTC (DTSTART:…Z), which every client places
 * correctly; ical-generator's TZID output would format plain Dates in the
 * runtime's own zone, which on Workers is UTC, so it is not used. All-day
 * events are VALUE=DATE with Viet Nam's dates and an exclusive end, as the
 * RFC says. X-WR-TIMEZONE tells clients which zone the calendar belongs to.
 *
 * Identity: UID is the event id at the site's host, stable across edits;
 * SEQUENCE is the event's revision; cancelled events stay in the feed with
 * STATUS:CANCELLED so subscribed calendars drop or mark them.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { dictionary, format, type Locale, TIME_ZONE } from '../../i18n';
import { eventPaths } from '../../i18n/routes';
import { absoluteUrl } from '../seo/urls';
import { addDaysToDate } from '../time/vietnam';
import type { EventFeedEntry } from './calendar';
import { eventDays } from './event-days';

export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

export interface IcsContext {
  /** The site's public origin: UIDs and links are built on it. */
  origin: string;
  locale: Locale;
}

/** Which UTC-midnight Date ical-generator must get to write a Viet Nam date as VALUE=DATE. */
function dateValue(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function eventUid(eventId: string, origin: string): string {
  return `${eventId}@${new URL(origin).hostname}`;
}

/** Venue, address and province, or the online link: one line for LOCATION and calendar links. */
export function eventLocation(
  entry: Pick<EventFeedEntry, 'venue' | 'address' | 'provinceNameVi' | 'provinceNameEn' | 'onlineUrl'>,
  locale: Locale,
): string {
  const province = locale === 'en' ? (entry.provinceNameEn ?? entry.provinceNameVi) : entry.provinceNameVi;
  const parts = [entry.venue, entry.address].filter((part): part is string => Boolean(part));
  // Addresses usually end with their province already.
  if (province && !parts.some((part) => part.includes(entry.provinceNameVi ?? province))) parts.push(province);
  if (parts.length === 0 && entry.onlineUrl) return entry.onlineUrl;
  return parts.join(', ');
}

export function eventTitle(entry: Pick<EventFeedEntry, 'titleVi' | 'titleEn'>, locale: Locale): string {
  return locale === 'en' && entry.titleEn ? entry.titleEn : entry.titleVi;
}

/** The plain-text description calendars show: the event's text, who organises it, how to join, where to read more. */
export function eventPlainText(entry: EventFeedEntry, context: IcsContext): string {
  const t = dictionary(context.locale).calendar.feed;
  const description = context.locale === 'en' && entry.descriptionEn ? entry.descriptionEn : entry.descriptionVi;
  const lines = [
    entry.status === 'cancelled'
      ? entry.cancelReason
        ? format(t.cancelledLine, { reason: entry.cancelReason })
        : t.cancelledNoReason
      : null,
    description || null,
    format(t.organiserLine, { name: entry.organiser }),
    entry.onlineUrl ? format(t.onlineLine, { url: entry.onlineUrl }) : null,
    format(t.moreLine, { url: absoluteUrl(context.origin, eventPaths(entry.slug)[context.locale]) }),
  ];
  return lines.filter((line): line is string => line !== null).join('\n\n');
}

/** A whole calendar: the feed (many events) or one event's file. */
export function eventsToIcs(entries: readonly EventFeedEntry[], context: IcsContext, name?: string): string {
  const d = dictionary(context.locale);
  const calendar = ical({
    name: name ?? d.calendar.feed.calendarName,
    description: d.calendar.feed.calendarDescription,
    prodId: { company: 'Cho HTX', product: 'Events', language: context.locale.toUpperCase() },
    // Refresh hint for subscribers; calendars poll feeds on their own schedule anyway.
    ttl: 60 * 60 * 6,
    x: [['X-WR-TIMEZONE', TIME_ZONE]],
  });
  for (const entry of entries) {
    const days = eventDays(entry);
    const title = eventTitle(entry, context.locale);
    const cancelled = entry.status === 'cancelled';
    calendar.createEvent({
      id: eventUid(entry.id, context.origin),
      sequence: entry.revision,
      // Without METHOD, DTSTAMP is when the event was last revised in our store (RFC 5545 §3.8.7.2).
      stamp: entry.updatedAt,
      created: entry.createdAt,
      lastModified: entry.updatedAt,
      allDay: entry.allDay,
      start: entry.allDay ? dateValue(days.first) : entry.startsAt,
      end: entry.allDay ? dateValue(addDaysToDate(days.last, 1)) : entry.endsAt,
      summary: cancelled ? `[${d.calendar.cancelled}] ${title}` : title,
      description: eventPlainText(entry, context),
      location: eventLocation(entry, context.locale) || null,
      url: absoluteUrl(context.origin, eventPaths(entry.slug)[context.locale]),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      categories: [{ name: d.events.kinds[entry.kind] }],
    });
  }
  // Every content line ends with CRLF (RFC 5545 §3.1), the last one too.
  return `${calendar.toString()}\r\n`;
}
