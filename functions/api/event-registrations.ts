/**
 * Booth registrations over HTTP. Members of a cooperative register it, see
 * its registration and withdraw; trade officers (and admins) list an event's
 * registrations, decide on them and export them as CSV. A member only ever
 * sees or touches their own cooperative's registration: anyone else's is
 * answered as if it did not exist (404).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { NotFoundError } from '../../src/server/errors';
import { registrationsCsv } from '../../src/server/events/registrations/registration-export';
import { OFFICER_DECISIONS } from '../../src/server/events/registrations/registration-status';
import {
  registerForEvent,
  requireRegisteringMember,
  withdrawRegistration,
} from '../../src/server/events/registrations/member-registration';
import { decideRegistration } from '../../src/server/events/registrations/officer-decisions';
import { configuredOrigin } from '../../src/server/seo/urls';
import { executionContextOf, sendEventAfterResponse } from '../after-response';
import { findRegistrableEvent } from '../../src/server/events/registrations/registrable-event';
import {
  MAX_BOOTHS_PER_REGISTRATION,
  MAX_PRODUCTS_SHOWN,
  REGISTRATION_NOTE_MAX_LENGTH,
  registrationInputSchema,
} from '../../src/server/events/registrations/registration-input';
import { listEventRegistrations } from '../../src/server/events/registrations/registration-reads';
import { REGISTRATION_STATUSES } from '../../src/server/events/vocabulary';
import { requireUser } from '../../src/server/accounts/guards';
import { assignBoothLabel, BOOTH_LABEL_MAX } from '../../src/server/events/registrations/booth-labels';
import { FOLLOW_UP_DAYS, loadFairReport } from '../../src/server/events/fair-report';
import { fairReportCsv } from '../../src/server/events/fair-report-export';
import { createRouter } from './context';
import { jsonBody } from './json-body';
import { domainBody, signedIn } from './openapi';
import { errorSchemaResponses, instant } from './schemas';
import { readRenamable, renamedResponse } from './renamed-records';
import { membersOnly, officersOnly, signedInOnly } from './session';

export const RegistrationSchema = z
  .object({
    id: z.string(),
    status: z.enum(REGISTRATION_STATUSES).openapi({
      description:
        'pending and confirmed hold booths; waitlisted waits for one; declined by the officers; withdrawn by the cooperative.',
    }),
    booths: z.number().int(),
    boothLabel: z
      .string()
      .nullable()
      .openapi({ description: 'The stand trade officers assigned to a confirmed registration, e.g. "A12".' }),
    note: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
    cooperative: z.object({
      slug: z.string(),
      name: z.string(),
      provinceNameVi: z.string(),
      provinceNameEn: z.string(),
      phone: z.string().nullable(),
      email: z.string().nullable(),
    }),
    products: z.array(z.object({ slug: z.string(), nameVi: z.string(), nameEn: z.string() })),
  })
  .openapi('EventRegistration');

export const RegistrationListSchema = z.object({ items: z.array(RegistrationSchema) }).openapi('EventRegistrationList');

/** The domain's registration (src/server/events/registrations.ts), as the document names and describes it. */
const RegistrationBody = registrationInputSchema.meta({
  id: 'EventRegistrationRequest',
  description:
    `booths: 1-${MAX_BOOTHS_PER_REGISTRATION}; products: slugs of the cooperative's own published products to show (at most ${MAX_PRODUCTS_SHOWN}); ` +
    `note: at most ${REGISTRATION_NOTE_MAX_LENGTH} characters.`,
  example: { booths: 2, products: [], note: '' },
});

const DecisionBody = z.object({ status: z.enum(OFFICER_DECISIONS) }).openapi('EventRegistrationDecision');

const slugParam = z
  .string()
  .min(1)
  .max(200)
  .openapi({ param: { name: 'slug', in: 'path' }, example: 'phien-cho-ocop' });
const idParam = z
  .string()
  .min(1)
  .max(64)
  .openapi({ param: { name: 'id', in: 'path' } });

const errorDescriptions: Record<number, string> = {
  401: 'Not signed in',
  403: 'Refused: not a member of a cooperative (or not a trade officer), or a cross-origin request',
  404: 'No public event has this slug, or no registration of yours has this id',
  409: 'Registration is not open or has closed, the cooperative is already registered, no booth is left to confirm, or the status changed meanwhile (see fields)',
  422: 'Invalid fields',
};
const errors = (...statuses: number[]) => errorSchemaResponses(errorDescriptions, ...statuses);

