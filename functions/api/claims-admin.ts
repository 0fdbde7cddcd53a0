/**
 * The officers' verification queue over HTTP: claims (OCOP ratings,
 * certificates, lab reports of batches) waiting for a decision, and the decisions. Rules in
 * src/server/claims; these routes parse, call and shape.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { CLAIM_DECISIONS, decideClaim } from '../../src/server/claims/claim-decisions';
import { DECISION_REASONS } from '../../src/server/moderation/decision-reasons';
import { listClaimQueue } from '../../src/server/claims/claim-queue';
import { WAITING_ORDERS } from '../../src/server/moderation/waiting-order';
import { expiringClaimsCsv, listExpiringForOfficer } from '../../src/server/claims/expiring-claims';
import { CLAIM_KINDS, CLAIM_STATES } from '../../src/server/claims/vocabulary';
import { CERTIFICATION_KINDS, OCOP_LEVELS } from '../../src/server/products/vocabulary';
import { LAB_RESULTS, LAB_TEST_KINDS } from '../../src/server/provenance/vocabulary';
import { configuredOrigin } from '../../src/server/seo/urls';
import { executionContextOf, sendEventAfterResponse } from '../after-response';
import { createRouter } from './context';
import { signedIn } from './openapi';
import { errorSchemaResponses, instant, OcopAuthoritySchema } from './schemas';
import { officersOnly } from './session';

const errorDescriptions: Record<number, string> = {
  401: 'Not signed in',
  403: 'Not a trade officer or admin, or a cross-origin request',
  404: 'No such claim',
  409: 'Another officer decided first, or the cooperative changed the claim since `version` (verification: claim_decided)',
  422: 'Invalid fields (a missing or too short reason)',
};
const errors = (...statuses: number[]) => errorSchemaResponses(errorDescriptions, ...statuses);
const tags = ['Trade department console'];
/** A whole province's three months fit; the page shows fewer (EXPIRING_LIMIT). */
const EXPIRING_CSV_LIMIT = 10_000;

const named = z.object({ slug: z.string(), name: z.string() });

export const QueuedClaimSchema = z
  .object({
    kind: z.enum(CLAIM_KINDS),
    id: z.string(),
    verification: z.enum(CLAIM_STATES),
    submittedAt: instant,
    version: z.number().int().openapi({
      description: "The claim's revision, counted up by every edit and decision: send it back with a decision.",
    }),
    waitingHours: z.number().int(),
    cooperative: named,
    provinceName: z.string(),
    product: named.nullable().openapi({ description: "Null for a whole cooperative's certificate." }),
    number: z.string().openapi({ example: '1234/QĐ-UBND' }),
    issuer: z.string().nullable().openapi({
      description: "A certificate's certification body, a lab report's laboratory; null for a rating (`authority`).",
    }),
    authority: OcopAuthoritySchema.nullable().openapi({
      description: 'Who decided a rating (its province is `provinceName`); null for other claims.',
    }),
    certificateKind: z.enum(CERTIFICATION_KINDS).nullable(),
    stars: z.number().int().min(3).max(5).nullable(),
    level: z.enum(OCOP_LEVELS).nullable(),
    lab: z
      .object({
        lotCode: z.string(),
        tests: z.array(z.enum(LAB_TEST_KINDS)),
        result: z.enum(LAB_RESULTS),
        summary: z.string(),
      })
      .nullable()
      .openapi({
        description: "A lab report's batch and findings (its laboratory is `issuer`); null for other claims.",
      }),
    validFrom: z.string().openapi({
      format: 'date',
      description: "A rating's decision date; the day a lab report's results were issued.",
    }),
    validUntil: z.string().nullable().openapi({
      format: 'date',
      description: "Last valid day (a rating's: its decision date + 36 months); null for an open-ended certificate.",
    }),
    evidenceUrl: z.string().nullable(),
    revokedVersion: z
      .object({ on: z.string().openapi({ format: 'date' }), reason: z.string() })
      .nullable()
      .openapi({
        description:
          'The day (in Viet Nam) and reason its verified version was revoked while this edit waits: verifying the edit ' +
          'makes it public in place of that version; rejecting it leaves the claim shown as revoked. Null otherwise.',
      }),
  })
  .openapi('QueuedClaim');

const QueueSchema = z.object({ items: z.array(QueuedClaimSchema) }).openapi('ClaimQueue');

