/**
 * Trade officers' (and admins') events over HTTP: every event, drafts
 * included, under /managed-events; create one or a recurring series, edit,
 * publish, cancel with a reason, duplicate. The public reads stay under
 * /events. Bodies are checked by the rules the dashboard's forms use
 * (src/server/events/event-input.ts), so both name the same fields.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { eventInputFromFields, eventInputObject } from '../../src/server/events/event-input';
import { officersOnly } from './session';
import { createEvent, duplicateEvent } from '../../src/server/events/event-admin/create-event';
import { updateEvent } from '../../src/server/events/event-admin/edit-event';
import { createEventSeries, planEventSeries } from '../../src/server/events/event-admin/event-series';
import {
  findManagedEvent,
  type ManagedEvent,
  managedEventInput,
} from '../../src/server/events/event-admin/managed-event';
import { listManagedEvents, MANAGED_PAGE_SIZE } from '../../src/server/events/event-admin/managed-list';
import {
  CANCEL_REASON_MAX,
  cancelEvent,
  cancelInputSchema,
  deleteDraftEvent,
  publishEvent,
} from '../../src/server/events/event-admin/status-changes';
import { MAX_OCCURRENCES, recurrenceRuleSchema } from '../../src/server/events/recurrence';
import { EVENT_KINDS, EVENT_STATUSES } from '../../src/server/events/vocabulary';
import { dictionary } from '../../src/i18n';
import { createMiddleware } from 'hono/factory';
import { type ApiEnv, createRouter } from './context';
import { jsonBody } from './json-body';
import { domainBody, signedIn } from './openapi';
import { errorSchemaResponses, instant, isoDate } from './schemas';
import { configuredOrigin } from '../../src/server/seo/urls';
import { executionContextOf, sendEventAfterResponse } from '../after-response';

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

const publish = z.boolean().optional().meta({ description: 'Publish at once; a draft (not public) otherwise.' });
/** `publish` is an instruction, not a field of the event: the router takes it off before the verb sees the rest. */
const CreateBody = eventInputObject.extend({ publish }).meta({ id: 'EventCreateRequest' });
const SeriesBody = eventInputObject.extend({ recurrence: recurrenceRuleSchema, publish }).meta({
  id: 'EventSeriesRequest',
  description:
    'The first event’s fields and the rule; each date gets a separate event (days, times and registration window moved together).',
});
const CancelBody = cancelInputSchema.meta({
  id: 'EventCancelRequest',
  description: `reason: 5 to ${CANCEL_REASON_MAX} characters; shown publicly and in calendars.`,
});

/** A managed event's own record; `input` (below) is its fields as the form and a PUT take them. */
const ManagedEventRecord = z.object({
  id: z.string(),
  slug: z.string(),
  status: z
    .enum(EVENT_STATUSES)
    .openapi({ description: 'draft (not public), published, cancelled (public, with its reason).' }),
  cancelReason: z.string().nullable(),
  revision: z
    .number()
    .int()
    .openapi({ description: 'iCalendar SEQUENCE: raised by every change to a published event.' }),
  seriesId: z.string().nullable(),
  publishedAt: instant.nullable(),
  boothsTaken: z.number().int(),
  createdAt: instant,
  updatedAt: instant,
});

export const ManagedEventSchema = ManagedEventRecord.extend({ input: eventInputObject }).openapi('ManagedEvent');

export const ManagedEventRowSchema = z
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
    registrations: z.object({
      pending: z.number().int(),
      confirmed: z.number().int(),
      waitlisted: z.number().int(),
      declined: z.number().int(),
      withdrawn: z.number().int(),
    }),
  })
  .openapi('ManagedEventRow');

export const ManagedListSchema = z
  .object({
    items: z.array(ManagedEventRowSchema),
    total: z.number().int(),
    totalIsCapped: z.boolean(),
    page: z.number().int(),
    limit: z.number().int(),
  })
  .openapi('ManagedEventList');

export const SeriesSchema = z
  .object({ seriesId: z.string(), items: z.array(ManagedEventSchema) })
  .openapi('EventSeries');
export const PreviewSchema = z
  .object({ dates: z.array(z.object({ startsAt: instant, endsAt: instant, startDate: isoDate, endDate: isoDate })) })
  .openapi('EventSeriesPreview');

const slugParams = z.object({
  slug: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'slug', in: 'path' }, example: 'phien-cho-ocop-thang-12' }),
});
const managedContent = { 'application/json': { schema: ManagedEventSchema } };
const ok = (description: string) => ({ 200: { description, content: managedContent } });
const created = (description: string) => ({ 201: { description, content: managedContent } });

