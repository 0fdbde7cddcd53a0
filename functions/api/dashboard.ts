/**
 * Writes of the cooperative dashboard over JSON: batches with their
 * provenance timeline, a product's claims (OCOP ratings and certificates,
 * and its batches' lab reports, with their evidence files and where each
 * stands with the trade department), sending a product to review. Member-only: the product
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
import { CERTIFICATION_KINDS, OCOP_LEVELS } from '../../src/server/products/vocabulary';
import { batchInputObject, certificateInputSchema } from '../../src/server/provenance/batch-input';
import {
  findProductBatch,
  listProductCertificates,
  recordBatch,
  recordCertificate,
  updateBatch,
  updateCertificate,
} from '../../src/server/provenance/batches';
import { createRouter } from './context';
import { claimBody, readClaimBody } from './claim-body';
import { jsonBody } from './json-body';
import { domainBody, signedIn } from './openapi';
import { errorSchemaResponses, instant, isoDate, OcopIssuerSchema } from './schemas';
import { evidencePath } from '../../src/server/claims/evidence-access';
import { CLAIM_STATES, type ClaimKind } from '../../src/server/claims/vocabulary';
import type { SessionUser } from '../../src/server/accounts/users';
import type { Database } from '../../src/server/db/client';
import {
  labReportInputObject,
  listBatchLabReports,
  recordLabReport,
  updateLabReport,
} from '../../src/server/provenance/lab-reports';
import { LAB_RESULTS, LAB_TEST_KINDS } from '../../src/server/provenance/vocabulary';
import { addOcopRating, listProductRatings, updateOcopRating } from '../../src/server/products/ocop-ratings';
import { ocopRatingInputSchema } from '../../src/server/products/product-input';

const tags = ['Cooperative dashboard'];
import { membersOnly } from './session';

const errors = (...statuses: number[]) => errorSchemaResponses(errorDescriptions, ...statuses);
const errorDescriptions: Record<number, string> = {
  401: 'Not signed in',
  403: 'Not a member of the cooperative that owns the product, or a cross-origin request',
  404: 'No such product (or lot, certificate, rating or lab report)',
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

/** The evidence file's part of a multipart claim body, for `what` (the certificate, the decision); `absent` says what its absence means. */
const evidencePart = (what: string, absent = 'Absent: the claim keeps the file it has.') => ({
  type: 'string',
  format: 'binary',
  description: `${what}: a PDF, JPEG, PNG or WebP file of at most ${MAX_EVIDENCE_MEGABYTES} MB, recognised by its content. A PDF with script, launch actions, attached files or web page markup is refused (422, \`fields.evidence\`). ${absent}`,
});

const evidencePublicPart = {
  type: 'string',
  enum: ['true', 'false'],
  description: 'As in the JSON body (`on` and `1` also mean true); absent means false.',
};

/** Every part of a form is text; a list is one part per item. */
const textParts = (example: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(example).map(([name, value]) => [name, Array.isArray(value) ? value.map(String) : String(value)]),
  );

/**
 * A claim as JSON (no file) or multipart with its evidence file: what a form
 * or `curl -F` sends. `upload` is the multipart text fields as a plain schema
 * object, not zod: the route must not validate the body itself (the domain
 * verb does, with the JSON's messages).
 */
function claimUpload(
  schema: Parameters<typeof domainBody>[0],
  example: Record<string, unknown>,
  upload: { required: string[]; properties: Record<string, unknown> },
): ReturnType<typeof domainBody> {
  const json = domainBody(schema, { example });
  const documented = {
    ...json,
    description: 'JSON leaves the evidence file as it is; multipart/form-data carries a new one in `evidence`.',
    content: {
      ...json.content,
      'multipart/form-data': {
        schema: { type: 'object', ...upload },
        example: { ...textParts(example), evidence: '(the PDF file)' },
        encoding: { evidence: { contentType: 'application/pdf, image/jpeg, image/png, image/webp' } },
      },
    },
  };
  // Typed as the JSON body alone: the multipart schema is a plain object, which the route's types would read as no input at all.
  return documented as unknown as ReturnType<typeof domainBody>;
}

