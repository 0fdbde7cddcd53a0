/**
 * The filters of the events calendar, shared by /su-kien, GET /api/v1/events
 * and the feeds (events.ics, events.atom), so every one of them accepts
 * exactly the same URLs: a calendar subscription is the page's address with
 * another ending.
 */
import { z } from 'zod';
import { MAX_PAGE, MAX_PAGE_SIZE } from '../products/product-filters';
import type { FieldIssues } from '../errors';
import { optionalParam, slugParam } from '../search/params';
import { isCalendarDate, isCalendarMonth } from '../time/vietnam';
import { EVENT_KINDS } from './vocabulary';

/** In person means a venue; an event with a venue and a link (hybrid) is both. */
export const EVENT_FORMATS = ['in_person', 'online'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** Upcoming: not ended yet (ongoing ones included), soonest first. Past: ended, latest first. */
export const EVENT_TIMES = ['upcoming', 'past'] as const;
export type EventTime = (typeof EVENT_TIMES)[number];

export const CALENDAR_VIEWS = ['list', 'month'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export const EVENT_PAGE_SIZE = 20;

const calendarDate = z.string().refine(isCalendarDate);

export const eventFilterShape = {
  kind: optionalParam(z.enum(EVENT_KINDS)),
  province: optionalParam(slugParam),
  /** A cooperative's slug: the events it takes part in (a confirmed or pending booth registration). */
  cooperative: optionalParam(slugParam),
  format: optionalParam(z.enum(EVENT_FORMATS)),
  /** First day (YYYY-MM-DD, Viet Nam): events still running on or after it. */
  from: optionalParam(calendarDate),
  /** Last day, inclusive: events that have begun by its end. */
  to: optionalParam(calendarDate),
  time: optionalParam(z.enum(EVENT_TIMES)),
  page: optionalParam(z.coerce.number().int().min(1).max(MAX_PAGE)),
  limit: optionalParam(z.coerce.number().int().min(1).max(MAX_PAGE_SIZE)),
};

/** The page adds how to show the events: a list, or one month (YYYY-MM) as a grid. */
export const calendarPageShape = {
  ...eventFilterShape,
  view: optionalParam(z.enum(CALENDAR_VIEWS)),
  month: optionalParam(z.string().refine(isCalendarMonth)),
};

export type EventFilters = {
  [K in keyof typeof eventFilterShape]?: Exclude<z.infer<(typeof eventFilterShape)[K]>, undefined>;
};
export type CalendarPageFilters = {
  [K in keyof typeof calendarPageShape]?: Exclude<z.infer<(typeof calendarPageShape)[K]>, undefined>;
};

/** Rules across fields, reported on the field a person would correct. */
export function checkEventFilters(filters: EventFilters): FieldIssues {
  const issues: FieldIssues = {};
  if (filters.from && filters.to && filters.to < filters.from) issues.to = { code: 'ends_before_start' };
  return issues;
}

/**
 * Which events a list shows when nothing says: upcoming ones. A date range
 * says for itself, so `from`/`to` alone reach into the past too.
 */
export function effectiveTime(filters: Pick<EventFilters, 'time' | 'from' | 'to'>): EventTime | null {
  if (filters.time) return filters.time;
  return filters.from || filters.to ? null : 'upcoming';
}
