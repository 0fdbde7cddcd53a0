/**
 * When an event happens, in words, in Viet Nam's time. All-day events show
 * their days only (the stored end is the midnight after the last day, which
 * must not show as one more day); timed ones show their day and hours, and a
 * fair over several days reads as its days and daily hours ("25 – 28 February
 * 2027, 08:00–21:00 daily"), which is how fairs announce themselves.
 */
import { eventDays, type EventTiming } from '../server/events/event-days';
import { vietnamMidnight, vietnamTime } from '../server/time/vietnam';
import { dictionary, format, formatDate, formatDateTime, intlLocale, type Locale, TIME_ZONE } from './index';
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
  const { first, last } = eventDays(event);
  const dates = formatter(locale, false, month);
  const days =
    first === last
      ? dates.format(vietnamMidnight(first))
      : dates.formatRange(vietnamMidnight(first), vietnamMidnight(last));
  if (event.allDay) return days;
  const [opens, closes] = [vietnamTime(event.startsAt), vietnamTime(event.endsAt)];
  const hours = `${opens}–${closes}`;
  if (first === last) return `${days}, ${hours}`;
  // Hours that run past midnight ("20:00 to 02:00") are not daily opening hours: say both ends in full.
  if (closes <= opens) return formatter(locale, true, month).formatRange(event.startsAt, event.endsAt);
  return `${days}, ${format(dictionary(locale).calendar.dailyHours, { hours })}`;
}

/**
 * A deadline. One at midnight is the end of the day before ("hết ngày 8 tháng
 * 1", not "00:00 9 tháng 1"), which is how people read a closing date.
 */
export function formatDeadline(instant: Date, locale: Locale): string {
  if (vietnamTime(instant) !== '00:00') return formatDateTime(instant, locale);
  return format(dictionary(locale).calendar.endOfDay, { date: formatDate(new Date(instant.getTime() - 1), locale) });
}

/**
 * "tháng 12 năm 2026" / "December 2026", for a month 'YYYY-MM', as written inside a sentence; `heading`
 * starts it with a capital, as a heading or a table's row name does ("Tháng 12 năm 2026").
 */
export function formatMonth(month: string, locale: Locale, heading = false): string {
  const text = dateTimeFormat(intlLocale[locale], { timeZone: TIME_ZONE, month: 'long', year: 'numeric' }).format(
    vietnamMidnight(`${month}-01`),
  );
  return heading ? text.charAt(0).toLocaleUpperCase(intlLocale[locale]) + text.slice(1) : text;
}

/** Names of the days of the week, Monday first, for a month grid's header. */
export function weekdayNames(locale: Locale, width: 'short' | 'long'): string[] {
  const names = dateTimeFormat(intlLocale[locale], { timeZone: 'UTC', weekday: width });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => names.format(new Date(Date.UTC(2024, 0, 1 + i))));
}
