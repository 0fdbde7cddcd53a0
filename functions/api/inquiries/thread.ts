/**
 * The buyer's thread, without an account: GET /inquiries/thread reads it and
 * POST /inquiries/thread/messages answers it, with the private token mailed
 * to the buyer in the X-Inquiry-Thread-Token header. Unknown and revoked
 * tokens answer 404 alike.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { PUBLIC_INQUIRY_STATUSES } from '../../../src/server/inquiries/status';
import { ANSWER_MAX_LENGTH, answerThread, readThread } from '../../../src/server/inquiries/thread';
import { INQUIRY_MESSAGE_AUTHORS } from '../../../src/server/inquiries/vocabulary';
import { clientAddress } from '../../../src/server/security/client-address';
import type { ApiEnv } from '../context';
import { createRouter } from '../context';
import { jsonBody } from '../json-body';
import { THREAD_TOKEN_HEADER, threadToken } from '../openapi';
import { instant, isoDate, jsonContent } from '../schemas';
import { deliverLater, linksFor } from './delivery';
import { errors, INQUIRY_BODY_LIMIT_BYTES, tags } from './responses';

export const BuyerThreadSchema = z
  .object({
    thread: z.object({
      reference: z.string(),
      status: z.enum(PUBLIC_INQUIRY_STATUSES),
      open: z.boolean().openapi({ description: 'Whether the buyer can still answer (false once closed).' }),
      createdAt: instant,
      cooperative: z.object({ slug: z.string(), name: z.string() }),
      product: z.object({ slug: z.string(), nameVi: z.string(), nameEn: z.string() }).nullable(),
      quantity: z.number().nullable(),
      unit: z.string().nullable(),
      wantedBy: isoDate.nullable(),
      messages: z
        .array(z.object({ author: z.enum(INQUIRY_MESSAGE_AUTHORS), body: z.string(), createdAt: instant }))
        .openapi({ description: 'The inquiry itself first, then every reply and answer, oldest first.' }),
    }),
  })
  .openapi('BuyerThread');

const readRoute = createRoute({
  method: 'get',
  path: '/inquiries/thread',
  operationId: 'readInquiryThread',
  tags,
  security: threadToken,
  summary: 'The buyer’s thread: their inquiry and every message since',
  responses: {
    200: jsonContent('The thread as its buyer sees it', BuyerThreadSchema),
    ...errors(404),
  },
});

const answerRoute = createRoute({
  method: 'post',
  path: '/inquiries/thread/messages',
  operationId: 'answerInquiryThread',
  tags,
  security: threadToken,
  summary: 'The buyer answers on their thread',
  description:
    'Stores the answer, shows the inquiry as unread to the cooperative and mails it to the cooperative after the response. ' +
    'A closed thread takes no answer (422); answers are limited per client address and per thread (429).',
  middleware: [jsonBody({ maxBytes: INQUIRY_BODY_LIMIT_BYTES })],
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ body: z.string().max(ANSWER_MAX_LENGTH * 2) }).openapi('InquiryThreadAnswer'),
        },
      },
    },
  },
  responses: {
    201: jsonContent('Stored', z.object({ status: z.literal('sent') })),
    ...errors(404, 422, 429),
  },
});

const tokenOf = (c: Context<ApiEnv>) => c.req.header(THREAD_TOKEN_HEADER) ?? '';

export const thread = createRouter()
  .openapi(readRoute, async (c) => {
    const view = await readThread(c.get('db'), tokenOf(c));
    c.header('Cache-Control', 'private, no-store');
    return c.json(BuyerThreadSchema.encode({ thread: view }), 200);
  })
  .openapi(answerRoute, async (c) => {
    const outcome = await answerThread(
      c.get('db'),
      { token: tokenOf(c), body: c.req.valid('json').body, clientAddress: clientAddress(c.req.raw) },
      linksFor(c),
      new Date(),
    );
    if (outcome.notify) deliverLater(c, outcome.inquiryId);
    return c.json({ status: 'sent' as const }, 201);
  });
