/**
 * A month as weeks of days, Monday first (as Vietnamese calendars are),
 * each day holding the events that run on it: a three-day fair appears on
 * each of its three days. Days of the neighbouring months fill the first and
 * last weeks.
 */
import { addDaysToDate, daysInMonth, isoWeekday } from '../time/vietnam';
import { eventDays, type EventTiming } from './event-days';

export interface GridDay<T> {
  date: string;
  inMonth: boolean;
  events: T[];
}

export function monthGrid<T extends EventTiming>(month: string, events: readonly T[]): GridDay<T>[][] {
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  const start = addDaysToDate(first, 1 - isoWeekday(first));
  const end = addDaysToDate(last, 7 - isoWeekday(last));
  const spans = events.map((event) => ({ event, ...eventDays(event) }));
  const weeks: GridDay<T>[][] = [];
  for (let date = start; date <= end; date = addDaysToDate(date, 1)) {
    if (isoWeekday(date) === 1) weeks.push([]);
    const day = date;
    weeks[weeks.length - 1]?.push({
      date: day,
      inMonth: day >= first && day <= last,
      events: spans.filter((s) => s.first <= day && day <= s.last).map((s) => s.event),
    });
  }
  return weeks;
}
