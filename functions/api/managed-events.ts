/**
 * Trade officers' (and admins') events over HTTP: every event, drafts
 * included, under /managed-events; create one or a recurring series, edit,
 * publish, cancel with a reason, duplicate. The public reads stay under
 * /events. Bodies are checked by the rules the dashboard's forms use
 * (src/server/events/event-input.ts), so both name the same fields.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { eventInputFromFields, MAX_BOOTHS } from '../../src/server/events/event-input';
import { requireOfficer } from '../../src/server/accounts/guards';
import { createEvent, duplicateEvent } from '../../src/server/events/event-admin/create-event';
import { updateEvent } from '../../src/server/events/event-admin/edit-event';
import { createEventSeries, planEventSeries } from '../../src/server/events/event-admin/event-series';
import { findManagedEvent, type ManagedEvent, managedEventInput } from '../../src/server/events/event-admin/managed-event';
import { listManagedEvents, MANAGED_PAGE_SIZE, type ManagedEventRow } from '../../src/server/events/event-admin/managed-list';
import { CANCEL_REASON_MAX, cancelEvent, deleteDraftEvent, publishEvent } from '../../src/server/events/event-admin/status-changes';
import { MAX_OCCURRENCES } from '../../src/server/events/recurrence';
import { EVENT_KINDS, EVENT_STATUSES } from '../../src/server/events/vocabulary';
import { dictionary } from '../../src/i18n';
import { createMiddleware } from 'hono/factory';
import { type ApiEnv, createRouter } from './context';
import { errorSchemaResponses, instant, isoDate } from './schemas';

const errorDescriptions: Record<number, string> = {
  400: 'A query value is malformed',
  401: 'Not signed in',
  403: 'Not a trade officer or admin, or a cross-origin request',
  404: 'No event has this slug',
  409: 'The event’s status does not allow this (e.g. editing a cancelled event, cancelling a draft), or another officer changed it meanwhile (see fields.status)',
  422: 'Invalid fields, each with a message (e.g. `endDate`, `registrationCloses`, `boothCapacity`, `recurrence.count`)',
};
const errors = (...statuses: number[]) => errorSchemaResponses(errorDescriptions, ...statuses);
const tags = ['Managing events'];

const localDateTime = z.string().openapi({ example: '2026-12-01T08:00', description: 'Wall-clock time in Viet Nam, YYYY-MM-DDTHH:mm.' });
const clock = z.string().openapi({ example: '08:00', description: 'HH:mm in Viet Nam.' });

/*
 * What an officer sends. Loose on purpose: the domain's schema names every
 * problem at once, across fields (end before start, registration closing
 * after the start, an unknown province), which a shape check alone cannot.
 */
const eventInputFields = {
  kind: z.enum(EVENT_KINDS),
  titleVi: z.string().openapi({ description: '3 to 200 characters.', example: 'Phiên chợ OCOP tháng 12' }),
  titleEn: z.string().optional(),
  descriptionVi: z.string().optional(),
  descriptionEn: z.string().optional(),
  allDay: z.boolean().optional().openapi({ description: 'Whole days in Viet Nam; startTime and endTime are then not used.' }),
  startDate: isoDate.openapi({ description: 'First day (Viet Nam).' }),
  endDate: isoDate.openapi({ description: 'Last day, inclusive; the same as startDate for a one-day event.' }),
  startTime: clock.optional().openapi({ description: 'Required unless allDay.' }),
  endTime: clock.optional().openapi({ description: 'Required unless allDay; after the start.' }),
  venue: z.string().optional().openapi({ description: 'Venue of an event in person; then address and provinceCode are required. A venue or onlineUrl (or both) is needed.' }),
  address: z.string().optional(),
  provinceCode: z.string().optional().openapi({ description: 'GSO code of one of the 34 provinces.', example: '01' }),
  onlineUrl: z.string().optional().openapi({ format: 'uri' }),
  organiser: z.string(),
  registrationOpens: localDateTime.optional(),
  registrationCloses: localDateTime.optional().openapi({ description: 'After registrationOpens and no later than the start.' }),
  boothCapacity: z.number().int().optional().openapi({ minimum: 1, maximum: MAX_BOOTHS, description: 'Booths for cooperatives; never below the booths registrations already hold.' }),
};
const EventInputSchema = z.looseObject(eventInputFields).openapi('EventInput');

