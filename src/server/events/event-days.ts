/**
 * Which calendar days an event covers in Viet Nam. An all-day event is stored
 * from local midnight to the local midnight after its last day (the end is
 * exclusive, as in iCalendar), so its last day is the day before `endsAt`; a
 * timed event that ends at midnight has not touched the next day either.
 */
import { vietnamDate } from '../time/vietnam';

export interface EventTiming {
  startsAt: Date;
  endsAt: Date;
  allDay: boolean;
}

export interface EventDays {
  /** First day, YYYY-MM-DD in Viet Nam. */
  first: string;
  /** Last day, inclusive. */
  last: string;
}

export function eventDays({ startsAt, endsAt }: EventTiming): EventDays {
  const lastInstant = endsAt.getTime() > startsAt.getTime() ? new Date(endsAt.getTime() - 1) : endsAt;
  return { first: vietnamDate(startsAt), last: vietnamDate(lastInstant) };
}

export function eventCoversDay(event: EventTiming, date: string): boolean {
  const { first, last } = eventDays(event);
  return first <= date && date <= last;
}