/** What a change of a claim sends besides its fields: the revision it was read at (claim-version.ts). */
const versionPart = {
  type: 'integer',
  minimum: 0,
  description:
    "The claim's `version` as last read (the list gives it): a claim an officer decided since is a 409 (`fields.verification`: `claim_changed`), not sent back to the queue unseen. Absent: the change is made on the claim as it is.",
};
const changeVersion = z.object({
  version: z.number().int().nonnegative().optional().meta({ description: versionPart.description }),
});

/** A claim's change: its fields, and the version it was read at. */
const claimChange = (fields: z.ZodType, id: string) => z.intersection(fields, changeVersion).meta({ id });

const certificateBody = (change = false) =>
  claimUpload(
    change ? claimChange(certificateInputSchema, 'CertificateChange') : certificateInputSchema,
    certificateExample,
    {
      required: ['kind', 'number', 'issuer', 'validFrom'],
      properties: {
        kind: { type: 'string', enum: [...CERTIFICATION_KINDS] },
        number: { type: 'string' },
        issuer: { type: 'string' },
        validFrom: { type: 'string', format: 'date' },
        validUntil: { type: 'string', format: 'date', description: 'Empty or absent: no end date.' },
        evidenceUrl: { type: 'string' },
        evidencePublic: evidencePublicPart,
        evidence: evidencePart('The certificate itself'),
        ...(change ? { version: versionPart } : {}),
      },
    },
  );

const ratingExample = {
  stars: 4,
  level: 'province',
  decisionNumber: '1234/QĐ-UBND',
  decisionDate: '2026-05-15',
  evidencePublic: true,
};

/** Documented once: the schema's rules on dates depend on the day, which the domain verb reads when called. */
const OcopRatingInput = ocopRatingInputSchema(new Date()).meta({ id: 'OcopRatingInput' });

const ratingBody = (change = false) =>
  claimUpload(change ? claimChange(OcopRatingInput, 'OcopRatingChange') : OcopRatingInput, ratingExample, {
    required: ['stars', 'level', 'decisionNumber', 'decisionDate'],
    properties: {
      stars: { type: 'string', enum: ['3', '4', '5'], description: 'A number in JSON.' },
      level: { type: 'string', enum: [...OCOP_LEVELS] },
      decisionNumber: { type: 'string' },
      decisionDate: { type: 'string', format: 'date' },
      evidencePublic: evidencePublicPart,
      evidence: evidencePart('The recognition decision'),
      ...(change ? { version: versionPart } : {}),
    },
  });

const labReportExample = {
  lab: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 1',
  reportNumber: 'KQ-2026/08123',
  reportedOn: '2026-06-10',
  tests: ['pesticide_residues', 'microbiology'],
  result: 'pass',
  summary: 'Không phát hiện dư lượng trong 52 hoạt chất; vi sinh đạt QCVN 8-3:2012/BYT.',
  evidencePublic: true,
};

const labReportBody = (change = false) =>
  claimUpload(change ? claimChange(labReportInputObject, 'LabReportChange') : labReportInputObject, labReportExample, {
    required: ['lab', 'reportNumber', 'reportedOn', 'tests', 'result', 'summary', ...(change ? [] : ['evidence'])],
    properties: {
      lab: { type: 'string' },
      reportNumber: { type: 'string' },
      reportedOn: { type: 'string', format: 'date' },
      tests: {
        type: 'array',
        items: { type: 'string', enum: [...LAB_TEST_KINDS] },
        description: 'One part per kind of test.',
      },
      result: { type: 'string', enum: [...LAB_RESULTS] },
      summary: { type: 'string' },
      evidencePublic: evidencePublicPart,
      evidence: change
        ? evidencePart('The lab report itself')
        : evidencePart(
            'The lab report itself',
            'Required (`evidence_required`): an officer checks the report against it.',
          ),
      ...(change ? { version: versionPart } : {}),
    },
  });

/** The download path of a claim's evidence, for its own cooperative (null when it has none). */
const evidenceUrl = (kind: ClaimKind, claim: { id: string; evidenceType: string | null }) =>
  claim.evidenceType ? evidencePath(kind, claim.id) : null;

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
  request: { params: z.object({ slug, id: certificateId }), body: certificateBody(true) },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: WrittenCertificate } } },
    ...errors(401, 403, 404, 409, 413, 415, 422),
  },
});

