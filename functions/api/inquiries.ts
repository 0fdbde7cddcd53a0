/**
 * Inquiries over the API.
 * - Public: POST /inquiries (a buyer's inquiry; JSON only, at most 32 KB,
 *   Idempotency-Key honoured, CORS only for INQUIRY_CORS_ORIGINS) and
 *   POST /inquiries/status (the buyer's view, with reference and email/phone).
 * - Members of a cooperative: their inbox (GET /inquiries, GET
 *   /inquiries/{reference}, replies and status actions).
 * - Trade officers and admins: GET /inquiries/statistics (figures, no contents).
 * Mail goes out after the response (waitUntil); see src/server/inquiries/notifications.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { clientAddress } from '../../src/server/security/client-address';
import { resolveOrigin } from '../../src/server/seo/urls';
import {
  actOnInquiry,
  INQUIRY_ACTIONS,
  listInbox,
  openInquiry,
  parseInboxFilter,
  REPLY_MAX_LENGTH,
  replyToInquiry,
} from '../../src/server/inquiries/inbox';
import { INQUIRY_LIMITS, parseInquiry } from '../../src/server/inquiries/input';
import { inquiryLinks } from '../../src/server/inquiries/links';
import { deliverForInquiry } from '../../src/server/inquiries/notifications';
import { lookUpInquiry, PUBLIC_INQUIRY_STATUSES } from '../../src/server/inquiries/status';
import { inquiryStatistics } from '../../src/server/inquiries/statistics';
import { submitInquiry } from '../../src/server/inquiries/submit';
import { INQUIRY_STATUSES } from '../../src/server/inquiries/vocabulary';
import { mailerFor } from '../../src/server/mail/mailer';
import { type ApiEnv, createRouter } from './context';
import { membersOnly, officersOnly } from './session';
import { errorResponse } from './errors';
import { fieldIssuesFromZod } from '../../src/server/validation';
import { ValidationError } from '../../src/server/errors';
import { errorSchemaResponses, instant, isoDate } from './schemas';

/** An inquiry is a few kilobytes of text; anything much larger is not one. */
export const INQUIRY_BODY_LIMIT_BYTES = 32 * 1024;

const L = INQUIRY_LIMITS;
const errorDescriptions: Record<number, string> = {
  400: 'Malformed JSON or query',
  401: 'Not signed in',
  403: 'Not allowed: another cooperative’s inquiry, a role without access, or a cross-origin request',
  404: 'Unknown product or cooperative (fields say which), or no inquiry with this reference (and contact)',
  413: `Body larger than ${INQUIRY_BODY_LIMIT_BYTES} bytes`,
  415: 'Content-Type is not application/json',
  422: 'Invalid fields (per-field messages in `fields`)',
  429: 'Too many inquiries from this address or to this cooperative; see Retry-After',
};
const errors = (...statuses: number[]) => errorSchemaResponses(errorDescriptions, ...statuses);

const InquiryBody = z
  .object({
    product: z.string().max(L.slugMax).optional().openapi({ description: 'Slug of a public product. Give a product, a cooperative, or both.', example: 'mat-ong-rung-u-minh' }),
    cooperative: z.string().max(L.slugMax).optional().openapi({ description: 'Slug of an active cooperative.' }),
    name: z.string().max(L.nameMax).openapi({ description: `Buyer’s name, 1–${L.nameMax} characters.`, example: 'Nguyễn Thị Lan' }),
    organisation: z.string().max(L.organisationMax).optional().openapi({ example: 'Công ty TNHH Thực phẩm Sạch Lan Anh' }),
    email: z.string().max(L.emailMax).optional().openapi({ description: 'Email and/or phone: at least one.', example: 'lan@example.com' }),
    phone: z.string().max(L.phoneMax).optional().openapi({
      description: 'Any usual way of writing it; stored as E.164. Vietnamese numbers with or without +84 (0912 345 678); others need + and their country code.',
      example: '0912 345 678',
    }),
    country: z.string().openapi({ description: 'ISO 3166-1 alpha-2.', example: 'VN' }),
    quantity: z.number().optional().openapi({ description: `Above 0, at most ${L.quantityMax}; needs unit.`, example: 500 }),
    unit: z.string().max(L.unitMax).optional().openapi({ example: 'kg' }),
    wantedBy: isoDate.optional().openapi({ description: `From today in Viet Nam to ${L.wantedByMaxDays} days ahead.`, example: '2027-02-15' }),
    message: z.string().openapi({ description: `${L.messageMin}–${L.messageMax} characters.`, example: 'Xin báo giá sỉ 500 kg, giao tại TP. Hồ Chí Minh trước Tết.' }),
    locale: z.enum(['vi', 'en']).optional().openapi({ description: 'Language for replies by mail; defaults to the request’s (?lang= or Accept-Language).' }),
    consent: z.boolean().openapi({ description: 'Must be true: the buyer agrees to be contacted about this inquiry.', example: true }),
    website: z.string().optional().openapi({ description: 'Honeypot: leave out or empty. Filled in, the inquiry is answered as accepted and discarded.' }),
    turnstileToken: z.string().optional().openapi({ description: 'Cloudflare Turnstile token; required only when the deployment enables Turnstile.' }),
  })
  .openapi('InquiryRequest');