const listRoute = createRoute({
  method: 'get',
  path: '/managed-events',
  operationId: 'listManagedEvents',
  security: signedIn,
  tags,
  summary: 'Every event, drafts included (trade officers)',
  description: `Latest start first, ${MANAGED_PAGE_SIZE} a page, with registration counts.`,
  request: {
    query: z.object({
      status: z.enum(EVENT_STATUSES).optional(),
      page: z.coerce.number().int().min(1).max(1000).optional(),
    }),
  },
  responses: {
    200: { description: 'A page of events', content: { 'application/json': { schema: ManagedListSchema } } },
    ...errors(400, 401, 403),
  },
});

const createEventRoute = createRoute({
  method: 'post',
  path: '/managed-events',
  operationId: 'createEvent',
  security: signedIn,
  tags,
  summary: 'Create an event (a draft unless publish)',
  description: 'Written with its audit entry.',
  middleware: [jsonBody()],
  request: { body: domainBody(CreateBody) },
  responses: { ...created('Created'), ...errors(401, 403, 422) },
});

const seriesRoute = createRoute({
  method: 'post',
  path: '/managed-events/series',
  operationId: 'createEventSeries',
  security: signedIn,
  tags,
  summary: 'Create a recurring series as separate dated events',
  description: `At most ${MAX_OCCURRENCES} events, sharing a series id, written together (all or none), each with its audit entry.`,
  middleware: [jsonBody()],
  request: { body: domainBody(SeriesBody) },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: SeriesSchema } } },
    ...errors(401, 403, 422),
  },
});

const previewRoute = createRoute({
  method: 'post',
  path: '/managed-events/series/preview',
  operationId: 'previewEventSeries',
  security: signedIn,
  tags,
  summary: 'The dates a series would have (writes nothing)',
  middleware: [jsonBody()],
  request: { body: domainBody(SeriesBody) },
  responses: {
    200: { description: 'The dates', content: { 'application/json': { schema: PreviewSchema } } },
    ...errors(401, 403, 422),
  },
});

const readRoute = createRoute({
  method: 'get',
  path: '/managed-events/{slug}',
  operationId: 'getManagedEvent',
  security: signedIn,
  tags,
  summary: 'An event in any status, with its fields as they are edited',
  request: { params: slugParams },
  responses: { ...ok('The event'), ...errors(401, 403, 404) },
});

const updateRoute = createRoute({
  method: 'put',
  path: '/managed-events/{slug}',
  operationId: 'updateEvent',
  security: signedIn,
  tags,
  summary: 'Edit a draft or published event',
  description:
    'Replaces every field. A published event’s revision goes up. The booth capacity cannot go below the booths already taken (422 on boothCapacity). A cancelled event is not edited (409).',
  middleware: [jsonBody()],
  request: { params: slugParams, body: domainBody(eventInputObject) },
  responses: { ...ok('Saved'), ...errors(401, 403, 404, 409, 422) },
});

const publishRoute = createRoute({
  method: 'post',
  path: '/managed-events/{slug}/publish',
  operationId: 'publishEvent',
  security: signedIn,
  tags,
  summary: 'Publish a draft',
  description: 'It then appears in the calendar, the feeds and the sitemap. 409 unless a draft.',
  request: { params: slugParams },
  responses: { ...ok('Published'), ...errors(401, 403, 404, 409) },
});

const cancelRoute = createRoute({
  method: 'post',
  path: '/managed-events/{slug}/cancel',
  operationId: 'cancelEvent',
  security: signedIn,
  tags,
  summary: 'Cancel a published event, with a reason',
  description:
    'It stays public, marked, with the reason; calendars get STATUS:CANCELLED with a higher SEQUENCE. 409 unless published.',
  middleware: [jsonBody()],
  request: { params: slugParams, body: domainBody(CancelBody) },
  responses: { ...ok('Cancelled'), ...errors(401, 403, 404, 409, 422) },
});

const duplicateRoute = createRoute({
  method: 'post',
  path: '/managed-events/{slug}/duplicate',
  operationId: 'duplicateEvent',
  security: signedIn,
  tags,
  summary: 'Copy an event into a new draft',
  description:
    'Same fields, title marked as a copy, and a copy of its cover (an image of its own); no registrations, no series.',
  request: { params: slugParams },
  responses: { ...created('The copy'), ...errors(401, 403, 404) },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/managed-events/{slug}',
  operationId: 'deleteDraftEvent',
  security: signedIn,
  tags,
  summary: 'Delete a draft',
  description:
    'For a draft nobody outside the department has seen. 409 for a published or cancelled event: cancel it instead, it stays public.',
  request: { params: slugParams },
  responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404, 409) },
});

