/**
 * The events calendar over HTTP: GET /events (JSON, paged), /events.ics
 * (iCalendar feed), /events.atom (newly announced), /events/{slug} and
 * /events/{slug}.ics. The filters are the calendar page's
 * (src/server/events/calendar-filters.ts); an unknown value is a 400 naming
 * the field, never an empty feed that a calendar would silently keep.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { InvalidFilterError } from '../../src/server/errors';
import { ATOM_CONTENT_TYPE, eventsToAtom } from '../../src/server/events/atom';
import {
  listAnnouncedEvents,
  listCalendarEvents,
  listFeedEvents,
  type EventFeedEntry,
} from '../../src/server/events/calendar';
import {
  checkEventFilters,
  EVENT_FORMATS,
  eventFilterShape,
  type EventFilters,
} from '../../src/server/events/calendar-filters';
import { type EventDetail, getPublicEvent } from '../../src/server/events/event-detail';
import { eventsToIcs, ICS_CONTENT_TYPE } from '../../src/server/events/ics';
import { REGISTRATION_STATES } from '../../src/server/events/registration-window';
import { EVENT_KINDS, EVENT_STATUSES } from '../../src/server/events/vocabulary';
import { COUNT_CAP } from '../../src/server/search/list-query';
import { resolveOrigin } from '../../src/server/seo/urls';
import { type ApiEnv, createRouter } from './context';
import { readRenamable, renamedResponse } from './renamed-records';
import { mediaPath } from '../../src/server/media/stored-image';
import { errorSchemaResponse, EventSummarySchema, instant, jsonContent, ProvinceRefSchema } from './schemas';

export const EventPageSchema = z
  .object({
    items: z.array(EventSummarySchema),
    total: z
      .number()
      .int()
      .openapi({ description: `Matching events, exact up to ${COUNT_CAP}.` }),
    totalIsCapped: z.boolean(),
    page: z.number().int(),
    limit: z.number().int(),
    sort: z.enum(['soonest', 'latest']).openapi({ description: 'latest for time=past, soonest otherwise.' }),
  })
  .openapi('EventPage');

export const EventDetailSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    kind: z.enum(EVENT_KINDS),
    titleVi: z.string(),
    titleEn: z.string(),
    descriptionVi: z.string(),
    descriptionEn: z.string(),
    startsAt: instant,
    endsAt: instant,
    allDay: z.boolean(),
    venue: z.string().nullable(),
    address: z.string().nullable(),
    province: ProvinceRefSchema.nullable(),
    onlineUrl: z.string().nullable().openapi({ format: 'uri' }),
    organiser: z.string(),
    registrationOpensAt: instant.nullable(),
    registrationClosesAt: instant.nullable(),
    boothCapacity: z.number().int().nullable(),
    boothsLeft: z.number().int().nullable(),
    registration: z.enum(REGISTRATION_STATES).openapi({ description: 'Whether booth registration is open now.' }),
    status: z.enum(EVENT_STATUSES),
    cancelReason: z.string().nullable(),
    revision: z.number().int().openapi({ description: 'Increases with every published change (iCalendar SEQUENCE).' }),
    publishedAt: instant.nullable(),
    updatedAt: instant,
    ended: z.boolean(),
    image: z.string().nullable().openapi({
      description:
        'The cover picture officers uploaded: the path of its largest variant (WebP, at most 1600 px), or null.',
      example: '/media/abcdefghijklmnopqrstuvwxyz234567/1600.webp',
    }),
    participants: z.array(
      z
        .object({
          cooperative: z.object({
            slug: z.string(),
            name: z.string(),
            provinceNameVi: z.string(),
            provinceNameEn: z.string(),
          }),
          booths: z.number().int(),
          boothLabel: z
            .string()
            .nullable()
            .openapi({ description: 'The stand assigned by the organisers, e.g. "A12".' }),
          products: z.array(z.object({ slug: z.string(), nameVi: z.string(), nameEn: z.string() })),
        })
        .openapi('EventParticipant'),
    ),
  })
  .openapi('EventDetail');

const badRequest = errorSchemaResponse('A filter value is malformed or names nothing');
const notFound = errorSchemaResponse('No public event has this slug');

/** The feeds take the list's filters; paging does not apply to them. */
const { page: _page, limit: _limit, ...feedFilterShape } = eventFilterShape;

const filterDescription =
  `Filters: kind (${EVENT_KINDS.join(', ')}), province (slug), cooperative (slug: events it has a pending or confirmed booth at), format (${EVENT_FORMATS.join(', ')}), ` +
  'from/to (YYYY-MM-DD in Viet Nam: events running on any day of the range), time (upcoming: not ended yet; past). ' +
  'Without time or a range, lists show upcoming events.';

const listRoute = createRoute({
  method: 'get',
  path: '/events',
  operationId: 'listEvents',
  tags: ['Events'],
  summary: 'Published and cancelled events, filtered and paged',
  description: filterDescription,
  request: { query: z.object(eventFilterShape) },
  responses: { 200: jsonContent('A page of events', EventPageSchema), 400: badRequest },
});