const InquiryReceiptSchema = z
  .object({
    inquiry: z.object({
      reference: z.string().openapi({ example: 'HTX-7K3M-Q9PD' }),
      status: z.enum(PUBLIC_INQUIRY_STATUSES),
      createdAt: instant,
      statusUrl: z.string().openapi({ format: 'uri', description: 'Page where the buyer sees status and replies with the reference and their email or phone.' }),
    }),
  })
  .openapi('InquiryReceipt');

const submitRoute = createRoute({
  method: 'post',
  path: '/inquiries',
  summary: 'Send an inquiry to a cooperative',
  description:
    'Stores the inquiry, then notifies the cooperative by mail after the response (failures are retried). ' +
    'Limits: 10 inquiries an hour per client address, 30 an hour per cooperative (429 with Retry-After). ' +
    'With an `Idempotency-Key` header, repeating the request returns the same inquiry (200) instead of storing a second one; ' +
    'the same key with different fields is a 422. Inquiries that look like spam (links, spam words) are stored and held for the cooperative to review. ' +
    'Cross-origin browser requests are allowed only from origins the deployment lists in INQUIRY_CORS_ORIGINS.',
  request: {
    headers: z.object({
      'idempotency-key': z.string().optional().openapi({ description: '8–100 characters of A–Z a–z 0–9 _ . : -, e.g. a UUID.', example: '1f0c2a9e-5b7d-4c38-9e21-0d6f3b8a4c11' }),
    }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: InquiryBody,
          example: {
            product: 'mat-ong-rung-u-minh',
            name: 'Nguyễn Thị Lan',
            organisation: 'Công ty TNHH Thực phẩm Sạch Lan Anh',
            email: 'lan@example.com',
            phone: '0912 345 678',
            country: 'VN',
            quantity: 500,
            unit: 'kg',
            wantedBy: '2027-02-15',
            message: 'Xin báo giá sỉ 500 kg, giao tại TP. Hồ Chí Minh trước Tết.',
            locale: 'vi',
            consent: true,
          },
        },
      },
    },
  },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: InquiryReceiptSchema } } },
    200: { description: 'The same Idempotency-Key again: the inquiry stored the first time', content: { 'application/json': { schema: InquiryReceiptSchema } } },
    ...errors(400, 403, 404, 413, 415, 422, 429),
  },
});

const StatusBody = z
  .object({
    reference: z.string().max(40).openapi({ example: 'HTX-7K3M-Q9PD' }),
    contact: z.string().max(254).openapi({ description: 'The email or phone number given with the inquiry.', example: 'lan@example.com' }),
  })
  .openapi('InquiryStatusRequest');

const BuyerInquirySchema = z
  .object({
    inquiry: z.object({
      reference: z.string(),
      status: z.enum(PUBLIC_INQUIRY_STATUSES),
      createdAt: instant,
      cooperative: z.object({ slug: z.string(), name: z.string() }),
      product: z.object({ slug: z.string(), nameVi: z.string(), nameEn: z.string() }).nullable(),
      message: z.string(),
      quantity: z.number().nullable(),
      unit: z.string().nullable(),
      wantedBy: isoDate.nullable(),
      replies: z.array(z.object({ body: z.string(), createdAt: instant })),
    }),
  })
  .openapi('BuyerInquiry');

