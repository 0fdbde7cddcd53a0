import { createRoute, z } from '@hono/zod-openapi';
import { isOfficer } from '../../src/server/accounts/guards';
import { checkDatabase } from '../../src/server/db/health';
import { createRouter } from './context';

const MigrationsSchema = z
  .object({
    applied: z.array(z.string()),
    latestApplied: z.string().nullable(),
    expectedLatest: z.string().nullable(),
    pending: z.array(z.string()),
    upToDate: z.boolean(),
  })
  .openapi('MigrationState');

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    time: z.string().openapi({ format: 'date-time' }),
    database: z.object({
      reachable: z.boolean(),
      latencyMs: z.number().int(),
      driver: z.enum(['d1', 'libsql']).optional().openapi({ description: 'Trade officers and admins only.' }),
      migrations: MigrationsSchema.nullable().optional().openapi({ description: 'Trade officers and admins only.' }),
      problem: z
        .string()
        .optional()
        .openapi({ description: 'Why the database is not usable, when it is not. Trade officers and admins only.' }),
    }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['Service'],
  summary: 'Service and database health',
  description:
    'Whether the database answers. 503 when it is unreachable, slow, or behind the migrations this build expects. ' +
    'Which driver, which migrations and what went wrong are told to signed-in trade officers and admins only.',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
    503: {
      description: 'Database unreachable or not migrated',
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
});

export const health = createRouter().openapi(route, async (c) => {
  const services = c.get('services');
  const database = await checkDatabase(await services.database());
  const healthy = database.reachable && database.migrations?.upToDate === true;
  c.header('Cache-Control', 'no-store');
  // The schema's age and the error text map the deployment for an attacker: only officers see them.
  const { reachable, latencyMs } = database;
  const details = isOfficer(c.get('user')) ? { driver: services.driver, ...database } : { reachable, latencyMs };
  return c.json(
    {
      status: healthy ? ('ok' as const) : ('unavailable' as const),
      time: new Date().toISOString(),
      database: details,
    },
    healthy ? 200 : 503,
  );
});
