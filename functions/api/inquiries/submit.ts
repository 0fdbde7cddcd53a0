/**
 * POST /inquiries: a buyer's inquiry, from our own form's script or a
 * partner's site (CORS, ./cors.ts). The body is the domain's inquiry
 * (src/server/inquiries/input.ts), parsed by submitInquiry so that every
 * problem, across fields and against today's date, is named at once.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { inquiryShape } from '../../../src/server/inquiries/input';
import { PUBLIC_INQUIRY_STATUSES } from '../../../src/server/inquiries/status';
import { type SubmissionContext, submitInquiry } from '../../../src/server/inquiries/submit';
import type { Context } from 'hono';
import type { ApiEnv } from '../context';
import { clientAddress } from '../../../src/server/security/client-address';
import { createRouter } from '../context';
import { jsonBody } from '../json-body';
import { domainBody } from '../openapi';
import { instant, jsonContent } from '../schemas';
import { deliverLater, linksFor } from './delivery';
import { errors, INQUIRY_BODY_LIMIT_BYTES, tags } from './responses';

export const InquiryReceiptSchema = z
  .object({
    inquiry: z.object({
      reference: z.string().openapi({ example: 'HTX-7K3M-Q9PD' }),
      status: z.enum(PUBLIC_INQUIRY_STATUSES),
      createdAt: instant,
      statusUrl: z.string().openapi({
        format: 'uri',
        description: 'Page where the buyer sees status and replies with the reference and their email or phone.',
      }),
    }),
  })
  .openapi('InquiryReceipt');

/** The documented example body; tests build their inquiries from it too. */
export const inquiryExample = {
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
};

/** The optional Idempotency-Key of the buyer's writes (this one and ./request.ts). */
export const idempotencyKeyHeader = z.object({
  'idempotency-key': z.string().optional().openapi({
    description: '8–100 characters of A–Z a–z 0–9 _ . : -, e.g. a UUID.',
    example: '1f0c2a9e-5b7d-4c38-9e21-0d6f3b8a4c11',
  }),
});

/** What the inquiry's verbs need to know of the API request. */
export function apiSubmissionContext(c: Context<ApiEnv>): SubmissionContext {
  return {
    clientAddress: clientAddress(c.req.raw),
    locale: c.get('locale'),
    idempotencyKey: c.req.header('idempotency-key') ?? null,
    formToken: null,
    turnstile: c.get('services').turnstile(),
    links: linksFor(c),
  };
}

const submitRoute = createRoute({
  method: 'post',
  path: '/inquiries',
  operationId: 'submitInquiry',
  tags,
  summary: 'Send an inquiry to a cooperative',
  description:
    'Stores the inquiry, then notifies the cooperative by mail after the response (failures are retried). ' +
    'Limits: 10 inquiries an hour per client address, 30 an hour per cooperative (429 with Retry-After). ' +
    'With an `Idempotency-Key` header, repeating the request returns the same inquiry (200) instead of storing a second one; ' +
    'the same key with different fields is a 422. Inquiries that look like spam (links, spam words) are stored and held for the cooperative to review. ' +
    'Cross-origin browser requests are allowed only from origins the deployment lists in INQUIRY_CORS_ORIGINS. ' +
    "`consent: true` must be the buyer's own agreement, after being shown the privacy notice (/en/privacy), to their details " +
    "going to this cooperative to answer this inquiry; the notice's current version is recorded with the inquiry.",
  middleware: [jsonBody({ maxBytes: INQUIRY_BODY_LIMIT_BYTES })],
  request: {
    headers: idempotencyKeyHeader,
    body: domainBody(inquiryShape, { example: inquiryExample }),
  },
  responses: {
    201: jsonContent('Stored', InquiryReceiptSchema),
    200: jsonContent('The same Idempotency-Key again: the inquiry stored the first time', InquiryReceiptSchema),
    ...errors(400, 403, 404, 413, 415, 422, 429),
  },
});

export const publicSubmit = createRouter().openapi(submitRoute, async (c) => {
  const outcome = await submitInquiry(c.get('db'), await c.req.json(), apiSubmissionContext(c), new Date());
  if (outcome.kind === 'created' && outcome.deliver) deliverLater(c, outcome.inquiryId);
  const body = InquiryReceiptSchema.encode({
    inquiry: {
      reference: outcome.receipt.reference,
      status: 'received',
      createdAt: outcome.receipt.createdAt,
      statusUrl: linksFor(c).statusPage(c.get('locale'), outcome.receipt.reference),
    },
  });
  c.header('Cache-Control', 'no-store');
  return outcome.kind === 'replayed' ? c.json(body, 200) : c.json(body, 201);
});