const statusRoute = createRoute({
  method: 'post',
  path: '/inquiries/status',
  summary: 'An inquiry’s status and replies, for its buyer',
  description:
    'Needs the reference and the email or phone given with the inquiry; a wrong reference and a wrong contact get the same 404. ' +
    'Failed look-ups are limited per client address (429).',
  request: { body: { required: true, content: { 'application/json': { schema: StatusBody } } } },
  responses: {
    200: { description: 'The inquiry as its buyer sees it', content: { 'application/json': { schema: BuyerInquirySchema } } },
    ...errors(404, 422, 429),
  },
});

const InboxItemSchema = z
  .object({
    reference: z.string(),
    status: z.enum(INQUIRY_STATUSES),
    createdAt: instant,
    buyerName: z.string(),
    buyerOrganisation: z.string().nullable(),
    country: z.string(),
    productNameVi: z.string().nullable(),
    productNameEn: z.string().nullable(),
    excerpt: z.string(),
  })
  .openapi('InboxItem');

const inboxRoute = createRoute({
  method: 'get',
  path: '/inquiries',
  middleware: [membersOnly],
  summary: 'The inbox of the signed-in member’s cooperative',
  request: {
    query: z.object({
      status: z.enum(INQUIRY_STATUSES).optional().openapi({ description: 'Only this status; without it, everything but spam.' }),
      page: z.coerce.number().int().min(1).max(100_000).optional(),
    }),
  },
  responses: {
    200: {
      description: 'A page of 25, newest first, with counts per status',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(InboxItemSchema),
            counts: z.record(z.enum(INQUIRY_STATUSES), z.number().int()),
            page: z.number().int(),
            pageCount: z.number().int(),
          }),
        },
      },
    },
    ...errors(400, 401, 403),
  },
});

const referenceParam = z.object({
  reference: z.string().regex(/^[A-Za-z0-9-]{8,20}$/).openapi({ param: { name: 'reference', in: 'path' }, example: 'HTX-7K3M-Q9PD' }),
});

const InquiryDetailSchema = z
  .object({
    reference: z.string(),
    status: z.enum(INQUIRY_STATUSES),
    createdAt: instant,
    buyerName: z.string(),
    buyerOrganisation: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: 'E.164' }),
    country: z.string(),
    quantity: z.number().nullable(),
    unit: z.string().nullable(),
    wantedBy: isoDate.nullable(),
    message: z.string(),
    locale: z.enum(['vi', 'en']),
    product: z.object({ slug: z.string(), nameVi: z.string(), nameEn: z.string() }).nullable(),
    replies: z.array(z.object({ body: z.string(), createdAt: instant, authorName: z.string().nullable() })),
  })
  .openapi('InquiryDetail');

const detailRoute = createRoute({
  method: 'get',
  path: '/inquiries/{reference}',
  middleware: [membersOnly],
  summary: 'One inquiry of the member’s cooperative (opening a new one marks it read)',
  request: { params: referenceParam },
  responses: {
    200: { description: 'The inquiry with its replies', content: { 'application/json': { schema: z.object({ inquiry: InquiryDetailSchema }) } } },
    ...errors(401, 403, 404),
  },
});

const replyRoute = createRoute({
  method: 'post',
  path: '/inquiries/{reference}/replies',
  // Who may post comes before what was posted.
  middleware: [membersOnly, jsonBodyGate()],
  summary: 'Reply to an inquiry of the member’s cooperative',
  description: 'Stores the reply, marks the inquiry replied and mails the reply to the buyer (if they gave an email) after the response.',
  request: {
    params: referenceParam,
    body: { required: true, content: { 'application/json': { schema: z.object({ body: z.string().max(REPLY_MAX_LENGTH * 2) }) } } },
  },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: z.object({ status: z.enum(INQUIRY_STATUSES) }) } } },
    ...errors(401, 403, 404, 422),
  },
});

