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
import { MAX_EVIDENCE_MEGABYTES } from '../../src/server/claims/evidence-file';
import { CLAIM_STATES } from '../../src/server/claims/vocabulary';
import { CERTIFICATION_KINDS } from '../../src/server/products/vocabulary';
import { batchInputObject, certificateInputSchema } from '../../src/server/provenance/batch-input';
import {
  findProductBatch,
  recordBatch,
  recordCertificate,
  updateBatch,
  updateCertificate,
} from '../../src/server/provenance/batches';
import { createRouter } from './context';
import { claimBody, readClaimBody } from './claim-body';
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
  413: 'The body is over its limit (a multipart upload: the evidence file and its fields)',
  415: 'Neither application/json nor multipart/form-data',
  422: 'Invalid fields, named by their path (e.g. `steps.2.occurredAt`); a refused evidence file under `evidence`',
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
    verification: z.enum(CLAIM_STATES).openapi({
      description:
        'A new certificate, or one whose number, issuer, dates or evidence changed, is `pending`: it waits for a trade officer before any public page shows it. Changing only `evidencePublic` keeps its state.',
      example: 'pending',
    }),
  })
  .openapi('WrittenCertificate');

const certificateExample = {
  kind: 'organic',
  number: 'TCVN 11041-2:2017/0425',
  issuer: 'Trung tâm Chứng nhận Phù hợp (QUACERT)',
  validFrom: '2026-03-01',
  validUntil: '2029-02-28',
  evidencePublic: true,
};

/**
 * The certificate's fields as multipart text, with its evidence file: what a
 * form or `curl -F` sends. A plain schema object, not zod: the route must not
 * validate the body itself (the domain verb does, with the JSON's messages).
 */
const certificateUpload = {
  type: 'object',
  required: ['kind', 'number', 'issuer', 'validFrom'],
  properties: {
    kind: { type: 'string', enum: [...CERTIFICATION_KINDS] },
    number: { type: 'string' },
    issuer: { type: 'string' },
    validFrom: { type: 'string', format: 'date' },
    validUntil: { type: 'string', format: 'date', description: 'Empty or absent: no end date.' },
    evidenceUrl: { type: 'string' },
    evidencePublic: {
      type: 'string',
      enum: ['true', 'false'],
      description: 'As in the JSON body (`on` and `1` also mean true); absent means false.',
    },
    evidence: {
      type: 'string',
      format: 'binary',
      description: `The certificate itself: a PDF, JPEG, PNG or WebP file of at most ${MAX_EVIDENCE_MEGABYTES} MB, recognised by its content. A PDF with script, launch actions, attached files or web page markup is refused (422, \`fields.evidence\`). Absent: the certificate keeps the file it has.`,
    },
  },
};

/**
 * The certificate as JSON (no file) or multipart with its evidence file.
 */
const certificateBody = (): ReturnType<typeof domainBody> => {
  const json = domainBody(certificateInputSchema, { example: certificateExample });
  const documented = {
    ...json,
    description: 'JSON leaves the evidence file as it is; multipart/form-data carries a new one in `evidence`.',
    content: {
      ...json.content,
      'multipart/form-data': {
        schema: certificateUpload,
        example: { ...certificateExample, evidencePublic: 'true', evidence: '(the PDF file)' },
        encoding: { evidence: { contentType: 'application/pdf, image/jpeg, image/png, image/webp' } },
      },
    },
  };
  // Typed as the JSON body alone: the multipart schema is a plain object, which the route's types would read as no input at all.
  return documented as unknown as ReturnType<typeof domainBody>;
};
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
  middleware: [membersOnly, claimBody()],
  operationId: 'recordCertificate',
  tags,
  security: signedIn,
  summary: 'Add a certificate to a product',
  description: 'Members of the owning cooperative only. Nothing is stored, file included, when the answer is not 201.',
  request: { params: z.object({ slug }), body: certificateBody() },
  responses: {
    201: { description: 'Added', content: { 'application/json': { schema: WrittenCertificate } } },
    ...errors(401, 403, 404, 413, 415, 422),
  },
});

const updateCertificateRoute = createRoute({
  method: 'put',
  path: '/products/{slug}/certificates/{id}',
  middleware: [membersOnly, claimBody()],
  operationId: 'updateCertificate',
  tags,
  security: signedIn,
  summary: "Change a product's certificate",
  description:
    'Members of the owning cooperative only. A new evidence file replaces the old one; nothing is stored, file included, when the answer is not 200.',
  request: { params: z.object({ slug, id: certificateId }), body: certificateBody() },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: WrittenCertificate } } },
    ...errors(401, 403, 404, 413, 415, 422),
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
    const body = await readClaimBody(c);
    const written = await recordCertificate(
      db,
      { cooperativeId: product.cooperativeId, productId: product.id },
      body.input,
      new Date(),
      { bucket: c.get('services').media.bucket, file: body.file },
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ ...written, verification: 'pending' as const }, 201);
  })
  .openapi(updateCertificateRoute, async (c) => {
    const db = c.get('db');
    const params = c.req.valid('param');
    const product = await findOwnedProduct(db, c.get('user'), params.slug);
    const body = await readClaimBody(c);
    const written = await updateCertificate(
      db,
      { cooperativeId: product.cooperativeId, productId: product.id },
      params.id,
      body.input,
      new Date(),
      { bucket: c.get('services').media.bucket, file: body.file },
    );
    c.header('Cache-Control', 'no-store');
    return c.json(written, 200);
  });
