/**
 * POST /inquiries/requests: one inquiry to the cooperatives of several
 * products at once (a buyer's shortlist), a conversation each under one
 * request reference (src/server/inquiries/request.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { INQUIRY_LIMITS, inquiryRequestShape } from '../../../src/server/inquiries/input';
import { submitInquiryRequest } from '../../../src/server/inquiries/request';
import { createRouter } from '../context';
import { jsonBody } from '../json-body';
import { domainBody } from '../openapi';
import { instant, jsonContent } from '../schemas';
import { deliverLater, linksFor } from './delivery';
import { errors, INQUIRY_BODY_LIMIT_BYTES, ProductNameSchema, tags } from './responses';
import { apiSubmissionContext, idempotencyKeyHeader, inquiryExample } from './submit';

export const InquiryRequestReceiptSchema = z
  .object({
    request: z.object({
      reference: z.string().openapi({
        example: 'HTX-4WQ2-M7HC',
        description: 'The request’s reference: the status page shows every conversation under it.',
      }),
      createdAt: instant,
      statusUrl: z.string().openapi({ format: 'uri' }),
      conversations: z
        .array(
          z.object({
            reference: z.string().openapi({
              example: 'HTX-7K3M-Q9PD',
              description:
                'The conversation’s own reference, as the cooperative sees it; POST /inquiries/status takes it.',
            }),
            cooperative: z.object({ slug: z.string(), name: z.string() }),
            products: z.array(ProductNameSchema),
          }),
        )
        .openapi({ description: 'One per cooperative, in the order its first product was named.' }),
    }),
  })
  .openapi('InquiryRequestReceipt');

const { product: _product, ...buyerExample } = inquiryExample;
export const inquiryRequestExample = {
  products: ['mat-ong-rung-u-minh', 'tra-shan-tuyet-ta-xua'],
  ...buyerExample,
};

const requestRoute = createRoute({
  method: 'post',
  path: '/inquiries/requests',
  operationId: 'submitInquiryRequest',
  tags,
  summary: 'Send one inquiry to the cooperatives of several products',
  description:
    'The buyer’s fields are those of submitInquiry; `products` lists the products instead of `product`/`cooperative`. ' +
    'Each cooperative concerned receives its own conversation naming its products from the list; all share one request reference, ' +
    'and a buyer who gave an email gets one receipt listing each conversation with its private link. Nothing is stored unless all is. ' +
    `At most ${INQUIRY_LIMITS.requestProductsMax} products of at most ${INQUIRY_LIMITS.requestCooperativesMax} cooperatives; a product named twice counts once. ` +
    'An unknown or unpublished product is a 422 naming its position (`products.2`). ' +
    'Limits: the request counts once against the client address’s 10 an hour, and once against each cooperative’s 30 an hour (429 with Retry-After). ' +
    'Idempotency-Key as for submitInquiry: the same key with the same fields answers the stored request (200); ' +
    'with other fields or another product list it is a 422, also when the two requests arrive at once (nothing of the second is stored). ' +
    'Spam handling, consent and cross-origin browser requests (origins listed in INQUIRY_CORS_ORIGINS only) as for submitInquiry.',
  middleware: [jsonBody({ maxBytes: INQUIRY_BODY_LIMIT_BYTES })],
  request: {
    headers: idempotencyKeyHeader,
    body: domainBody(inquiryRequestShape, { example: inquiryRequestExample }),
  },
  responses: {
    201: jsonContent('Stored', InquiryRequestReceiptSchema),
    200: jsonContent('The same Idempotency-Key again: the request stored the first time', InquiryRequestReceiptSchema),
    ...errors(400, 403, 413, 415, 422, 429),
  },
});

export const requestSubmit = createRouter().openapi(requestRoute, async (c) => {
  const outcome = await submitInquiryRequest(c.get('db'), await c.req.json(), apiSubmissionContext(c), new Date());
  if (outcome.kind === 'created' && outcome.deliver) for (const id of outcome.inquiryIds) deliverLater(c, id);
  const body = InquiryRequestReceiptSchema.encode({
    request: {
      ...outcome.receipt,
      statusUrl: linksFor(c).statusPage(c.get('locale'), outcome.receipt.reference),
    },
  });
  c.header('Cache-Control', 'no-store');
  return outcome.kind === 'replayed' ? c.json(body, 200) : c.json(body, 201);
});