const actionRoute = createRoute({
  method: 'post',
  path: '/inquiries/{reference}/actions',
  // Who may post comes before what was posted.
  middleware: [membersOnly, jsonBodyGate()],
  summary: 'Close, reopen, mark spam or not spam',
  request: {
    params: referenceParam,
    body: { required: true, content: { 'application/json': { schema: z.object({ action: z.enum(INQUIRY_ACTIONS) }) } } },
  },
  responses: {
    200: { description: 'The status after the action', content: { 'application/json': { schema: z.object({ status: z.enum(INQUIRY_STATUSES) }) } } },
    ...errors(401, 403, 404, 422),
  },
});

const FiguresSchema = z.object({
  total: z.number().int(),
  replied: z.number().int(),
  open: z.number().int(),
  closed: z.number().int(),
  spam: z.number().int(),
  medianResponseHours: z.number().nullable(),
});

const statisticsRoute = createRoute({
  method: 'get',
  path: '/inquiries/statistics',
  middleware: [officersOnly],
  summary: 'Inquiry figures per cooperative and province (trade officers)',
  description: 'Counts and the median time to first reply over the last 365 days. No inquiry contents and no buyer details.',
  responses: {
    200: {
      description: 'Figures',
      content: {
        'application/json': {
          schema: z.object({
            since: instant,
            overall: FiguresSchema,
            byProvince: z.array(FiguresSchema.extend({ slug: z.string(), nameVi: z.string(), nameEn: z.string() })),
            byCooperative: z.array(FiguresSchema.extend({ slug: z.string(), name: z.string(), provinceNameVi: z.string(), provinceNameEn: z.string() })),
          }),
        },
      },
    },
    ...errors(401, 403),
  },
});

/** The origins INQUIRY_CORS_ORIGINS lists (comma- or space-separated), exactly as browsers send them. */
export function corsOrigins(configured: string | undefined): string[] {
  return (configured ?? '')
    .split(/[\s,]+/)
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
}

/** Is this a public inquiry POST from an origin the deployment allows? Then the API's origin check lets it pass. */
export function isAllowedCrossOriginInquiry(request: Request, configured: string | undefined): boolean {
  const url = new URL(request.url);
  const origin = request.headers.get('origin');
  return (
    request.method === 'POST' &&
    /\/inquiries\/?$/.test(url.pathname) &&
    origin !== null &&
    corsOrigins(configured).includes(origin)
  );
}

/** CORS for POST /inquiries only, and only for the configured origins; no credentials ever. */
export function inquiryCors(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const allowed = corsOrigins(c.env?.INQUIRY_CORS_ORIGINS);
    if (allowed.length === 0) return next();
    return cors({
      origin: (origin) => (allowed.includes(origin) ? origin : null),
      allowMethods: ['POST'],
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'Accept-Language'],
      maxAge: 600,
    })(c, next);
  };
}

/** 415 for anything but JSON, 413 past the size limit, 400 for JSON that does not parse: before zod sees the body. */
function jsonBodyGate(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return errorResponse(c, 415, 'unsupported_media_type');
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > INQUIRY_BODY_LIMIT_BYTES) return errorResponse(c, 413, 'payload_too_large');
    const text = await c.req.text();
    if (new TextEncoder().encode(text).length > INQUIRY_BODY_LIMIT_BYTES) return errorResponse(c, 413, 'payload_too_large');
    try {
      JSON.parse(text);
    } catch {
      return errorResponse(c, 400, 'invalid_json');
    }
    return next();
  };
}

/** Runs mail work after the response when the runtime can (waitUntil); never lets it fail the request. */
export function afterResponse(c: Context<ApiEnv>, work: () => Promise<unknown>): void {
  const guarded = work().catch((error) => console.error('inquiry notification delivery', error));
  let context: { waitUntil(promise: Promise<unknown>): void } | null = null;
  try {
    context = c.executionCtx;
  } catch {
    // app.request() without an execution context (tests): the promise runs on its own.
  }
  context?.waitUntil(guarded);
}

function linksFor(c: Context<ApiEnv>) {
  return inquiryLinks(resolveOrigin(c.env?.PUBLIC_ORIGIN, new URL(c.req.url)));
}

