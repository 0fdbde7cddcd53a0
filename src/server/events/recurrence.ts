/**
 * Recurring series, such as a monthly OCOP market day, become separate dated
 * events: each can then be moved, cancelled or registered for on its own, and
 * calendars see ordinary events rather than a rule to interpret.
 *
 * The rules are the three shapes officers use. Dates are Viet Nam calendar
 * dates, so no time zone or daylight saving can shift an occurrence.
 */
import { z } from 'zod';
import {
  addDaysToDate,
  addMonths,
  daysBetween,
  daysInMonth,
  isCalendarDate,
  isoWeekday,
  monthOf,
} from '../time/vietnam';
import type { EventInput } from './event-input';

export const MAX_OCCURRENCES = 52;

const count = z.coerce.number().int().min(1).max(MAX_OCCURRENCES).optional();
/** The last day a series may fall on, inclusive (RFC 5545's UNTIL, as a date). */
const until = z
  .string()
  .refine(isCalendarDate, { params: { code: 'invalid_format' } })
  .meta({ format: 'date' })
  .optional();
/** A series ends after `count` events or on `until`, whichever the officer gives (one of them). */
const end = { count, until };

export const recurrenceRuleSchema = z
  .discriminatedUnion('frequency', [
    /** Every `interval` weeks on the weekday of the first event. */
    z.strictObject({
      frequency: z.literal('weekly'),
      interval: z.coerce.number().int().min(1).max(4).default(1),
      ...end,
    }),
    /** The n-th (1-4) or last (-1) given weekday (1 Monday … 7 Sunday) of each month. */
    z.strictObject({
      frequency: z.literal('monthly_weekday'),
      ordinal: z.coerce
        .number()
        .int()
        .refine((n) => n === -1 || (n >= 1 && n <= 4)),
      weekday: z.coerce.number().int().min(1).max(7),
      ...end,
    }),
    /** The same day of each month; months without that day (the 31st in April) are skipped, as RFC 5545 does. */
    z.strictObject({ frequency: z.literal('monthly_day'), day: z.coerce.number().int().min(1).max(31), ...end }),
  ])
  .superRefine((rule, ctx) => {
    if ((rule.count === undefined) === (rule.until === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: 'count_or_until', params: { code: 'count_or_until' } });
    }
  })
  .meta({
    id: 'EventRecurrence',
    description:
      `weekly: every 1-4 weeks (interval, default 1) on the first event’s weekday; monthly_weekday: the ordinal (1-4, or -1 for the last) ` +
      `weekday (1 Monday … 7 Sunday) of each month; monthly_day: that day (1-31) of each month, skipping months without it. ` +
      `Give count (1-${MAX_OCCURRENCES}) or until (the last possible day, inclusive).`,
  });

export type RecurrenceRule = z.output<typeof recurrenceRuleSchema>;

/** The day of `month` that is the `ordinal`-th (or last, -1) `weekday`. */
function nthWeekday(month: string, ordinal: number, weekday: number): string {
  if (ordinal === -1) {
    const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
    return addDaysToDate(last, -((isoWeekday(last) - weekday + 7) % 7));
  }
  const first = `${month}-01`;
  return addDaysToDate(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (ordinal - 1));
}

/**
 * The dates of a series, from `firstDate` on (the first one may come later,
 * when firstDate does not fit the rule). A rule that ends on a date gives at
 * most MAX_OCCURRENCES + 1 dates, so a caller can tell that it runs past the cap.
 */
export function occurrenceDates(rule: RecurrenceRule, firstDate: string): string[] {
  const wanted = rule.count ?? MAX_OCCURRENCES + 1;
  const fits = (date: string) => rule.until === undefined || date <= rule.until;
  const dates: string[] = [];
  if (rule.frequency === 'weekly') {
    for (let i = 0; i < wanted; i++) {
      const date = addDaysToDate(firstDate, 7 * rule.interval * i);
      if (!fits(date)) break;
      dates.push(date);
    }
    return dates;
  }
  // A month holds every n-th weekday and one day-of-month in every month but the short ones,
  // so wanted + 12 months always suffice; the bound keeps a bad rule from looping.
  let month = monthOf(firstDate);
  for (let i = 0; dates.length < wanted && i < wanted * 2 + 12; i++, month = addMonths(month, 1)) {
    let date: string | null;
    if (rule.frequency === 'monthly_weekday') date = nthWeekday(month, rule.ordinal, rule.weekday);
    else date = rule.day <= daysInMonth(month) ? `${month}-${String(rule.day).padStart(2, '0')}` : null;
    if (date !== null && !fits(date)) break;
    if (date !== null && date >= firstDate) dates.push(date);
  }
  return dates;
}

function shiftLocalDateTime(value: string | undefined, days: number): string | undefined {
  if (!value) return value;
  const [date, time] = value.split('T') as [string, string];
  return `${addDaysToDate(date, days)}T${time}`;
}

/**
 * One event input per occurrence: the first event's days, times and
 * registration window moved together, so a three-day market stays three days
 * and registration still closes the same number of days before. Each result
 * still has to pass eventInputSchema (titles naming a month are the caller's to change).
 */
export function expandRecurrence(first: EventInput, rule: RecurrenceRule): EventInput[] {
  return occurrenceDates(rule, first.startDate).map((date) => {
    const shift = daysBetween(first.startDate, date);
    return {
      ...first,
      startDate: date,
      endDate: addDaysToDate(first.endDate, shift),
      registrationOpens: shiftLocalDateTime(first.registrationOpens, shift),
      registrationCloses: shiftLocalDateTime(first.registrationCloses, shift),
    };
  });
}