const icsFeedRoute = createRoute({
  method: 'get',
  path: '/events.ics',
  operationId: 'getEventsCalendar',
  tags: ['Events'],
  summary: 'iCalendar feed (RFC 5545) of the events, for calendar subscriptions',
  description:
    `${filterDescription} Without time or a range the feed holds events that ended up to 90 days ago and all later ones. ` +
    'UIDs are stable (event id @ host), SEQUENCE follows each revision, cancelled events are STATUS:CANCELLED; timed events are in UTC, all-day ones are VALUE=DATE. ' +
    'Texts follow `?lang=vi|en`.',
  request: { query: z.object(feedFilterShape) },
  responses: {
    200: { description: 'The calendar', content: { 'text/calendar': { schema: z.string() } } },
    400: badRequest,
  },
});

const atomRoute = createRoute({
  method: 'get',
  path: '/events.atom',
  operationId: 'getEventsFeed',
  tags: ['Events'],
  summary: 'Atom feed of the 50 most recently announced events',
  description: `${filterDescription} Here no time applies unless given.`,
  request: { query: z.object(feedFilterShape) },
  responses: {
    200: { description: 'The feed', content: { 'application/atom+xml': { schema: z.string() } } },
    400: badRequest,
  },
});

const slugParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'slug', in: 'path' }, example: 'phien-cho-ocop' }),
});

const detailRoute = createRoute({
  method: 'get',
  path: '/events/{slug}',
  operationId: 'getEvent',
  tags: ['Events'],
  summary: 'A published or cancelled event with its registration window and confirmed cooperatives',
  request: { params: slugParams },
  responses: { 200: jsonContent('The event', EventDetailSchema), 301: renamedResponse, 404: notFound },
});

function origin(c: Context<ApiEnv>): string {
  return resolveOrigin(c.env?.PUBLIC_ORIGIN, new URL(c.req.url));
}

/** Cross-field rules the zod shape cannot see (from after to) are a 400 too. */
function checked<F extends EventFilters>(filters: F): F {
  const issues = checkEventFilters(filters);
  if (Object.keys(issues).length > 0) throw new InvalidFilterError(issues);
  return filters;
}

function calendarResponse(body: string, filename: string, disposition: 'inline' | 'attachment') {
  return new Response(body, {
    headers: {
      'Content-Type': ICS_CONTENT_TYPE,
      'Content-Disposition': `${disposition}; filename="${filename}"`,
      // Calendar clients poll; a few minutes of caching spares the database without hiding a change for long.
      'Cache-Control': 'public, max-age=300',
    },
  });
}

function feedEntryOf(e: EventDetail): EventFeedEntry {
  return {
    ...e,
    provinceNameVi: e.province?.nameVi ?? null,
    provinceNameEn: e.province?.nameEn ?? null,
  };
}

const router = createRouter();

// /events/{slug}.ics is routed by hand: Hono reads ":slug.ics" as one parameter name, so the
// OpenAPI route cannot express it. It is documented below and registered before /events/{slug}.
router.openAPIRegistry.registerPath({
  method: 'get',
  path: '/events/{slug}.ics',
  operationId: 'getEventCalendar',
  tags: ['Events'],
  summary: 'One event as an iCalendar file, for "add to calendar"',
  request: { params: slugParams },
  responses: {
    200: { description: 'The event', content: { 'text/calendar': { schema: z.string() } } },
    301: renamedResponse,
    404: notFound,
  },
});
router.get('/events/:file{[^/]+\\.ics}', async (c) => {
  const slug = c.req.param('file').slice(0, -'.ics'.length);
  const event = await readRenamable(c, 'event', slug, (db, held) => getPublicEvent(db, held, new Date()));
  if (event instanceof Response) return event;
  return calendarResponse(
    eventsToIcs([feedEntryOf(event)], { origin: origin(c), locale: c.get('locale') }),
    `${event.slug}.ics`,
    'attachment',
  );
});

export const events = router
  .openapi(icsFeedRoute, async (c) => {
    const filters = checked(c.req.valid('query'));
    const entries = await listFeedEvents(c.get('db'), filters, new Date());
    return calendarResponse(
      eventsToIcs(entries, { origin: origin(c), locale: c.get('locale') }),
      'cho-htx-su-kien.ics',
      'inline',
    );
  })
  .openapi(atomRoute, async (c) => {
    const filters = checked(c.req.valid('query'));
    const entries = await listAnnouncedEvents(c.get('db'), filters, new Date());
    const selfUrl = new URL(c.req.url);
    const xml = eventsToAtom(entries, {
      origin: origin(c),
      locale: c.get('locale'),
      selfUrl: `${origin(c)}${selfUrl.pathname}${selfUrl.search}`,
    });
    return new Response(xml, {
      headers: { 'Content-Type': ATOM_CONTENT_TYPE, 'Cache-Control': 'public, max-age=300' },
    });
  })
  .openapi(listRoute, async (c) => {
    const page = await listCalendarEvents(c.get('db'), checked(c.req.valid('query')), new Date());
    return c.json(EventPageSchema.encode(page), 200);
  })
  .openapi(detailRoute, async (c) => {
    const event = await readRenamable(c, 'event', c.req.valid('param').slug, (db, slug) =>
      getPublicEvent(db, slug, new Date()),
    );
    if (event instanceof Response) return event;
    const image = event.cover ? mediaPath(event.cover.id, 1600) : null;
    return c.json(EventDetailSchema.encode({ ...event, image }), 200);
  });