const queueRoute = createRoute({
  method: 'get',
  path: '/admin/claims',
  operationId: 'listClaimQueue',
  security: signedIn,
  middleware: [officersOnly],
  tags,
  summary: 'Claims waiting for verification, oldest first (or newest first)',
  description:
    'OCOP ratings, certificates and lab reports of batches declared or changed by cooperatives, not yet decided (at most 100).',
  request: {
    query: z.object({
      sort: z
        .enum(WAITING_ORDERS)
        .optional()
        .openapi({ description: 'By how long each claim has waited: `oldest` first (the default) or `newest` first.' }),
    }),
  },
  responses: {
    200: { description: 'The queue', content: { 'application/json': { schema: QueueSchema } } },
    ...errors(401, 403),
  },
});

const decisionRoute = createRoute({
  method: 'post',
  path: '/admin/claims/{kind}/{id}/{decision}',
  operationId: 'decideClaim',
  security: signedIn,
  middleware: [officersOnly],
  tags,
  summary: 'Verify, reject, ask for better evidence, or revoke a claim',
  description:
    '`verify`, `reject` and `request_evidence` apply to a pending claim, `revoke` to a verified one; all but `verify` need a ' +
    '`reason` (10-1000 characters) or, but for `revoke`, a `reasonCode`; the cooperative reads it, and for a revocation ' +
    'the public too. `version` (from the ' +
    'queue, required) makes a claim changed since a 409. Written to the audit log with the claim, in one batch.',
  request: {
    params: z.object({
      kind: z.enum(CLAIM_KINDS).openapi({ param: { name: 'kind', in: 'path' } }),
      id: z
        .string()
        .min(1)
        .max(64)
        .openapi({ param: { name: 'id', in: 'path' } }),
      decision: z.enum(CLAIM_DECISIONS).openapi({ param: { name: 'decision', in: 'path' } }),
    }),
    body: {
      content: {
        'application/json': {
          schema: z
            .object({
              reasonCode: z
                .enum(DECISION_REASONS.claim)
                .optional()
                .openapi({
                  description:
                    'A ready-made reason for `reject` or `request_evidence`, sent to the cooperative in each ' +
                    "person's language; `reason` then adds to it and may be short.",
                }),
              reason: z
                .string()
                .optional()
                .openapi({ example: 'Bản chụp không đọc được số hiệu; xin gửi lại bản rõ hơn.' }),
              version: z.number().int().nonnegative().openapi({
                description:
                  "The claim's `version` as the queue listed it: a claim changed since is a 409, not decided unseen.",
              }),
            })
            .openapi('ClaimDecision'),
        },
      },
      required: true,
    },
  },
  responses: {
    200: {
      description: 'Decided',
      content: {
        'application/json': {
          schema: z.object({ verification: z.enum(CLAIM_STATES) }).openapi('ClaimDecided'),
        },
      },
    },
    ...errors(401, 403, 404, 409, 422),
  },
});

const expiringCsvRoute = createRoute({
  method: 'get',
  path: '/admin/expiring-claims.csv',
  operationId: 'exportExpiringClaims',
  security: signedIn,
  middleware: [officersOnly],
  tags,
  summary: 'Verified claims expiring within 90 days, as CSV',
  description:
    'OCOP ratings and certificates whose last valid day (`valid_until`, inclusive) is within the next 90 days, soonest ' +
    "first: every province for an admin, the officer's own province for an officer (none until one is set). RFC 4180, " +
    'UTF-8 with a byte order mark.',
  responses: {
    200: { description: 'The list', content: { 'text/csv': { schema: z.string() } } },
    ...errors(401, 403),
  },
});

export const claimsAdmin = createRouter()
  .openapi(expiringCsvRoute, async (c) => {
    const { claims, today } = await listExpiringForOfficer(c.get('db'), c.get('user'), new Date(), EXPIRING_CSV_LIMIT);
    return c.body(expiringClaimsCsv(claims), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="expiring-claims-${today}.csv"`,
      'Cache-Control': 'private, no-store',
    });
  })
  .openapi(queueRoute, async (c) => {
    const items = await listClaimQueue(c.get('db'), c.get('user'), new Date(), c.req.valid('query').sort);
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      QueueSchema.encode({ items: items.map(({ revision, ...item }) => ({ ...item, version: revision })) }),
      200,
    );
  })
  .openapi(decisionRoute, async (c) => {
    const { kind, id, decision } = c.req.valid('param');
    const db = c.get('db');
    const mailOrigin = configuredOrigin(c.env?.PUBLIC_ORIGIN);
    const decided = await decideClaim(
      db,
      c.get('user'),
      { kind, id },
      decision,
      c.req.valid('json'),
      new Date(),
      mailOrigin,
      c.get('services').media.bucket,
    );
    sendEventAfterResponse(executionContextOf(c), c.get('services'), db, decided.notificationEvent);
    return c.json({ verification: decided.verification }, 200);
  });