const RecurrenceSchema = z
  .looseObject({
    frequency: z.enum(['weekly', 'monthly_weekday', 'monthly_day']),
    interval: z.number().int().optional().openapi({ description: 'weekly: every 1-4 weeks (default 1), on the first event’s weekday.' }),
    ordinal: z.number().int().optional().openapi({ description: 'monthly_weekday: 1-4, or -1 for the last.' }),
    weekday: z.number().int().optional().openapi({ description: 'monthly_weekday: 1 Monday … 7 Sunday.' }),
    day: z.number().int().optional().openapi({ description: 'monthly_day: 1-31; months without that day are skipped.' }),
    count: z.number().int().optional().openapi({ description: `How many events (1-${MAX_OCCURRENCES}); give count or until.` }),
    until: isoDate.optional().openapi({ description: `Last possible day, inclusive; at most ${MAX_OCCURRENCES} events.` }),
  })
  .openapi('EventRecurrence');

const publishFlag = z.boolean().optional().openapi({ description: 'Publish at once; a draft (not public) otherwise.' });
const CreateBody = z.looseObject({ ...eventInputFields, publish: publishFlag }).openapi('EventCreateRequest');
const SeriesBody = z
  .looseObject({ ...eventInputFields, recurrence: RecurrenceSchema, publish: publishFlag })
  .openapi('EventSeriesRequest', { description: 'The first event’s fields and the rule; each date gets a separate event (days, times and registration window moved together).' });
const CancelBody = z.object({ reason: z.string().openapi({ description: `5 to ${CANCEL_REASON_MAX} characters; shown publicly and in calendars.` }) }).openapi('EventCancelRequest');

const ManagedEventSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    status: z.enum(EVENT_STATUSES).openapi({ description: 'draft (not public), published, cancelled (public, with its reason).' }),
    cancelReason: z.string().nullable(),
    revision: z.number().int().openapi({ description: 'iCalendar SEQUENCE: raised by every change to a published event.' }),
    seriesId: z.string().nullable(),
    publishedAt: instant.nullable(),
    boothsTaken: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
    input: EventInputSchema.openapi({ description: 'The fields as a PUT takes them back.' }),
  })
  .openapi('ManagedEvent');

const ManagedEventRowSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    status: z.enum(EVENT_STATUSES),
    kind: z.enum(EVENT_KINDS),
    titleVi: z.string(),
    titleEn: z.string(),
    startsAt: instant,
    endsAt: instant,
    allDay: z.boolean(),
    revision: z.number().int(),
    seriesId: z.string().nullable(),
    boothCapacity: z.number().int().nullable(),
    boothsTaken: z.number().int(),
    registrations: z.object({ pending: z.number().int(), confirmed: z.number().int(), waitlisted: z.number().int(), declined: z.number().int(), withdrawn: z.number().int() }),
  })
  .openapi('ManagedEventRow');

const ManagedListSchema = z
  .object({
    items: z.array(ManagedEventRowSchema),
    total: z.number().int(),
    totalIsCapped: z.boolean(),
    page: z.number().int(),
    limit: z.number().int(),
  })
  .openapi('ManagedEventList');

const SeriesSchema = z.object({ seriesId: z.string(), items: z.array(ManagedEventSchema) }).openapi('EventSeries');
const PreviewSchema = z
  .object({ dates: z.array(z.object({ startsAt: instant, endsAt: instant, startDate: isoDate, endDate: isoDate })) })
  .openapi('EventSeriesPreview');

const slugParams = z.object({ slug: z.string().min(1).max(200).openapi({ param: { name: 'slug', in: 'path' }, example: 'phien-cho-ocop-thang-12' }) });
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const managedContent = { 'application/json': { schema: ManagedEventSchema } };
const ok = (description: string) => ({ 200: { description, content: managedContent } });
const created = (description: string) => ({ 201: { description, content: managedContent } });

