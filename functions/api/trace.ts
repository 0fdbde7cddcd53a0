/**
 * GET /trace/{gtin}/{lot} and /trace/codes/{code}/{lot}: a batch and its
 * provenance timeline, the same data as the trace page, for scanners and
 * partners' systems.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { tracePaths } from '../../src/i18n/routes';
import { OCOP_GROUPS } from '../../src/server/products/vocabulary';
import { BadRequestError, NotFoundError } from '../../src/server/errors';
import { batchLabelPath } from '../../src/server/provenance/digital-link';
import { parseGtin } from '../../src/server/provenance/gtin';
import { normaliseTraceCode } from '../../src/server/provenance/resolver';
import { type BatchTrace, getBatchTrace, type ProductKey } from '../../src/server/provenance/trace';
import {
  LAB_RESULTS,
  LAB_TEST_KINDS,
  PROVENANCE_ACTOR_KINDS,
  PROVENANCE_STEP_KINDS,
} from '../../src/server/provenance/vocabulary';
import { absoluteUrl, resolveOrigin } from '../../src/server/seo/urls';
import { createRouter } from './context';
import {
  asOf,
  CertificateSchema,
  CooperativeCardSchema,
  errorSchemaResponse,
  instant,
  isoDate,
  OcopRatingSchema,
  ProvinceRefSchema,
  VerifiedBySchema,
} from './schemas';

const LabReportSchema = z
  .object({
    lab: z.string().openapi({ example: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng 1' }),
    reportNumber: z.string().openapi({ example: 'KQ-2026/08123' }),
    reportedOn: isoDate.openapi({ description: 'The day the lab issued its results.' }),
    tests: z.array(z.enum(LAB_TEST_KINDS)).openapi({ example: ['pesticide_residues', 'microbiology'] }),
    result: z.enum(LAB_RESULTS),
    summary: z.string(),
    verified: VerifiedBySchema,
    evidenceHref: z.string().nullable().openapi({
      description: "Path of the report's file, when the cooperative lets the public download it; null otherwise.",
      example: '/media/evidence/lab_report/abc123',
    }),
  })
  .openapi('LabReport');

const TraceStepSchema = z
  .object({
    position: z.number().int(),
    kind: z.enum(PROVENANCE_STEP_KINDS),
    occurredAt: instant,
    place: z.string(),
    province: ProvinceRefSchema.nullable(),
    latitude: z.number().nullable().openapi({ description: 'WGS 84 degrees' }),
    longitude: z.number().nullable().openapi({ description: 'WGS 84 degrees' }),
    actorName: z.string(),
    actorKind: z.enum(PROVENANCE_ACTOR_KINDS),
    evidenceNumber: z.string().nullable(),
    evidenceUrl: z.string().nullable().openapi({ format: 'uri' }),
    noteVi: z.string().nullable(),
    noteEn: z.string().nullable(),
  })
  .openapi('TraceStep');

export const BatchTraceSchema = z
  .object({
    asOf,
    product: z.object({
      slug: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      ocopGroup: z.enum(OCOP_GROUPS),
      gtin: z.string().nullable().openapi({ description: 'GTIN as 14 digits, left-padded.' }),
      traceCode: z.string(),
      image: z.string().nullable(),
      province: ProvinceRefSchema,
      commune: z.string().nullable(),
      originFormerly: z.string().nullable(),
    }),
    cooperative: CooperativeCardSchema,
    batch: z.object({
      lotCode: z.string(),
      productionDate: isoDate,
      bestBefore: isoDate.nullable(),
      quantity: z.number(),
      quantityUnit: z.string(),
    }),
    steps: z.array(TraceStepSchema).openapi({ description: 'In recorded order, which is chronological.' }),
    certificates: z.array(CertificateSchema),
    ocop: OcopRatingSchema.nullable().openapi({ description: 'The latest OCOP decision, whatever its status.' }),
    labReports: z.array(LabReportSchema).openapi({
      description:
        "The lot's lab reports a trade officer verified, newest first; pending or rejected ones never appear.",
    }),
    otherLots: z
      .array(z.object({ lotCode: z.string(), productionDate: isoDate }))
      .openapi({ description: 'Up to 10 other lots, newest first.' }),
    links: z.object({
      label: z.string().openapi({
        format: 'uri',
        description: 'The address a QR code on the package encodes (GS1 Digital Link when there is a GTIN).',
      }),
      pageVi: z.string().openapi({ format: 'uri' }),
      pageEn: z.string().openapi({ format: 'uri' }),
    }),
  })
  .openapi('BatchTrace');

const lotParam = z
  .string()
  .min(1)
  .max(80)
  .openapi({
    param: { name: 'lot', in: 'path' },
    description: 'GS1 AI (10) lot code, percent-encoded',
    example: 'PV2026-07B',
  });

const responses = {
  200: { description: 'The batch and its timeline', content: { 'application/json': { schema: BatchTraceSchema } } },
  400: errorSchemaResponse('A GTIN of the wrong length or with a wrong check digit'),
  404: errorSchemaResponse(
    'No public product has this code (`product_not_found`), or it has no such lot (`lot_not_found`)',
  ),
};

const byGtinRoute = createRoute({
  method: 'get',
  path: '/trace/{gtin}/{lot}',
  operationId: 'traceBatchByGtin',
  tags: ['Provenance'],
  summary: 'A batch by GTIN and lot code, as GS1 Digital Link /01/{gtin}/10/{lot} resolves',
  description:
    'GTIN-8, -12, -13 or -14 with a valid check digit. Certificate and OCOP statuses are judged on the current day in Viet Nam (`asOf`).',
  request: {
    params: z.object({
      gtin: z
        .string()
        .min(1)
        .max(40)
        .openapi({ param: { name: 'gtin', in: 'path' }, example: '08933654748924' }),
      lot: lotParam,
    }),
  },
  responses,
});

const byCodeRoute = createRoute({
  method: 'get',
  path: '/trace/codes/{code}/{lot}',
  operationId: 'traceBatchByCode',
  tags: ['Provenance'],
  summary: 'A batch by the product’s short trace code and lot code, for products without a GTIN',
  request: {
    params: z.object({
      code: z
        .string()
        .min(1)
        .max(40)
        .openapi({ param: { name: 'code', in: 'path' }, example: 'ZENQ8M44' }),
      lot: lotParam,
    }),
  },
  responses: { 200: responses[200], 404: responses[404] },
});

/** The trace as the schema writes it, with `today` named `asOf` and the addresses to print and to link. */
function traceJson(trace: BatchTrace, origin: string) {
  const pages = tracePaths(trace.product.traceCode, trace.batch.lotCode);
  return BatchTraceSchema.encode({
    ...trace,
    asOf: trace.today,
    links: {
      label: absoluteUrl(origin, batchLabelPath(trace.product, trace.batch.lotCode)),
      pageVi: absoluteUrl(origin, pages.vi),
      pageEn: absoluteUrl(origin, pages.en),
    },
  });
}