const ratingId = z
  .string()
  .min(1)
  .max(64)
  .openapi({ param: { name: 'id', in: 'path' } });

const WrittenRating = z
  .object({
    id: z.string(),
    verification: z.enum(CLAIM_STATES).openapi({
      description:
        'A new rating, or one whose stars, level, decision number, date or evidence changed, is `pending`: its stars count only once a trade officer verified it. Changing only `evidencePublic` keeps its state.',
      example: 'pending',
    }),
  })
  .openapi('WrittenOcopRating');

/** Where a claim stands with the trade department, as its cooperative reads it. */
const claimState = {
  verification: z.enum(CLAIM_STATES).openapi({
    description:
      '`pending` (waiting for an officer), `needs_evidence` (sent back: `decisionReason` says what is missing), `verified`, `rejected` or `revoked` (with `decisionReason`).',
    example: 'rejected',
  }),
  decisionReason: z.string().nullable().openapi({
    description: "The officer's reason for a rejection, a request for evidence or a revocation; null otherwise.",
    example: 'Số quyết định trên bản chụp không khớp với số đã khai.',
  }),
  decidedAt: instant.nullable().openapi({ description: "The officer's last decision, if any." }),
  verifiedAt: instant.nullable().openapi({ description: 'When an officer last verified it; null if never.' }),
  evidenceUrl: z.string().nullable().openapi({
    description: 'Where the cooperative and the officers download its evidence file; null when it has none.',
    example: '/media/evidence/ocop_rating/abc123',
  }),
  version: z.number().int().nonnegative().openapi({
    description: 'Counted up by every change and decision: send it with a change (`version`).',
    example: 3,
  }),
};

const DeclaredRating = z
  .object({
    id: z.string(),
    stars: z.number().int().min(3).max(5),
    level: z.enum(OCOP_LEVELS),
    decisionNumber: z.string(),
    decisionDate: isoDate,
    validUntil: isoDate.openapi({ description: 'Last valid day: the decision date + 36 months, inclusive.' }),
    issuer: OcopIssuerSchema,
    evidencePublic: z.boolean(),
    ...claimState,
  })
  .openapi('DeclaredOcopRating');

const DeclaredCertificate = z
  .object({
    id: z.string(),
    kind: z.enum(CERTIFICATION_KINDS),
    number: z.string(),
    issuer: z.string(),
    validFrom: isoDate,
    validUntil: isoDate.nullable(),
    evidencePublic: z.boolean(),
    ...claimState,
  })
  .openapi('DeclaredCertificate');

const listRatingsRoute = createRoute({
  method: 'get',
  path: '/products/{slug}/ocop-ratings',
  middleware: [membersOnly],
  operationId: 'listOcopRatings',
  tags,
  security: signedIn,
  summary: "A product's OCOP ratings with where each stands with the trade department",
  description: 'Members of the owning cooperative only; every state, newest decision first.',
  request: { params: z.object({ slug }) },
  responses: {
    200: {
      description: 'The ratings',
      content: { 'application/json': { schema: z.object({ items: z.array(DeclaredRating) }) } },
    },
    ...errors(401, 403, 404),
  },
});

const createRatingRoute = createRoute({
  method: 'post',
  path: '/products/{slug}/ocop-ratings',
  middleware: [membersOnly, claimBody()],
  operationId: 'recordOcopRating',
  tags,
  security: signedIn,
  summary: "Declare a product's OCOP rating with its recognition decision",
  description:
    "Members of the owning cooperative only, whatever the product's status. 3-4 stars are recognised by the province, 5 by the national council; the decision is not dated in the future nor more than 36 months ago. Nothing is stored, file included, when the answer is not 201.",
  request: { params: z.object({ slug }), body: ratingBody() },
  responses: {
    201: { description: 'Declared, pending', content: { 'application/json': { schema: WrittenRating } } },
    ...errors(401, 403, 404, 413, 415, 422),
  },
});

const updateRatingRoute = createRoute({
  method: 'put',
  path: '/products/{slug}/ocop-ratings/{id}',
  middleware: [membersOnly, claimBody()],
  operationId: 'updateOcopRating',
  tags,
  security: signedIn,
  summary: "Change a product's OCOP rating",
  description:
    'Members of the owning cooperative only. A new evidence file replaces the old one. A revoked rating is not changed (409): declare the new decision. Nothing is stored, file included, when the answer is not 200.',
  request: { params: z.object({ slug, id: ratingId }), body: ratingBody(true) },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: WrittenRating } } },
    ...errors(401, 403, 404, 409, 413, 415, 422),
  },
});