/** The record as the schema writes it, and the fields as the edit form holds them (the domain's own view of them). */
function managedJson(event: ManagedEvent) {
  return { ...ManagedEventRecord.encode(event), input: managedEventInput(event) };
}

/** The body without `publish`, which is an instruction, not a field of the event. */
function splitPublish(body: unknown): { publish: boolean; input: Record<string, unknown> } {
  const { publish, ...input } = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return { publish: publish === true, input };
}

/** Officers only, before a body is even validated: anyone else learns nothing about the rules (401/403, not 422). */
/** The officers' answers are theirs alone: no cache keeps them. */
const privateAnswers = createMiddleware<ApiEnv>(async (c, next) => {
  await next();
  c.header('Cache-Control', 'private, no-store');
});

const router = createRouter();
router.use('/managed-events', officersOnly, privateAnswers);
router.use('/managed-events/*', officersOnly, privateAnswers);

export const managedEvents = router
  .openapi(listRoute, async (c) => {
    const page = await listManagedEvents(c.get('db'), c.get('user'), c.req.valid('query'));
    return c.json(ManagedListSchema.encode(page), 200);
  })
  .openapi(seriesRoute, async (c) => {
    const { publish, input } = splitPublish(await c.req.json());
    const series = await createEventSeries(c.get('db'), c.get('user'), input, { publish, now: new Date() });
    return c.json({ seriesId: series.seriesId, items: series.events.map(managedJson) }, 201);
  })
  .openapi(previewRoute, async (c) => {
    const { input } = splitPublish(await c.req.json());
    const plan = await planEventSeries(c.get('db'), c.get('user'), input);
    const dates = plan.occurrences.map((fields) => {
      const days = eventInputFromFields(fields);
      return {
        startsAt: fields.startsAt.toISOString(),
        endsAt: fields.endsAt.toISOString(),
        startDate: days.startDate,
        endDate: days.endDate,
      };
    });
    return c.json({ dates }, 200);
  })
  .openapi(createEventRoute, async (c) => {
    const { publish, input } = splitPublish(await c.req.json());
    const event = await createEvent(c.get('db'), c.get('user'), input, { publish, now: new Date() });
    return c.json(managedJson(event), 201);
  })
  .openapi(readRoute, async (c) => {
    return c.json(managedJson(await findManagedEvent(c.get('db'), c.get('user'), c.req.valid('param').slug)), 200);
  })
  .openapi(updateRoute, async (c) => {
    const db = c.get('db');
    const { notificationEvent, ...event } = await updateEvent(
      db,
      c.get('user'),
      c.req.valid('param').slug,
      await c.req.json(),
      { now: new Date(), mailOrigin: configuredOrigin(c.env?.PUBLIC_ORIGIN) },
    );
    sendEventAfterResponse(executionContextOf(c), c.get('services'), db, notificationEvent);
    return c.json(managedJson(event), 200);
  })
  .openapi(publishRoute, async (c) => {
    return c.json(
      managedJson(await publishEvent(c.get('db'), c.get('user'), c.req.valid('param').slug, new Date())),
      200,
    );
  })
  .openapi(cancelRoute, async (c) => {
    const db = c.get('db');
    const { notificationEvent, ...event } = await cancelEvent(
      db,
      c.get('user'),
      c.req.valid('param').slug,
      await c.req.json(),
      new Date(),
      configuredOrigin(c.env?.PUBLIC_ORIGIN),
    );
    sendEventAfterResponse(executionContextOf(c), c.get('services'), db, notificationEvent);
    return c.json(managedJson(event), 200);
  })
  .openapi(deleteRoute, async (c) => {
    await deleteDraftEvent(c.get('db'), c.get('user'), c.req.valid('param').slug, new Date());
    return c.body(null, 204);
  })
  .openapi(duplicateRoute, async (c) => {
    const suffix = dictionary(c.get('locale')).eventAdmin.copySuffix;
    const { media } = c.get('services');
    const copy = await duplicateEvent(c.get('db'), c.get('user'), c.req.valid('param').slug, suffix, new Date(), media);
    return c.json(managedJson(copy), 201);
  });
