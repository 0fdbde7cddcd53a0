/**
 * The inbox of a member's cooperative: GET /inquiries, GET
 * /inquiries/{reference} (opening a new one marks it read), replies and the
 * status actions. Only members of the cooperative an inquiry was sent to see
 * or touch it (src/server/inquiries/inbox.ts checks).
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  actOnInquiry,
  INQUIRY_ACTIONS,
  listInbox,
  openInquiry,
  parseInboxFilter,
  REPLY_MAX_LENGTH,
  replyToInquiry,
} from '../../../src/server/inquiries/inbox';
import { INQUIRY_MESSAGE_AUTHORS, INQUIRY_STATUSES } from '../../../src/server/inquiries/vocabulary';
import { createRouter } from '../context';
import { jsonBody } from '../json-body';
import { membersOnly } from '../session';
import { signedIn } from '../openapi';
import { instant, isoDate, jsonContent } from '../schemas';
import { deliverLater, linksFor } from './delivery';
import { conversationProducts, errors, INQUIRY_BODY_LIMIT_BYTES, ProductNameSchema, tags } from './responses';

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
    products: conversationProducts,
    excerpt: z.string(),
  })
  .openapi('InboxItem');

export const InboxPageSchema = z
  .object({
    items: z.array(InboxItemSchema),
    counts: z.record(z.enum(INQUIRY_STATUSES), z.number().int()),
    page: z.number().int(),
    pageCount: z.number().int(),
  })
  .openapi('InboxPage');

export const InquiryDetailSchema = z.object({
  inquiry: z
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
      product: ProductNameSchema.nullable(),
      products: conversationProducts,
      replies: z.array(
        z.object({
          author: z.enum(INQUIRY_MESSAGE_AUTHORS).openapi({ description: 'The cooperative (a member) or the buyer.' }),
          body: z.string(),
          createdAt: instant,
          authorName: z.string().nullable(),
        }),
      ),
      buyerLastWroteAt: instant.openapi({ description: 'The buyer’s latest answer, or the inquiry itself.' }),
    })
    .openapi('InquiryDetail'),
});

const StatusSchema = z.object({ status: z.enum(INQUIRY_STATUSES) }).openapi('InquiryStatusAfter');

const referenceParam = z.object({
  reference: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,20}$/)
    .openapi({ param: { name: 'reference', in: 'path' }, example: 'HTX-7K3M-Q9PD' }),
});

const body = <T extends z.ZodType>(schema: T) => ({ required: true, content: { 'application/json': { schema } } });
// Who may post comes before what was posted.
const gate = [membersOnly, jsonBody({ maxBytes: INQUIRY_BODY_LIMIT_BYTES })];

const inboxRoute = createRoute({
  method: 'get',
  path: '/inquiries',
  middleware: [membersOnly],
  operationId: 'listInquiryInbox',
  tags,
  security: signedIn,
  summary: 'The inbox of the signed-in member’s cooperative',
  request: {
    query: z.object({
      status: z
        .enum(INQUIRY_STATUSES)
        .optional()
        .openapi({ description: 'Only this status; without it, everything but spam.' }),
      page: z.coerce.number().int().min(1).max(100_000).optional(),
    }),
  },
  responses: {
    200: jsonContent('A page of 25, newest first, with counts per status', InboxPageSchema),
    ...errors(400, 401, 403),
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/inquiries/{reference}',
  middleware: [membersOnly],
  operationId: 'openInquiry',
  tags,
  security: signedIn,
  summary: 'One inquiry of the member’s cooperative (opening a new one marks it read)',
  request: { params: referenceParam },
  responses: { 200: jsonContent('The inquiry with its replies', InquiryDetailSchema), ...errors(401, 403, 404) },
});

const replyRoute = createRoute({
  method: 'post',
  path: '/inquiries/{reference}/replies',
  operationId: 'replyToInquiry',
  tags,
  security: signedIn,
  summary: 'Reply to an inquiry of the member’s cooperative',
  description:
    'Stores the reply, marks the inquiry replied and mails the reply to the buyer (if they gave an email) after the response.',
  middleware: gate,
  request: {
    params: referenceParam,
    body: body(z.object({ body: z.string().max(REPLY_MAX_LENGTH * 2) }).openapi('InquiryReply')),
  },
  responses: { 201: jsonContent('Stored', StatusSchema), ...errors(401, 403, 404, 422) },
});

const actionRoute = createRoute({
  method: 'post',
  path: '/inquiries/{reference}/actions',
  operationId: 'actOnInquiry',
  tags,
  security: signedIn,
  summary: 'Close, reopen, mark spam or not spam',
  middleware: gate,
  request: {
    params: referenceParam,
    body: body(z.object({ action: z.enum(INQUIRY_ACTIONS) }).openapi('InquiryAction')),
  },
  responses: { 200: jsonContent('The status after the action', StatusSchema), ...errors(401, 403, 404, 422) },
});

export const inbox = createRouter()
  .openapi(inboxRoute, async (c) => {
    const query = c.req.valid('query');
    const page = await listInbox(c.get('db'), c.get('user'), parseInboxFilter(query.status), query.page ?? 1);
    c.header('Cache-Control', 'private, no-store');
    return c.json(InboxPageSchema.encode(page), 200);
  })
  .openapi(detailRoute, async (c) => {
    const inquiry = await openInquiry(c.get('db'), c.get('user'), c.req.valid('param').reference, new Date());
    c.header('Cache-Control', 'private, no-store');
    return c.json(InquiryDetailSchema.encode({ inquiry }), 200);
  })
  .openapi(replyRoute, async (c) => {
    const outcome = await replyToInquiry(
      c.get('db'),
      c.get('user'),
      c.req.valid('param').reference,
      c.req.valid('json').body,
      linksFor(c),
      new Date(),
    );
    if (outcome.notify) deliverLater(c, outcome.inquiryId);
    return c.json({ status: 'replied' as const }, 201);
  })
  .openapi(actionRoute, async (c) => {
    const outcome = await actOnInquiry(
      c.get('db'),
      c.get('user'),
      c.req.valid('param').reference,
      c.req.valid('json').action,
      linksFor(c),
      new Date(),
    );
    if (outcome.notify) deliverLater(c, outcome.inquiryId);
    return c.json({ status: outcome.status }, 200);
  });