const listRoute = createRoute({
  method: 'get',
  path: '/managed-events',
  tags,
  summary: 'Every event, drafts included (trade officers)',
  description: `Latest start first, ${MANAGED_PAGE_SIZE} a page, with registration counts.`,
  request: {
    query: z.object({
      status: z.enum(EVENT_STATUSES).optional(),
      page: z.coerce.number().int().min(1).max(1000).optional(),
    }),
  },
  responses: { 200: { description: 'A page of events', content: { 'application/json': { schema: ManagedListSchema } } }, ...errors(400, 401, 403) },
});

const createEventRoute = createRoute({
  method: 'post',
  path: '/managed-events',
  tags,
  summary: 'Create an event (a draft unless publish)',
  description: 'Written with its audit entry.',
  request: json(CreateBody),
  responses: { ...created('Created'), ...errors(401, 403, 422) },
});

const seriesRoute = createRoute({
  method: 'post',
  path: '/managed-events/series',
  tags,
  summary: 'Create a recurring series as separate dated events',
  description: `At most ${MAX_OCCURRENCES} events, sharing a series id, written together (all or none), each with its audit entry.`,
  request: json(SeriesBody),
  responses: { 201: { description: 'Created', content: { 'application/json': { schema: SeriesSchema } } }, ...errors(401, 403, 422) },
});

const previewRoute = createRoute({
  method: 'post',
  path: '/managed-events/series/preview',
  tags,
  summary: 'The dates a series would have (writes nothing)',
  request: json(SeriesBody),
  responses: { 200: { description: 'The dates', content: { 'application/json': { schema: PreviewSchema } } }, ...errors(401, 403, 422) },
});

const readRoute = createRoute({
  method: 'get',
  path: '/managed-events/{slug}',
  tags,
  summary: 'An event in any status, with its fields as they are edited',
  request: { params: slugParams },
  responses: { ...ok('The event'), ...errors(401, 403, 404) },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/managed-events/{slug}',
  tags,
  summary: 'Edit a draft or published event',
  description: 'Replaces every field. A published event’s revision goes up. The booth capacity cannot go below the booths already taken (422 on boothCapacity). A cancelled event is not edited (409).',
  request: { params: slugParams, ...json(EventInputSchema) },
  responses: { ...ok('Saved'), ...errors(401, 403, 404, 409, 422) },
});

const publishRoute = createRoute({
  method: 'post',
  path: '/managed-events/{slug}/publish',
  tags,
  summary: 'Publish a draft',
  description: 'It then appears in the calendar, the feeds and the sitemap. 409 unless a draft.',
  request: { params: slugParams },
  responses: { ...ok('Published'), ...errors(401, 403, 404, 409) },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/managed-events/{slug}/cancel',
  tags,
  summary: 'Cancel a published event, with a reason',
  description: 'It stays public, marked, with the reason; calendars get STATUS:CANCELLED with a higher SEQUENCE. 409 unless published.',
  request: { params: slugParams, ...json(CancelBody) },
  responses: { ...ok('Cancelled'), ...errors(401, 403, 404, 409, 422) },
});

const duplicateRoute = createRoute({
  method: 'post',
  path: '/managed-events/{slug}/duplicate',
  tags,
  summary: 'Copy an event into a new draft',
  description: 'Same fields, title marked as a copy; no registrations, no series.',
  request: { params: slugParams },
  responses: { ...created('The copy'), ...errors(401, 403, 404) },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/managed-events/{slug}',
  tags,
  summary: 'Delete a draft',
  description: 'For a draft nobody outside the department has seen. 409 for a published or cancelled event: cancel it instead, it stays public.',
  request: { params: slugParams },
  responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404, 409) },
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

