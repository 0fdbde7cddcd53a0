/**
 * The public events calendar: the list (upcoming or past, paged), one month,
 * and the rows the feeds need. Public means published or cancelled: a
 * cancelled event stays where people saw it, marked, and calendars that
 * subscribed learn of the cancellation. Drafts never leave.
 *
 * Events number in the thousands nationwide, not millions: the status, kind
 * and province indexes each lead to a short walk.
 */
import { and, asc, desc, eq, gt, gte, inArray, isNotNull, lt, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { eventRegistrations, events, provinces } from '../db/schema';
import { HOLDS_BOOTHS } from './registrations/registration-status';
import { countCapped, type ListPage, resolveSlugFilters } from '../search/list-query';
import { addDaysToDate, addMonths, vietnamMidnight } from '../time/vietnam';
import { EVENT_PAGE_SIZE, type EventFilters, type EventTime, effectiveTime } from './calendar-filters';
import { type EventSummary, eventSummaryColumns, toEventSummary } from './upcoming';
import type { EventStatus } from './vocabulary';

export const PUBLIC_EVENT_STATUSES = ['published', 'cancelled'] as const satisfies readonly EventStatus[];

export type EventOrder = 'soonest' | 'latest';
export type EventListPage = ListPage<EventSummary, EventOrder>;

/** Events the cooperative will be at: a pending or confirmed registration (event_registrations_cooperative_idx). */
function eventIdsAttendedBy(db: Database, cooperativeId: string) {
  return db
    .select({ id: eventRegistrations.eventId })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.cooperativeId, cooperativeId), inArray(eventRegistrations.status, HOLDS_BOOTHS)));
}

/** The filters as SQL, with the province slug resolved (an unknown one is an InvalidFilterError). */
async function conditions(
  db: Database,
  filters: Omit<EventFilters, 'page' | 'limit'>,
  now: Date,
  time: EventTime | null,
): Promise<SQL[]> {
  const { province, cooperative } = await resolveSlugFilters(db, {
    province: filters.province,
    cooperative: filters.cooperative,
  });
  const where: SQL[] = [inArray(events.status, PUBLIC_EVENT_STATUSES)];
  if (filters.kind) where.push(eq(events.kind, filters.kind));
  if (province) where.push(eq(events.provinceCode, province));
  if (cooperative) where.push(inArray(events.id, eventIdsAttendedBy(db, cooperative)));
  if (filters.format === 'online') where.push(isNotNull(events.onlineUrl));
  if (filters.format === 'in_person') where.push(isNotNull(events.venue));
  if (filters.from) where.push(gt(events.endsAt, vietnamMidnight(filters.from)));
  if (filters.to) where.push(lt(events.startsAt, vietnamMidnight(addDaysToDate(filters.to, 1))));
  if (time === 'upcoming') where.push(gte(events.endsAt, now));
  if (time === 'past') where.push(lt(events.endsAt, now));
  return where;
}

export async function listCalendarEvents(db: Database, filters: EventFilters, now: Date): Promise<EventListPage> {
  const time = effectiveTime(filters);
  const limit = filters.limit ?? EVENT_PAGE_SIZE;
  const page = filters.page ?? 1;
  const where = and(...(await conditions(db, filters, now, time)));
  const sort: EventOrder = time === 'past' ? 'latest' : 'soonest';
  const order = sort === 'latest' ? [desc(events.startsAt), asc(events.id)] : [asc(events.startsAt), asc(events.id)];
  const [rows, count] = await Promise.all([
    db
      .select(eventSummaryColumns)
      .from(events)
      .leftJoin(provinces, eq(provinces.code, events.provinceCode))
      .where(where)
      .orderBy(...order)
      .limit(limit)
      .offset((page - 1) * limit),
    countCapped(db, sql`FROM ${events} WHERE ${where}`),
  ]);
  return { items: rows.map(toEventSummary), ...count, page, limit, sort };
}

/** A month of a grid shows a few dozen events at most; this bounds a month somebody floods. */
export const MONTH_EVENT_LIMIT = 500;

