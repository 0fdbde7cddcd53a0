/**
 * The trade department's console over HTTP (trade officers and admins):
 * province targets with their progress, the audit log, and cooperatives'
 * standing (verification with evidence, suspension with a reason). The
 * rules live in src/server; these routes parse, call and shape.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireOfficer } from '../../src/server/accounts/guards';
import { parseAuditQuery, searchAuditLog } from '../../src/server/audit/audit-search';
import { BadRequestError } from '../../src/server/errors';
import {
  changeCooperativeStanding,
  loadCooperativeOversight,
  OVERSIGHT_ACTIONS,
} from '../../src/server/cooperatives/oversight';
import { suspendProduct } from '../../src/server/products/takedown';
import { loadConsoleStatistics } from '../../src/server/stats/console-statistics';
import { createTarget, deleteTarget, updateTarget } from '../../src/server/targets/targets';
import { targetInputObject } from '../../src/server/targets/target-input';
import { TARGET_METRICS } from '../../src/server/targets/vocabulary';
import { COOPERATIVE_STATUSES } from '../../src/server/cooperatives/vocabulary';
import { createRouter } from './context';
import { jsonBody } from './json-body';
import { domainBody, signedIn } from './openapi';
import { errorSchemaResponses, instant, jsonContent, ProvinceRefSchema } from './schemas';
import { officersOnly } from './session';

const errorDescriptions: Record<number, string> = {
  400: 'A malformed search (see fields)',
  401: 'Not signed in',
  403: 'Not a trade officer or admin, or a cross-origin request',
  404: 'No such target, cooperative or product',
  409: 'The record is not in a state this change applies to (e.g. already verified, not suspended, not published)',
  422: 'Invalid fields',
};
const errors = (...statuses: number[]) => errorSchemaResponses(errorDescriptions, ...statuses);
const tags = ['Trade department console'];

const ProgressSchema = z.object({
  current: z
    .number()
    .nullable()
    .openapi({ description: 'The figure now; null for a share of a province without active cooperatives.' }),
  fraction: z.number().nullable().openapi({ description: 'current / minimum, capped at 1.' }),
  state: z.enum(['met', 'not_met', 'overdue', 'no_data']),
  aboveRange: z.boolean(),
});

export const TargetSchema = z
  .object({
    id: z.string(),
    province: ProvinceRefSchema,
    metric: z.enum(TARGET_METRICS),
    minimum: z.number(),
    maximum: z.number().nullable(),
    dueDate: z.string().openapi({ format: 'date' }),
    source: z.string(),
    area: z
      .object({
        key: z.string(),
        kind: z.enum(['district', 'province']),
        name: z.string(),
        provinceCode: z.string(),
        communes: z.array(z.string()).readonly(),
      })
      .nullable()
      .openapi({
        description:
          'The former district or province (before 1 July 2025) the plan covers, with the communes formed from it; null for the whole province.',
      }),
    reportedValue: z
      .number()
      .nullable()
      .openapi({ description: 'The figure the department reports, for metrics the portal cannot count.' }),
    reportedOn: z.string().nullable().openapi({ format: 'date' }),
    updatedAt: instant,
    progress: ProgressSchema.optional(),
  })
  .openapi('ProvinceTarget');

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    at: instant,
    action: z.string().openapi({ example: 'cooperative.suspended' }),
    entityType: z.string(),
    entityId: z.string(),
    detail: z.record(z.string(), z.unknown()).nullable(),
    actor: z.object({ displayName: z.string(), email: z.string() }).nullable(),
    record: z.object({ name: z.string(), slug: z.string() }).nullable(),
  })
  .openapi('AuditEntry');

export const StandingSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    status: z.enum(COOPERATIVE_STATUSES),
    statusReason: z.string().nullable(),
    verified: z.boolean(),
    verifiedAt: instant.nullable(),
    verificationEvidence: z.string().nullable(),
  })
  .openapi('CooperativeStanding');

export const TargetListSchema = z.object({ items: z.array(TargetSchema) }).openapi('ProvinceTargetList');

export const AuditPageSchema = z
  .object({ items: z.array(AuditEntrySchema), next: z.string().nullable(), unknownActor: z.boolean() })
  .openapi('AuditPage');

const idParam = z
  .string()
  .min(1)
  .max(64)
  .openapi({ param: { name: 'id', in: 'path' } });
const slugParam = z
  .string()
  .min(1)
  .max(200)
  .openapi({ param: { name: 'slug', in: 'path' }, example: 'htx-mat-ong-ba-vi' });

const listTargetsRoute = createRoute({
  method: 'get',
  path: '/admin/targets',
  operationId: 'listProvinceTargets',
  security: signedIn,
  middleware: [officersOnly],
  tags,
  summary: 'Province targets with their progress',
  description:
    "Every province's targets, or one province's with `?province=`; progress is read off the statistics of the current year.",
  request: { query: z.object({ province: z.string().optional().openapi({ description: 'Province slug.' }) }) },
  responses: { 200: jsonContent('The targets', TargetListSchema), ...errors(400, 401, 403) },
});
const createTargetRoute = createRoute({
  method: 'post',
  path: '/admin/targets',
  middleware: [officersOnly, jsonBody()],
  operationId: 'createProvinceTarget',
  security: signedIn,
  tags,
  summary: 'Record a province target',
  description:
    'Written to the audit log. One target per province, metric and due date (422 target_exists on dueDate otherwise).',
  request: { body: domainBody(targetInputObject) },
  responses: {
    201: { description: 'Recorded', content: { 'application/json': { schema: TargetSchema } } },
    ...errors(401, 403, 422),
  },
});
const updateTargetRoute = createRoute({
  method: 'put',
  path: '/admin/targets/{id}',
  middleware: [officersOnly, jsonBody()],
  operationId: 'updateProvinceTarget',
  security: signedIn,
  tags,
  summary: 'Change a province target',
  request: { params: z.object({ id: idParam }), body: domainBody(targetInputObject) },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: TargetSchema } } },
    ...errors(401, 403, 404, 422),
  },
});
const deleteTargetRoute = createRoute({
  method: 'delete',
  path: '/admin/targets/{id}',
  operationId: 'deleteProvinceTarget',
  security: signedIn,
  middleware: [officersOnly],
  tags,
  summary: 'Delete a province target',
  request: { params: z.object({ id: idParam }) },
  responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
});
const auditLogRoute = createRoute({
  method: 'get',
  path: '/admin/audit-log',
  operationId: 'searchAuditLog',
  security: signedIn,
  middleware: [officersOnly],
  tags,
  summary: 'Search the audit log',
  description:
    'Newest first, 50 a page; pass `next` back as `before` for the following page. Dates are calendar days in Viet Nam, both inclusive.',
  request: {
    query: z.object({
      actor: z.string().optional().openapi({
        description: "Part of the actor's name or email (at most 100 characters), e.g. `an@` or `Văn An`.",
      }),
      record: z
        .string()
        .optional()
        .openapi({ description: 'A record id, or the slug of a cooperative, product or event.' }),
      type: z.string().optional().openapi({
        description: 'Kind of record, e.g. cooperative, product, event, event_registration, province_target.',
      }),
      from: z.string().optional().openapi({ format: 'date' }),
      to: z.string().optional().openapi({ format: 'date' }),
      before: z.string().optional().openapi({ description: 'The `next` cursor of the previous page.' }),
    }),
  },
  responses: {
    200: jsonContent('A page of entries', AuditPageSchema),
    ...errors(400, 401, 403),
  },
});
const standingRoute = createRoute({
  method: 'post',
  path: '/admin/cooperatives/{slug}/{action}',
  operationId: 'changeCooperativeStanding',
  security: signedIn,
  middleware: [officersOnly],
  tags,
  summary: "Change a cooperative's standing",
  description:
    '`verify` needs `evidence` (what was checked); `unverify`, `suspend` and `reinstate` need a `reason`; 10-1000 characters. ' +
    'A suspended cooperative and its products leave every public page, feed, statistic and export. Written to the audit log. ' +
    'A slug the cooperative had before a rename acts on it too; the answer carries its current `slug`.',
  request: {
    params: z.object({
      slug: slugParam,
      action: z.enum(OVERSIGHT_ACTIONS).openapi({ param: { name: 'action', in: 'path' } }),
    }),
    body: {
      content: {
        'application/json': {
          schema: z
            .object({ evidence: z.string().optional(), reason: z.string().optional() })
            .openapi('StandingChange'),
        },
      },
      required: true,
    },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: StandingSchema } } },
    ...errors(401, 403, 404, 409, 422),
  },
});

const productSuspensionRoute = createRoute({
  method: 'post',
  path: '/admin/products/{slug}/suspend',
  operationId: 'suspendProduct',
  security: signedIn,
  middleware: [officersOnly],
  tags,
  summary: 'Take a published product down with a reason',
  description:
    'The product leaves the public site and goes back to its cooperative as rejected, the reason shown on their dashboard; ' +
    'it returns only through moderation. `reason`: 10-1000 characters. 409 not_published when it is not public. Written to the audit log.',
  request: {
    params: z.object({ slug: slugParam }),
    body: {
      content: { 'application/json': { schema: z.object({ reason: z.string() }).openapi('ProductSuspension') } },
      required: true,
    },
  },
  responses: { 204: { description: 'Taken down' }, ...errors(401, 403, 404, 409, 422) },
});

export const admin = createRouter()
  .openapi(listTargetsRoute, async (c) => {
    const params = new URLSearchParams();
    const province = c.req.valid('query').province;
    if (province) params.set('province', province);
    const data = await loadConsoleStatistics(c.get('db'), c.get('user'), params, new Date());
    if (province && data.page.ignored.includes('province'))
      throw new BadRequestError({ province: { code: 'unknown_value' } });
    c.header('Cache-Control', 'private, no-store');
    return c.json(
      TargetListSchema.encode({ items: data.targets.map(({ target, progress }) => ({ ...target, progress })) }),
      200,
    );
  })
  .openapi(createTargetRoute, async (c) => {
    const target = await createTarget(c.get('db'), c.get('user'), await c.req.json(), new Date());
    return c.json(TargetSchema.encode(target), 201);
  })
  .openapi(updateTargetRoute, async (c) => {
    const target = await updateTarget(
      c.get('db'),
      c.get('user'),
      c.req.valid('param').id,
      await c.req.json(),
      new Date(),
    );
    return c.json(TargetSchema.encode(target), 200);
  })
  .openapi(deleteTargetRoute, async (c) => {
    const { id } = c.req.valid('param');
    await deleteTarget(c.get('db'), c.get('user'), id, new Date());
    return c.body(null, 204);
  })
  .openapi(auditLogRoute, async (c) => {
    const { query, problems } = parseAuditQuery(new URL(c.req.url).searchParams);
    // Who may search comes before what is wrong with the search.
    const user = requireOfficer(c.get('user'));
    if (Object.keys(problems).length > 0) throw new BadRequestError(problems);
    const page = await searchAuditLog(c.get('db'), user, query);
    c.header('Cache-Control', 'private, no-store');
    return c.json(AuditPageSchema.encode({ ...page, items: page.rows }), 200);
  })
  .openapi(productSuspensionRoute, async (c) => {
    await suspendProduct(c.get('db'), c.get('user'), c.req.valid('param').slug, c.req.valid('json'));
    return c.body(null, 204);
  })
  .openapi(standingRoute, async (c) => {
    const { slug, action } = c.req.valid('param');
    // A slug the cooperative had before a rename is answered as its current one, as the members' write routes are.
    const current = await changeCooperativeStanding(
      c.get('db'),
      c.get('user'),
      slug,
      action,
      c.req.valid('json'),
      new Date(),
    );
    return c.json(StandingSchema.encode(await loadCooperativeOversight(c.get('db'), c.get('user'), current)), 200);
  });
