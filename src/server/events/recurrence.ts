/**
 * Recurring series, such as a monthly OCOP market day, become separate dated
 * events: each can then be moved, cancelled or registered for on its own, and
 * calendars see ordinary events rather than a rule to interpret.
 *
 * The rules are the three shapes officers use. Dates are Viet Nam calendar
 * dates, so no time zone or daylight saving can shift an occurrence.
 */
import { z } from 'zod';
import { addDaysToDate, addMonths, daysBetween, daysInMonth, isoWeekday, monthOf } from '../time/vietnam';
import type { EventInput } from './event-input';

export const MAX_OCCURRENCES = 52;

const count = z.coerce.number().int().min(1).max(MAX_OCCURRENCES);

export const recurrenceRuleSchema = z.discriminatedUnion('frequency', [
  /** Every `interval` weeks on the weekday of the first event. */
  z.strictObject({ frequency: z.literal('weekly'), interval: z.coerce.number().int().min(1).max(4).default(1), count }),
  /** The n-th (1-4) or last (-1) given weekday (1 Monday … 7 Sunday) of each month. */
  z.strictObject({
    frequency: z.literal('monthly_weekday'),
    ordinal: z.coerce.number().int().refine((n) => n === -1 || (n >= 1 && n <= 4)),
    weekday: z.coerce.number().int().min(1).max(7),
    count,
  }),
  /** The same day of each month; months without that day (the 31st in April) are skipped, as RFC 5545 does. */
  z.strictObject({ frequency: z.literal('monthly_day'), day: z.coerce.number().int().min(1).max(31), count }),
]);

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

/** The dates of a series, from `firstDate` on (the first one may come later, when firstDate does not fit the rule). */
export function occurrenceDates(rule: RecurrenceRule, firstDate: string): string[] {
  const dates: string[] = [];
  if (rule.frequency === 'weekly') {
    for (let i = 0; i < rule.count; i++) dates.push(addDaysToDate(firstDate, 7 * rule.interval * i));
    return dates;
  }
  // A month holds every n-th weekday and one day-of-month in every month but the short ones,
  // so count + 12 months always suffice; the bound keeps a bad rule from looping.
  let month = monthOf(firstDate);
  for (let i = 0; dates.length < rule.count && i < rule.count * 2 + 12; i++, month = addMonths(month, 1)) {
    let date: string | null;
    if (rule.frequency === 'monthly_weekday') date = nthWeekday(month, rule.ordinal, rule.weekday);
    else date = rule.day <= daysInMonth(month) ? `${month}-${String(rule.day).padStart(2, '0')}` : null;
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