const listCertificatesRoute = createRoute({
  method: 'get',
  path: '/products/{slug}/certificates',
  middleware: [membersOnly],
  operationId: 'listProductCertificates',
  tags,
  security: signedIn,
  summary: "A product's certificates with where each stands with the trade department",
  description: 'Members of the owning cooperative only; every state.',
  request: { params: z.object({ slug }) },
  responses: {
    200: {
      description: 'The certificates',
      content: { 'application/json': { schema: z.object({ items: z.array(DeclaredCertificate) }) } },
    },
    ...errors(401, 403, 404),
  },
});

const labReportId = z
  .string()
  .min(1)
  .max(64)
  .openapi({ param: { name: 'id', in: 'path' } });

const WrittenLabReport = z
  .object({
    id: z.string(),
    verification: z.enum(CLAIM_STATES).openapi({
      description:
        'A new lab report, or one whose lab, number, date, tests, result, summary or evidence changed, is `pending`: the trace page shows it (or, for a change, its new version) only once a trade officer verified it. Changing only `evidencePublic` keeps its state.',
      example: 'pending',
    }),
  })
  .openapi('WrittenLabReport');

const DeclaredLabReport = z
  .object({
    id: z.string(),
    lab: z.string(),
    reportNumber: z.string(),
    reportedOn: isoDate,
    tests: z.array(z.enum(LAB_TEST_KINDS)),
    result: z.enum(LAB_RESULTS),
    summary: z.string(),
    evidencePublic: z.boolean(),
    ...claimState,
    verifiedVersionShown: z.boolean().openapi({
      description:
        'Whether the trace page shows the version an officer verified last (of `verifiedAt`) while this one waits or was turned down; false once revoked.',
      example: true,
    }),
  })
  .openapi('DeclaredLabReport');

const labReportsPath = '/products/{slug}/batches/{lot}/lab-reports';

const listLabReportsRoute = createRoute({
  method: 'get',
  path: labReportsPath,
  middleware: [membersOnly],
  operationId: 'listLabReports',
  tags,
  security: signedIn,
  summary: "A batch's lab reports with where each stands with the trade department",
  description: 'Members of the owning cooperative only; every state, newest report first.',
  request: { params: z.object({ slug, lot }) },
  responses: {
    200: {
      description: 'The lab reports',
      content: { 'application/json': { schema: z.object({ items: z.array(DeclaredLabReport) }) } },
    },
    ...errors(401, 403, 404),
  },
});

const createLabReportRoute = createRoute({
  method: 'post',
  path: labReportsPath,
  middleware: [membersOnly, claimBody()],
  operationId: 'recordLabReport',
  tags,
  security: signedIn,
  summary: 'Attach a lab report to a batch, with the report itself',
  description:
    'Members of the owning cooperative only. Multipart, since the report file is required (`evidence`); the date is not in the future. Nothing is stored, file included, when the answer is not 201.',
  request: { params: z.object({ slug, lot }), body: labReportBody() },
  responses: {
    201: { description: 'Attached, pending', content: { 'application/json': { schema: WrittenLabReport } } },
    ...errors(401, 403, 404, 413, 415, 422),
  },
});

const updateLabReportRoute = createRoute({
  method: 'put',
  path: `${labReportsPath}/{id}`,
  middleware: [membersOnly, claimBody()],
  operationId: 'updateLabReport',
  tags,
  security: signedIn,
  summary: "Change a batch's lab report",
  description:
    'Members of the owning cooperative only. A change of a verified report waits for an officer while the trace page keeps the verified version. A new evidence file replaces the old one; nothing is stored, file included, when the answer is not 200.',
  request: { params: z.object({ slug, lot, id: labReportId }), body: labReportBody(true) },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: WrittenLabReport } } },
    ...errors(401, 403, 404, 409, 413, 415, 422),
  },
});