/** Events running on any day of a month (YYYY-MM), soonest first; `time` and paging do not apply. */
export async function listMonthEvents(
  db: Database,
  filters: Pick<EventFilters, 'kind' | 'province' | 'format'>,
  month: string,
): Promise<EventSummary[]> {
  const where = await conditions(
    db,
    { kind: filters.kind, province: filters.province, format: filters.format },
    new Date(0),
    null,
  );
  where.push(
    gt(events.endsAt, vietnamMidnight(`${month}-01`)),
    lt(events.startsAt, vietnamMidnight(`${addMonths(month, 1)}-01`)),
  );
  const rows = await db
    .select(eventSummaryColumns)
    .from(events)
    .leftJoin(provinces, eq(provinces.code, events.provinceCode))
    .where(and(...where))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(MONTH_EVENT_LIMIT);
  return rows.map(toEventSummary);
}

/** What a calendar entry or a feed item says about an event: its stored columns, and its province by name. */
export type EventFeedEntry = Pick<
  typeof events.$inferSelect,
  | 'id'
  | 'slug'
  | 'kind'
  | 'titleVi'
  | 'titleEn'
  | 'descriptionVi'
  | 'descriptionEn'
  | 'startsAt'
  | 'endsAt'
  | 'allDay'
  | 'venue'
  | 'address'
  | 'onlineUrl'
  | 'organiser'
  | 'status'
  | 'cancelReason'
  | 'revision'
  | 'publishedAt'
  | 'createdAt'
  | 'updatedAt'
> & {
  provinceNameVi: string | null;
  provinceNameEn: string | null;
};

export const feedEntryColumns = {
  id: events.id,
  slug: events.slug,
  kind: events.kind,
  titleVi: events.titleVi,
  titleEn: events.titleEn,
  descriptionVi: events.descriptionVi,
  descriptionEn: events.descriptionEn,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  allDay: events.allDay,
  venue: events.venue,
  address: events.address,
  provinceNameVi: provinces.nameVi,
  provinceNameEn: provinces.nameEn,
  onlineUrl: events.onlineUrl,
  organiser: events.organiser,
  status: events.status,
  cancelReason: events.cancelReason,
  revision: events.revision,
  publishedAt: events.publishedAt,
  createdAt: events.createdAt,
  updatedAt: events.updatedAt,
};

/** A subscribed calendar keeps what it was sent: past events stay this long in the feed by default. */
export const FEED_PAST_DAYS = 90;
export const FEED_EVENT_LIMIT = 1_000;

/**
 * The events of an iCalendar feed, soonest first. Without a time or range the
 * feed also carries the last FEED_PAST_DAYS days, so an event does not vanish
 * from people's calendars the moment it ends.
 */
export async function listFeedEvents(db: Database, filters: EventFilters, now: Date): Promise<EventFeedEntry[]> {
  const explicit = filters.time !== undefined || filters.from !== undefined || filters.to !== undefined;
  const where = await conditions(db, filters, now, explicit ? effectiveTime(filters) : null);
  if (!explicit) where.push(gte(events.endsAt, new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000)));
  return db
    .select(feedEntryColumns)
    .from(events)
    .leftJoin(provinces, eq(provinces.code, events.provinceCode))
    .where(and(...where))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(FEED_EVENT_LIMIT);
}

export const ANNOUNCEMENT_LIMIT = 50;

/** The latest announcements (by publishedAt), newest first: the Atom feed. */
export async function listAnnouncedEvents(db: Database, filters: EventFilters, now: Date): Promise<EventFeedEntry[]> {
  const where = await conditions(db, filters, now, filters.time ?? null);
  return db
    .select(feedEntryColumns)
    .from(events)
    .leftJoin(provinces, eq(provinces.code, events.provinceCode))
    .where(and(...where, isNotNull(events.publishedAt)))
    .orderBy(desc(events.publishedAt), asc(events.id))
    .limit(ANNOUNCEMENT_LIMIT);
}
