/**
 * Writes of the cooperative dashboard over JSON: batches with their
 * provenance timeline, a product's certificates, sending a product to review. Member-only: the product
 * is found through findOwnedProduct (its cooperative's members, no one else),
 * and the body is checked by the same rules as the dashboard's forms
 * (src/server/provenance/batch-input.ts), so the answers' field names
 * (`steps.2.occurredAt`) are the same.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { findOwnedProduct } from '../../src/server/products/owned-product';
import { submitProduct } from '../../src/server/products/product-writes';
import { NotFoundError } from '../../src/server/errors';
import { batchInputObject, certificateInputSchema } from '../../src/server/provenance/batch-input';
import {
  findProductBatch,
  recordBatch,
  recordCertificate,
  updateBatch,
  updateCertificate,
} from '../../src/server/provenance/batches';
import { createRouter } from './context';
import { jsonBody } from './json-body';
import { domainBody, signedIn } from './openapi';
import { errorSchemaResponses } from './schemas';

const tags = ['Cooperative dashboard'];
import { membersOnly } from './session';

const errors = (...statuses: number[]) => errorSchemaResponses(errorDescriptions, ...statuses);
const errorDescriptions: Record<number, string> = {
  401: 'Not signed in',
  403: 'Not a member of the cooperative that owns the product, or a cross-origin request',
  404: 'No such product (or lot, or certificate)',
  409: 'The product is not in a state that can be sent to review (already submitted or published), or changed meanwhile',
  422: 'Invalid fields, named by their path (e.g. `steps.2.occurredAt`)',
};

const slug = z
  .string()
  .min(1)
  .max(200)
  .openapi({ param: { name: 'slug', in: 'path' }, example: 'vai-thieu-luc-ngan' });
const lot = z
  .string()
  .min(1)
  .max(200)
  .openapi({
    param: { name: 'lot', in: 'path' },
    example: 'LN2026-06A',
    description: 'Lot code as recorded, percent-encoded in the path.',
  });
const certificateId = z
  .string()
  .min(1)
  .max(64)
  .openapi({ param: { name: 'id', in: 'path' } });

const WrittenBatch = z.object({ id: z.string(), lotCode: z.string() }).openapi('WrittenBatch');
const WrittenCertificate = z
  .object({
    id: z.string(),
    verification: z.literal('pending').openapi({
      description: 'A new or changed certificate waits for a trade officer before any public page shows it.',
    }),
  })
  .openapi('WrittenCertificate');
const SubmittedProduct = z.object({ slug: z.string(), status: z.literal('submitted') }).openapi('SubmittedProduct');

const createBatchRoute = createRoute({
  method: 'post',
  path: '/products/{slug}/batches',
  middleware: [membersOnly, jsonBody()],
  operationId: 'recordBatch',
  tags,
  security: signedIn,
  summary: 'Record a batch with its provenance timeline',
  description:
    'Members of the cooperative that owns the product only. The batch and its steps are written together or not at all.',
  request: { params: z.object({ slug }), body: domainBody(batchInputObject) },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: WrittenBatch } } },
    ...errors(401, 403, 404, 422),
  },
});

const updateBatchRoute = createRoute({
  method: 'put',
  path: '/products/{slug}/batches/{lot}',
  middleware: [membersOnly, jsonBody()],
  operationId: 'updateBatch',
  tags,
  security: signedIn,
  summary: 'Replace a batch and its whole timeline',
  description:
    'Members of the owning cooperative only. The lot code may change (to one the product does not already use).',
  request: { params: z.object({ slug, lot }), body: domainBody(batchInputObject) },
  responses: {
    200: { description: 'Replaced', content: { 'application/json': { schema: WrittenBatch } } },
    ...errors(401, 403, 404, 422),
  },
});

const createCertificateRoute = createRoute({
  method: 'post',
  path: '/products/{slug}/certificates',
  middleware: [membersOnly, jsonBody()],
  operationId: 'recordCertificate',
  tags,
  security: signedIn,
  summary: 'Add a certificate to a product',
  description: 'Members of the owning cooperative only.',
  request: { params: z.object({ slug }), body: domainBody(certificateInputSchema) },
  responses: {
    201: { description: 'Added', content: { 'application/json': { schema: WrittenCertificate } } },
    ...errors(401, 403, 404, 422),
  },
});

const updateCertificateRoute = createRoute({
  method: 'put',
  path: '/products/{slug}/certificates/{id}',
  middleware: [membersOnly, jsonBody()],
  operationId: 'updateCertificate',
  tags,
  security: signedIn,
  summary: "Change a product's certificate",
  description: 'Members of the owning cooperative only.',
  request: { params: z.object({ slug, id: certificateId }), body: domainBody(certificateInputSchema) },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: WrittenCertificate } } },
    ...errors(401, 403, 404, 422),
  },
});

const submitProductRoute = createRoute({
  method: 'post',
  path: '/products/{slug}/submit',
  middleware: [membersOnly],
  operationId: 'submitProductForReview',
  tags,
  security: signedIn,
  summary: 'Send a draft, rejected or unpublished product to review',
  description:
    'Members of the owning cooperative only. A product needs at least one photo first: without one the answer is 422 with `fields.images` (code `photo_required`).',
  request: { params: z.object({ slug }) },
  responses: {
    200: {
      description: 'Waiting for review',
      content: { 'application/json': { schema: SubmittedProduct } },
    },
    ...errors(401, 403, 404, 409, 422),
  },
});

export const dashboard = createRouter()
  .openapi(submitProductRoute, async (c) => {
    const params = c.req.valid('param');
    await submitProduct(c.get('db'), c.get('user'), params.slug);
    c.header('Cache-Control', 'no-store');
    return c.json({ slug: params.slug, status: 'submitted' as const }, 200);
  })
  .openapi(createBatchRoute, async (c) => {
    const db = c.get('db');
    const product = await findOwnedProduct(db, c.get('user'), c.req.valid('param').slug);
    const written = await recordBatch(db, product.id, await c.req.json(), new Date());
    c.header('Cache-Control', 'no-store');
    return c.json(written, 201);
  })
  .openapi(updateBatchRoute, async (c) => {
    const db = c.get('db');
    const params = c.req.valid('param');
    const product = await findOwnedProduct(db, c.get('user'), params.slug);
    const batch = await findProductBatch(db, product.id, { lotCode: params.lot });
    if (!batch) throw new NotFoundError('batch', 'lot', { lot: { code: 'unknown_lot' } });
    const written = await updateBatch(db, product.id, batch.id, await c.req.json(), new Date());
    c.header('Cache-Control', 'no-store');
    return c.json(written, 200);
  })
  .openapi(createCertificateRoute, async (c) => {
    const db = c.get('db');
    const product = await findOwnedProduct(db, c.get('user'), c.req.valid('param').slug);
    const written = await recordCertificate(
      db,
      { cooperativeId: product.cooperativeId, productId: product.id },
      await c.req.json(),
      new Date(),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ ...written, verification: 'pending' as const }, 201);
  })
  .openapi(updateCertificateRoute, async (c) => {
    const db = c.get('db');
    const params = c.req.valid('param');
    const product = await findOwnedProduct(db, c.get('user'), params.slug);
    const written = await updateCertificate(
      db,
      { cooperativeId: product.cooperativeId, productId: product.id },
      params.id,
      await c.req.json(),
      new Date(),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ ...written, verification: 'pending' as const }, 200);
  });