const tags = ['Event registrations'];

const listRoute = createRoute({
  method: 'get',
  path: '/events/{slug}/registrations',
  operationId: 'listEventRegistrations',
  security: signedIn,
  middleware: [signedInOnly],
  tags,
  summary: "An event's registrations",
  description:
    "Trade officers and admins get every registration; a member gets only their own cooperative's (zero or one).",
  request: { params: z.object({ slug: slugParam }) },
  responses: {
    200: {
      description: 'The registrations, first come first',
      content: { 'application/json': { schema: RegistrationListSchema } },
    },
    301: renamedResponse,
    ...errors(401, 403, 404),
  },
});

const csvRoute = createRoute({
  method: 'get',
  path: '/events/{slug}/registrations.csv',
  operationId: 'exportEventRegistrations',
  security: signedIn,
  middleware: [officersOnly],
  tags,
  summary: "An event's registrations as CSV (trade officers)",
  description: 'RFC 4180, UTF-8 with a byte order mark; times in Viet Nam (+07:00).',
  request: { params: z.object({ slug: slugParam }) },
  responses: {
    200: { description: 'The list', content: { 'text/csv': { schema: z.string() } } },
    301: renamedResponse,
    ...errors(401, 403, 404),
  },
});

const reportCsvRoute = createRoute({
  method: 'get',
  path: '/events/{slug}/report.csv',
  operationId: 'exportFairReport',
  security: signedIn,
  middleware: [signedInOnly],
  tags,
  summary: 'After a fair: its exhibitors, products shown and inquiries as CSV',
  description:
    `One record per confirmed exhibitor: products shown, inquiries received while the fair ran and in the ${FOLLOW_UP_DAYS} days after (spam left out), ` +
    'how many came through the fair’s own links (its page, catalogue QR codes, booth codes), how many were answered, and the response rate (0–1). ' +
    'Trade officers get every exhibitor and a TOTAL record; a cooperative’s members get their own record only (404 if it did not exhibit).',
  request: { params: z.object({ slug: slugParam }) },
  responses: {
    200: { description: 'The report', content: { 'text/csv': { schema: z.string() } } },
    301: renamedResponse,
    ...errors(401, 403, 404),
  },
});

const registerRoute = createRoute({
  method: 'post',
  path: '/events/{slug}/registrations',
  middleware: [membersOnly, jsonBody()],
  operationId: 'registerForEvent',
  security: signedIn,
  tags,
  summary: "Register the member's cooperative for an event",
  description:
    'Within the registration window only. The registration is pending (its booths held) when they fit in what is left, ' +
    'waitlisted otherwise: two cooperatives racing for the last booth never both get it, and neither is lost. ' +
    'A cooperative that withdrew may register again.',
  request: { params: z.object({ slug: slugParam }), body: domainBody(RegistrationBody) },
  responses: {
    201: { description: 'Registered', content: { 'application/json': { schema: RegistrationSchema } } },
    ...errors(401, 403, 404, 409, 422),
  },
});

const withdrawRoute = createRoute({
  method: 'delete',
  path: '/events/{slug}/registrations/{id}',
  operationId: 'withdrawRegistration',
  security: signedIn,
  middleware: [membersOnly],
  tags,
  summary: "Withdraw the cooperative's registration",
  description: 'Before the registration deadline (or the start, without one); its booths are freed.',
  request: { params: z.object({ slug: slugParam, id: idParam }) },
  responses: {
    200: { description: 'Withdrawn', content: { 'application/json': { schema: RegistrationSchema } } },
    ...errors(401, 403, 404, 409),
  },
});

const decideRoute = createRoute({
  method: 'patch',
  path: '/events/{slug}/registrations/{id}',
  operationId: 'decideRegistration',
  security: signedIn,
  middleware: [officersOnly],
  tags,
  summary: 'Confirm, waitlist or decline a registration (trade officers)',
  description:
    'Waitlisting or declining frees its booths; confirming a waitlisted one needs them to fit (409 no_booths_left otherwise). Written to the audit log.',
  request: {
    params: z.object({ slug: slugParam, id: idParam }),
    body: { content: { 'application/json': { schema: DecisionBody } }, required: true },
  },
  responses: {
    200: { description: 'Decided', content: { 'application/json': { schema: RegistrationSchema } } },
    ...errors(401, 403, 404, 409, 422),
  },
});

