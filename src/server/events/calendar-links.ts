/**
 * "Add to calendar" links for people without a calendar app that opens .ics
 * files: Google Calendar's and Outlook.com's event templates, filled in.
 */
import { addDaysToDate, vietnamIso } from '../time/vietnam';
import { eventDays, type EventTiming } from './event-days';

export interface CalendarLinkEvent extends EventTiming {
  title: string;
  details: string;
  location: string;
}

/** 20261212T010000Z */
function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function googleCalendarUrl(event: CalendarLinkEvent): string {
  const { first, last } = eventDays(event);
  const dates = event.allDay
    ? `${first.replace(/-/g, '')}/${addDaysToDate(last, 1).replace(/-/g, '')}`
    : `${utcStamp(event.startsAt)}/${utcStamp(event.endsAt)}`;
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates,
    details: event.details,
    location: event.location,
    ctz: 'Asia/Ho_Chi_Minh',
  });
  return `https://calendar.google.com/calendar/render?${params}`;
}

export function outlookCalendarUrl(event: CalendarLinkEvent): string {
  const { first, last } = eventDays(event);
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: event.allDay ? first : vietnamIso(event.startsAt),
    enddt: event.allDay ? addDaysToDate(last, 1) : vietnamIso(event.endsAt),
    allday: String(event.allDay),
    body: event.details,
    location: event.location,
  });
  return `https://outlook.live.com/calendar/0/action/compose?${params}`;
}
