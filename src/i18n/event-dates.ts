/**
 * When an event happens, in words, in Viet Nam's time. All-day events show
 * their days only (the stored end is the midnight after the last day, which
 * must not show as one more day); timed ones show times, and a multi-day
 * timed event shows both ends in full.
 */
import { eventDays, type EventTiming } from '../server/events/event-days';
import { vietnamMidnight } from '../server/time/vietnam';
import { intlLocale, type Locale, TIME_ZONE } from './index';
import { dateTimeFormat } from './intl-cache';

function formatter(locale: Locale, withTime: boolean, month: 'long' | 'short'): Intl.DateTimeFormat {
  return dateTimeFormat(intlLocale[locale], {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month,
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  });
}

export function formatEventWhen(event: EventTiming, locale: Locale, month: 'long' | 'short' = 'long'): string {
  if (event.allDay) {
    const { first, last } = eventDays(event);
    const dates = formatter(locale, false, month);
    return first === last
      ? dates.format(vietnamMidnight(first))
      : dates.formatRange(vietnamMidnight(first), vietnamMidnight(last));
  }
  return formatter(locale, true, month).formatRange(event.startsAt, event.endsAt);
}

/** "tháng 12 năm 2026" / "December 2026", for a month 'YYYY-MM'. */
export function formatMonth(month: string, locale: Locale): string {
  return dateTimeFormat(intlLocale[locale], { timeZone: TIME_ZONE, month: 'long', year: 'numeric' }).format(
    vietnamMidnight(`${month}-01`),
  );
}

/** A date and time of day (registration deadlines). */
export function formatDateTime(instant: Date, locale: Locale): string {
  return formatter(locale, true, 'long').format(instant);
}

/** Names of the days of the week, Monday first, for a month grid's header. */
export function weekdayNames(locale: Locale, width: 'short' | 'long'): string[] {
  const names = dateTimeFormat(intlLocale[locale], { timeZone: 'UTC', weekday: width });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => names.format(new Date(Date.UTC(2024, 0, 1 + i))));
}