const BoothBody = z
  .object({
    boothLabel: z
      .string()
      .max(200)
      .openapi({
        description: `Up to ${BOOTH_LABEL_MAX} letters, digits, spaces and . , / # -; empty removes the label.`,
        example: 'A12',
      }),
  })
  .openapi('EventRegistrationBooth');

const boothRoute = createRoute({
  method: 'put',
  path: '/events/{slug}/registrations/{id}/booth',
  operationId: 'assignRegistrationBooth',
  security: signedIn,
  middleware: [officersOnly],
  tags,
  summary: 'Assign a confirmed registration its booth number (trade officers)',
  description:
    'Shown on the event page, its catalogue and the cooperative’s registration. Only confirmed registrations have one (409 booth_needs_confirmation). Written to the audit log.',
  request: {
    params: z.object({ slug: slugParam, id: idParam }),
    body: { content: { 'application/json': { schema: BoothBody } }, required: true },
  },
  responses: {
    200: { description: 'Assigned', content: { 'application/json': { schema: RegistrationSchema } } },
    ...errors(401, 403, 404, 409, 422),
  },
});

async function oneRegistration(
  db: Parameters<typeof listEventRegistrations>[0],
  eventId: string,
  registrationId: string,
  cooperativeId?: string,
) {
  const row = (await listEventRegistrations(db, eventId, cooperativeId)).find((r) => r.id === registrationId);
  if (!row) throw new NotFoundError('registration');
  return RegistrationSchema.encode(row);
}

export const eventRegistrations = createRouter()
  .openapi(reportCsvRoute, async (c) => {
    const report = await readRenamable(c, 'event', c.req.valid('param').slug, (db, slug) =>
      loadFairReport(db, c.get('user'), slug, new Date()),
    );
    if (report instanceof Response) return report;
    return c.body(fairReportCsv(report), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${report.event.slug}-report.csv"`,
      'Cache-Control': 'private, no-store',
    });
  })
  .openapi(csvRoute, async (c) => {
    const event = await readRenamable(c, 'event', c.req.valid('param').slug, findRegistrableEvent);
    if (event instanceof Response) return event;
    const body = registrationsCsv(await listEventRegistrations(c.get('db'), event.id));
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${event.slug}-registrations.csv"`,
      'Cache-Control': 'private, no-store',
    });
  })
  .openapi(listRoute, async (c) => {
    const user = requireUser(c.get('user'));
    const ownOnly = user.role === 'member' ? requireRegisteringMember(user).cooperativeId : undefined;
    const event = await readRenamable(c, 'event', c.req.valid('param').slug, findRegistrableEvent);
    if (event instanceof Response) return event;
    const rows = await listEventRegistrations(c.get('db'), event.id, ownOnly);
    c.header('Cache-Control', 'private, no-store');
    return c.json(RegistrationListSchema.encode({ items: rows }), 200);
  })
  .openapi(registerRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const registered = await registerForEvent(c.get('db'), c.get('user'), slug, await c.req.json(), new Date());
    return c.json(await oneRegistration(c.get('db'), registered.event.id, registered.id), 201);
  })
  .openapi(withdrawRoute, async (c) => {
    const { slug, id } = c.req.valid('param');
    const withdrawn = await withdrawRegistration(c.get('db'), c.get('user'), slug, id, new Date());
    return c.json(await oneRegistration(c.get('db'), withdrawn.event.id, withdrawn.id), 200);
  })
  .openapi(decideRoute, async (c) => {
    const { slug, id } = c.req.valid('param');
    const db = c.get('db');
    const status = c.req.valid('json').status;
    const origin = configuredOrigin(c.env?.PUBLIC_ORIGIN);
    const decided = await decideRegistration(db, c.get('user'), slug, id, status, new Date(), origin);
    sendEventAfterResponse(executionContextOf(c), c.get('services'), db, decided.notificationEvent);
    const event = await findRegistrableEvent(c.get('db'), slug);
    return c.json(await oneRegistration(c.get('db'), event.id, id), 200);
  })
  .openapi(boothRoute, async (c) => {
    const { slug, id } = c.req.valid('param');
    const db = c.get('db');
    await assignBoothLabel(db, c.get('user'), slug, id, c.req.valid('json').boothLabel, new Date());
    const event = await findRegistrableEvent(db, slug);
    return c.json(await oneRegistration(db, event.id, id), 200);
  });