function deliverLater(c: Context<ApiEnv>, inquiryId: string) {
  const db = c.get('db');
  const deps = c.get('deps');
  const mailer = deps.mailer ? deps.mailer(c.env, db) : mailerFor(c.env ?? {}, db);
  afterResponse(c, () => deliverForInquiry(db, mailer, inquiryId));
}

export const inquiries = createRouter();
inquiries.use('/inquiries', jsonBodyGate());
inquiries.use('/inquiries/status', jsonBodyGate());

inquiries
  .openapi(
    submitRoute,
    async (c) => {
      const now = new Date();
      const deps = c.get('deps');
      const outcome = await submitInquiry(
        c.get('db'),
        c.req.valid('json'),
        {
          clientAddress: clientAddress(c.req.raw),
          locale: c.get('locale'),
          idempotencyKey: c.req.header('idempotency-key') ?? null,
          formToken: null,
          turnstile: deps.turnstile ? deps.turnstile(c.env) : null,
          links: linksFor(c),
        },
        now,
      );
      if (outcome.kind === 'created' && outcome.deliver) deliverLater(c, outcome.inquiryId);
      const body = {
        inquiry: {
          reference: outcome.receipt.reference,
          status: 'received' as const,
          createdAt: outcome.receipt.createdAt.toISOString(),
          statusUrl: linksFor(c).statusPage(c.get('locale'), outcome.receipt.reference),
        },
      };
      c.header('Cache-Control', 'no-store');
      return outcome.kind === 'replayed' ? c.json(body, 200) : c.json(body, 201);
    },
    // Invalid fields: report every rule at once (shape and cross-field) through the domain's parser.
    (result, c) => {
      if (result.success) return;
      // On failure @hono/zod-validator passes the input as received in `data`.
      const raw = (result as { data?: unknown }).data;
      if (result.target === 'json') parseInquiry(raw, new Date(), c.get('locale'));
      // The domain's parser throws (422 with every field) first; anything it lets pass is the shape's problem.
      throw new ValidationError(fieldIssuesFromZod(result.error, raw));
    },
  )
  .openapi(statusRoute, async (c) => {
    const body = c.req.valid('json');
    const view = await lookUpInquiry(c.get('db'), { ...body, clientAddress: clientAddress(c.req.raw) }, new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        inquiry: {
          ...view,
          createdAt: view.createdAt.toISOString(),
          replies: view.replies.map((r) => ({ body: r.body, createdAt: r.createdAt.toISOString() })),
        },
      },
      200,
    );
  })
  .openapi(statisticsRoute, async (c) => {
    const figures = await inquiryStatistics(c.get('db'), c.get('user'), new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json({ ...figures, since: figures.since.toISOString() }, 200);
  })
  .openapi(inboxRoute, async (c) => {
    const query = c.req.valid('query');
    const page = await listInbox(c.get('db'), c.get('user'), parseInboxFilter(query.status), query.page ?? 1);
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      { items: page.items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })), counts: page.counts, page: page.page, pageCount: page.pageCount },
      200,
    );
  })
  .openapi(detailRoute, async (c) => {
    const detail = await openInquiry(c.get('db'), c.get('user'), c.req.valid('param').reference, new Date());
    const { id: _id, spamScore: _score, cooperativeName: _name, ...inquiry } = detail;
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      {
        inquiry: {
          ...inquiry,
          createdAt: inquiry.createdAt.toISOString(),
          replies: inquiry.replies.map(({ id: _r, ...reply }) => ({ ...reply, createdAt: reply.createdAt.toISOString() })),
        },
      },
      200,
    );
  })
  .openapi(replyRoute, async (c) => {
    const outcome = await replyToInquiry(c.get('db'), c.get('user'), c.req.valid('param').reference, c.req.valid('json').body, linksFor(c), new Date());
    if (outcome.notify) deliverLater(c, outcome.inquiryId);
    return c.json({ status: 'replied' as const }, 201);
  })
  .openapi(actionRoute, async (c) => {
    const outcome = await actOnInquiry(c.get('db'), c.get('user'), c.req.valid('param').reference, c.req.valid('json').action, linksFor(c), new Date());
    if (outcome.notify) deliverLater(c, outcome.inquiryId);
    return c.json({ status: outcome.status }, 200);
  });

