/**
 * Writes of the cooperative dashboard over JSON: batches with their
 * provenance timeline and a product's certificates. Member-only: the product
 * is found through findOwnedProduct (its cooperative's members, no one else),
 * and the body is checked by the same rules as the dashboard's forms
 * (src/server/provenance/batch-input.ts), so the answers' field names
 * (`steps.2.occurredAt`) are the same.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { CERTIFICATION_KINDS } from '../../src/server/products/vocabulary';
import { findOwnedProduct } from '../../src/server/products/owned-product';
import { NotFoundError } from '../../src/server/errors';
import { FUTURE_TOLERANCE_MS, MAX_STEPS } from '../../src/server/provenance/batch-input';
import { findProductBatch, recordBatch, recordCertificate, updateBatch, updateCertificate } from '../../src/server/provenance/batches';
import { PROVENANCE_ACTOR_KINDS, PROVENANCE_STEP_KINDS } from '../../src/server/provenance/vocabulary';
import { createRouter } from './context';
import { membersOnly } from './session';
import { errorSchemaResponses, isoDate } from './schemas';

const errors = (...statuses: number[]) => errorSchemaResponses(errorDescriptions, ...statuses);
const errorDescriptions: Record<number, string> = {
  401: 'Not signed in',
  403: 'Not a member of the cooperative that owns the product, or a cross-origin request',
  404: 'No such product (or lot, or certificate)',
  422: 'Invalid fields, named by their path (e.g. `steps.2.occurredAt`)',
};

const slug = z.string().min(1).max(200).openapi({ param: { name: 'slug', in: 'path' }, example: 'vai-thieu-luc-ngan' });
const lot = z
  .string()
  .min(1)
  .max(200)
  .openapi({ param: { name: 'lot', in: 'path' }, example: 'LN2026-06A', description: 'Lot code as recorded, percent-encoded in the path.' });
const certificateId = z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } });

/*
 * The body schemas document the shape; they are loose on purpose, because the
 * rules (a timeline in order, nothing in the future, unknown fields refused)
 * depend on the time of arrival and are checked by the domain's schema, which
 * names every problem by its path.
 */
const StepBody = z
  .looseObject({
    kind: z.enum(PROVENANCE_STEP_KINDS),
    occurredAt: z.string().openapi({ format: 'date-time', example: '2026-06-10T07:00:00+07:00', description: 'With its UTC offset; no later than now (5 minutes of clock drift allowed).' }),
    provinceCode: z.string().nullable().optional().openapi({ description: 'GSO code of one of the 34 provinces.', example: '24' }),
    place: z.string().openapi({ description: '2 to 300 characters.' }),
    latitude: z.number().nullable().optional(),
    longitude: z.number().nullable().optional().openapi({ description: 'Given together with latitude, or neither.' }),
    actorName: z.string(),
    actorKind: z.enum(PROVENANCE_ACTOR_KINDS),
    evidenceNumber: z.string().nullable().optional(),
    evidenceUrl: z.string().nullable().optional().openapi({ format: 'uri' }),
    noteVi: z.string().nullable().optional(),
    noteEn: z.string().nullable().optional(),
  })
  .openapi('ProvenanceStepInput');

const BatchBody = z
  .looseObject({
    lotCode: z.string().openapi({ example: 'LN2026-06A', description: 'GS1 AI (10): 1-20 characters of the GS1 encodable set; unique per product.' }),
    productionDate: isoDate,
    bestBefore: isoDate.nullable().optional(),
    quantity: z.number().openapi({ example: 500 }),
    quantityUnit: z.string().openapi({ example: 'kg' }),
    steps: z.array(StepBody).openapi({
      description: `The timeline in order, at most ${MAX_STEPS} steps, each no earlier than the one before and none in the future (tolerance ${FUTURE_TOLERANCE_MS / 60_000} minutes). A PUT replaces the whole timeline: that is how steps are reordered or removed.`,
    }),
  })
  .openapi('BatchInput');