/** The member's product `slug` and its batch of lot code `lot`; a 404 naming the part not found. */
async function ownedBatch(
  c: { get(key: 'db'): Database; get(key: 'user'): SessionUser | null },
  slug: string,
  lot: string,
) {
  const db = c.get('db');
  const product = await findOwnedProduct(db, c.get('user'), slug);
  const batch = await findProductBatch(db, product.id, { lotCode: lot });
  if (!batch) throw new NotFoundError('batch', 'lot', { lot: { code: 'unknown_lot' } });
  return { product, batch, owner: { cooperativeId: product.cooperativeId, productId: product.id } };
}

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
    const params = c.req.valid('param');
    const { product, batch } = await ownedBatch(c, params.slug, params.lot);
    const written = await updateBatch(c.get('db'), product.id, batch.id, await c.req.json(), new Date());
    c.header('Cache-Control', 'no-store');
    return c.json(written, 200);
  })
  .openapi(listLabReportsRoute, async (c) => {
    const params = c.req.valid('param');
    const { batch } = await ownedBatch(c, params.slug, params.lot);
    const reports = await listBatchLabReports(c.get('db'), batch.id);
    c.header('Cache-Control', 'no-store');
    return c.json(
      z.object({ items: z.array(DeclaredLabReport) }).encode({
        items: reports.map(({ revision, evidenceType, publicVersionStands, ...report }) => ({
          ...report,
          version: revision,
          evidenceUrl: evidenceUrl('lab_report', { id: report.id, evidenceType }),
          verifiedVersionShown: publicVersionStands,
        })),
      }),
      200,
    );
  })
  .openapi(createLabReportRoute, async (c) => {
    const params = c.req.valid('param');
    const { batch, owner } = await ownedBatch(c, params.slug, params.lot);
    const body = await readClaimBody(c);
    const written = await recordLabReport(c.get('db'), owner, batch.id, body.input, new Date(), {
      bucket: c.get('services').media.bucket,
      file: body.file,
    });
    c.header('Cache-Control', 'no-store');
    return c.json(written, 201);
  })
  .openapi(updateLabReportRoute, async (c) => {
    const params = c.req.valid('param');
    const { batch, owner } = await ownedBatch(c, params.slug, params.lot);
    const body = await readClaimBody(c);
    const written = await updateLabReport(c.get('db'), owner, batch.id, params.id, body.input, new Date(), {
      bucket: c.get('services').media.bucket,
      file: body.file,
    });
    c.header('Cache-Control', 'no-store');
    return c.json(written, 200);
  })
  .openapi(listRatingsRoute, async (c) => {
    const db = c.get('db');
    const product = await findOwnedProduct(db, c.get('user'), c.req.valid('param').slug);
    const ratings = await listProductRatings(db, product.id);
    c.header('Cache-Control', 'no-store');
    return c.json(
      z.object({ items: z.array(DeclaredRating) }).encode({
        items: ratings.map(({ revision, ...rating }) => ({
          ...rating,
          version: revision,
          evidenceUrl: evidenceUrl('ocop_rating', rating),
        })),
      }),
      200,
    );
  })
  .openapi(createRatingRoute, async (c) => {
    const body = await readClaimBody(c);
    const written = await addOcopRating(c.get('db'), c.get('user'), c.req.valid('param').slug, body.input, new Date(), {
      bucket: c.get('services').media.bucket,
      file: body.file,
    });
    c.header('Cache-Control', 'no-store');
    return c.json(written, 201);
  })
  .openapi(updateRatingRoute, async (c) => {
    const params = c.req.valid('param');
    const body = await readClaimBody(c);
    const written = await updateOcopRating(c.get('db'), c.get('user'), params.slug, params.id, body.input, new Date(), {
      bucket: c.get('services').media.bucket,
      file: body.file,
    });
    c.header('Cache-Control', 'no-store');
    return c.json(written, 200);
  })
  .openapi(listCertificatesRoute, async (c) => {
    const db = c.get('db');
    const product = await findOwnedProduct(db, c.get('user'), c.req.valid('param').slug);
    const certificates = await listProductCertificates(db, product.id);
    c.header('Cache-Control', 'no-store');
    return c.json(
      z.object({ items: z.array(DeclaredCertificate) }).encode({
        items: certificates.map(({ revision, ...certificate }) => ({
          ...certificate,
          version: revision,
          evidenceUrl: evidenceUrl('certificate', certificate),
        })),
      }),
      200,
    );
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
