/**
 * POST /inquiries/status: the buyer's own view of their inquiry, without an
 * account. The reference (a conversation's, or a request's to several
 * cooperatives) and the contact given with it are the key; it is a POST so
 * that neither lands in logs or browser history.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { lookUpInquiry, PUBLIC_INQUIRY_STATUSES } from '../../../src/server/inquiries/status';
import { INQUIRY_MESSAGE_AUTHORS } from '../../../src/server/inquiries/vocabulary';
import { clientAddress } from '../../../src/server/security/client-address';
import { createRouter } from '../context';
import { jsonBody } from '../json-body';
import { instant, isoDate, jsonContent } from '../schemas';
import { conversationProducts, errors, INQUIRY_BODY_LIMIT_BYTES, ProductNameSchema, tags } from './responses';

const StatusBody = z
  .object({
    reference: z.string().max(40).openapi({
      example: 'HTX-7K3M-Q9PD',
      description:
        'A conversation’s reference, or the reference of a request to several cooperatives (POST /inquiries/requests).',
    }),
    contact: z
      .string()
      .max(254)
      .openapi({ description: 'The email or phone number given with the inquiry.', example: 'lan@example.com' }),
  })
  .openapi('InquiryStatusRequest');

const BuyerConversationSchema = z
  .object({
    reference: z.string(),
    status: z.enum(PUBLIC_INQUIRY_STATUSES),
    createdAt: instant,
    cooperative: z.object({ slug: z.string(), name: z.string() }),
    product: ProductNameSchema.nullable(),
    products: conversationProducts,
    message: z.string(),
    quantity: z.number().nullable(),
    unit: z.string().nullable(),
    wantedBy: isoDate.nullable(),
    replies: z.array(
      z.object({
        author: z.enum(INQUIRY_MESSAGE_AUTHORS).openapi({ description: 'Who wrote it: the cooperative or the buyer.' }),
        body: z.string(),
        createdAt: instant,
      }),
    ),
  })
  .openapi('BuyerConversation');

export const BuyerInquirySchema = z
  .object({ inquiry: BuyerConversationSchema })
  .openapi('BuyerInquiry', { description: 'Answer to a conversation’s reference.' });

export const BuyerInquiryRequestSchema = z
  .object({
    request: z.object({
      reference: z.string(),
      conversations: z.array(BuyerConversationSchema).openapi({
        description: 'Each cooperative’s conversation with its own status, in the order the request named them.',
      }),
    }),
  })
  .openapi('BuyerInquiryRequest', { description: 'Answer to a request’s reference.' });

const statusRoute = createRoute({
  method: 'post',
  path: '/inquiries/status',
  operationId: 'lookUpInquiryStatus',
  tags,
  summary: 'An inquiry’s status and replies, for its buyer',
  description:
    'Needs the reference and the email or phone given with the inquiry; a wrong reference and a wrong contact get the same 404. ' +
    'A conversation’s reference answers `{ "inquiry": … }`; the reference of a request to several cooperatives ' +
    '(POST /inquiries/requests) answers `{ "request": { "reference", "conversations": [ … ] } }`, each conversation with its own status. ' +
    'Failed look-ups are limited per client address (429).',
  middleware: [jsonBody({ maxBytes: INQUIRY_BODY_LIMIT_BYTES })],
  request: { body: { required: true, content: { 'application/json': { schema: StatusBody } } } },
  responses: {
    200: jsonContent(
      'The inquiry, or each conversation of the request, as its buyer sees it',
      z.union([BuyerInquirySchema, BuyerInquiryRequestSchema]),
    ),
    ...errors(404, 422, 429),
  },
});

export const statusLookUp = createRouter().openapi(statusRoute, async (c) => {
  const found = await lookUpInquiry(
    c.get('db'),
    { ...c.req.valid('json'), clientAddress: clientAddress(c.req.raw) },
    new Date(),
  );
  c.header('Cache-Control', 'private, no-store');
  const body = 'inquiry' in found ? BuyerInquirySchema.encode(found) : BuyerInquiryRequestSchema.encode(found);
  return c.json(body, 200);
});