const CertificateBody = z
  .looseObject({
    kind: z.enum(CERTIFICATION_KINDS),
    number: z.string(),
    issuer: z.string(),
    validFrom: isoDate,
    validUntil: isoDate.nullable().optional().openapi({ description: 'Last valid day, inclusive, no earlier than validFrom; null when it has no end.' }),
    evidenceUrl: z.string().nullable().optional().openapi({ format: 'uri' }),
  })
  .openapi('CertificateInput');

const WrittenBatch = z.object({ id: z.string(), lotCode: z.string() }).openapi('WrittenBatch');
const WrittenCertificate = z.object({ id: z.string() }).openapi('WrittenCertificate');

const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const createBatchRoute = createRoute({
  method: 'post',
  path: '/products/{slug}/batches',
  middleware: [membersOnly],
  summary: 'Record a batch with its provenance timeline',
  description: 'Members of the cooperative that owns the product only. The batch and its steps are written together or not at all.',
  request: { params: z.object({ slug }), ...json(BatchBody) },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: WrittenBatch } } },
    ...errors(401, 403, 404, 422),
  },
});

const updateBatchRoute = createRoute({
  method: 'put',
  path: '/products/{slug}/batches/{lot}',
  middleware: [membersOnly],
  summary: 'Replace a batch and its whole timeline',
  description: 'Members of the owning cooperative only. The lot code may change (to one the product does not already use).',
  request: { params: z.object({ slug, lot }), ...json(BatchBody) },
  responses: {
    200: { description: 'Replaced', content: { 'application/json': { schema: WrittenBatch } } },
    ...errors(401, 403, 404, 422),
  },
});

const createCertificateRoute = createRoute({
  method: 'post',
  path: '/products/{slug}/certificates',
  middleware: [membersOnly],
  summary: 'Add a certificate to a product',
  description: 'Members of the owning cooperative only.',
  request: { params: z.object({ slug }), ...json(CertificateBody) },
  responses: {
    201: { description: 'Added', content: { 'application/json': { schema: WrittenCertificate } } },
    ...errors(401, 403, 404, 422),
  },
});

const updateCertificateRoute = createRoute({
  method: 'put',
  path: '/products/{slug}/certificates/{id}',
  middleware: [membersOnly],
  summary: "Change a product's certificate",
  description: 'Members of the owning cooperative only.',
  request: { params: z.object({ slug, id: certificateId }), ...json(CertificateBody) },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: WrittenCertificate } } },
    ...errors(401, 403, 404, 422),
  },
});

export const dashboard = createRouter()
  .openapi(createBatchRoute, async (c) => {
    const db = c.get('db');
    const product = await findOwnedProduct(db, c.get('user'), c.req.valid('param').slug);
    const written = await recordBatch(db, product.id, c.req.valid('json'), new Date());
    c.header('Cache-Control', 'no-store');
    return c.json(written, 201);
  })
  .openapi(updateBatchRoute, async (c) => {
    const db = c.get('db');
    const params = c.req.valid('param');
    const product = await findOwnedProduct(db, c.get('user'), params.slug);
    const batch = await findProductBatch(db, product.id, { lotCode: params.lot });
    if (!batch) throw new NotFoundError('batch', 'lot', { lot: { code: 'unknown_lot' } });
    const written = await updateBatch(db, product.id, batch.id, c.req.valid('json'), new Date());
    c.header('Cache-Control', 'no-store');
    return c.json(written, 200);
  })
  .openapi(createCertificateRoute, async (c) => {
    const db = c.get('db');
    const product = await findOwnedProduct(db, c.get('user'), c.req.valid('param').slug);
    const written = await recordCertificate(db, { cooperativeId: product.cooperativeId, productId: product.id }, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(written, 201);
  })
  .openapi(updateCertificateRoute, async (c) => {
    const db = c.get('db');
    const params = c.req.valid('param');
    const product = await findOwnedProduct(db, c.get('user'), params.slug);
    const written = await updateCertificate(db, { cooperativeId: product.cooperativeId, productId: product.id }, params.id, c.req.valid('json'));
    c.header('Cache-Control', 'no-store');
    return c.json(written, 200);
  });