async function traceOrThrow(c: { get(key: 'db'): Parameters<typeof getBatchTrace>[0] }, key: ProductKey, lot: string) {
  const productParam = 'gtin' in key ? 'gtin' : 'code';
  const lookup = await getBatchTrace(c.get('db'), key, lot, new Date());
  if (lookup.kind === 'unknown_product')
    throw new NotFoundError('product', 'product', { [productParam]: { code: 'unknown_product' } });
  if (lookup.kind === 'unknown_lot') throw new NotFoundError('batch', 'lot', { lot: { code: 'unknown_lot' } });
  return lookup.trace;
}

export const trace = createRouter()
  .openapi(byGtinRoute, async (c) => {
    const { gtin, lot } = c.req.valid('param');
    const parsed = parseGtin(gtin);
    if (!parsed.ok) throw new BadRequestError({ gtin: { code: `gtin_${parsed.problem}` } });
    const found = await traceOrThrow(c, { gtin: parsed.gtin14 }, lot);
    return c.json(traceJson(found, resolveOrigin(c.env?.PUBLIC_ORIGIN, new URL(c.req.url))), 200);
  })
  .openapi(byCodeRoute, async (c) => {
    const { code, lot } = c.req.valid('param');
    const traceCode = normaliseTraceCode(code);
    if (!traceCode) throw new NotFoundError('product', 'product', { code: { code: 'unknown_product' } });
    const found = await traceOrThrow(c, { traceCode }, lot);
    return c.json(traceJson(found, resolveOrigin(c.env?.PUBLIC_ORIGIN, new URL(c.req.url))), 200);
  });