function managedJson(event: ManagedEvent): z.infer<typeof ManagedEventSchema> {
  return {
    id: event.id,
    slug: event.slug,
    status: event.status,
    cancelReason: event.cancelReason,
    revision: event.revision,
    seriesId: event.seriesId,
    publishedAt: iso(event.publishedAt),
    boothsTaken: event.boothsTaken,
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
    // The input's own fields; the schema is loose only so that unknown fields reach the domain's rules.
    input: managedEventInput(event) as z.infer<typeof EventInputSchema>,
  };
}

function rowJson(row: ManagedEventRow): z.infer<typeof ManagedEventRowSchema> {
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    kind: row.kind,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    allDay: row.allDay,
    revision: row.revision,
    seriesId: row.seriesId,
    boothCapacity: row.boothCapacity,
    boothsTaken: row.boothsTaken,
    registrations: row.registrations,
  };
}

/** The body without `publish`, which is an instruction, not a field of the event. */
function splitPublish(body: Record<string, unknown>): { publish: boolean; input: Record<string, unknown> } {
  const { publish, ...input } = body;
  return { publish: publish === true, input };
}

/** Officers only, before a body is even validated: anyone else learns nothing about the rules (401/403, not 422). */
const officersOnly = createMiddleware<ApiEnv>(async (c, next) => {
  requireOfficer(c.get('user'));
  await next();
  c.header('Cache-Control', 'private, no-store');
});

const router = createRouter();
router.use('/managed-events', officersOnly);
router.use('/managed-events/*', officersOnly);

export const managedEvents = router
  .openapi(listRoute, async (c) => {
    const page = await listManagedEvents(c.get('db'), c.get('user'), c.req.valid('query'));
    return c.json({ items: page.items.map(rowJson), total: page.total, totalIsCapped: page.totalIsCapped, page: page.page, limit: page.limit }, 200);
  })
  .openapi(seriesRoute, async (c) => {
    const { publish, input } = splitPublish(c.req.valid('json'));
    const series = await createEventSeries(c.get('db'), c.get('user'), input, { publish, now: new Date() });
    return c.json({ seriesId: series.seriesId, items: series.events.map(managedJson) }, 201);
  })
  .openapi(previewRoute, async (c) => {
    const { input } = splitPublish(c.req.valid('json'));
    const plan = await planEventSeries(c.get('db'), c.get('user'), input);
    const dates = plan.occurrences.map((fields) => {
      const days = eventInputFromFields(fields);
      return { startsAt: fields.startsAt.toISOString(), endsAt: fields.endsAt.toISOString(), startDate: days.startDate, endDate: days.endDate };
    });
    return c.json({ dates }, 200);
  })
  .openapi(createEventRoute, async (c) => {
    const { publish, input } = splitPublish(c.req.valid('json'));
    const event = await createEvent(c.get('db'), c.get('user'), input, { publish, now: new Date() });
    return c.json(managedJson(event), 201);
  })
  .openapi(readRoute, async (c) => {
    return c.json(managedJson(await findManagedEvent(c.get('db'), c.get('user'), c.req.valid('param').slug)), 200);
  })
  .openapi(updateRoute, async (c) => {
    const event = await updateEvent(c.get('db'), c.get('user'), c.req.valid('param').slug, c.req.valid('json'), { now: new Date() });
    return c.json(managedJson(event), 200);
  })
  .openapi(publishRoute, async (c) => {
    return c.json(managedJson(await publishEvent(c.get('db'), c.get('user'), c.req.valid('param').slug, new Date())), 200);
  })
  .openapi(cancelRoute, async (c) => {
    const event = await cancelEvent(c.get('db'), c.get('user'), c.req.valid('param').slug, c.req.valid('json'), new Date());
    return c.json(managedJson(event), 200);
  })
  .openapi(deleteRoute, async (c) => {
    await deleteDraftEvent(c.get('db'), c.get('user'), c.req.valid('param').slug, new Date());
    return c.body(null, 204);
  })
  .openapi(duplicateRoute, async (c) => {
    const suffix = dictionary(c.get('locale')).eventAdmin.copySuffix;
    return c.json(managedJson(await duplicateEvent(c.get('db'), c.get('user'), c.req.valid('param').slug, suffix, new Date())), 201);
  });
