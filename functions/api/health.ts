import { createRoute, z } from '@hono/zod-openapi';
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
      driver: z.enum(['d1', 'libsql']),
      reachable: z.boolean(),
      latencyMs: z.number().int(),
      migrations: MigrationsSchema.nullable(),
      problem: z.string().optional().openapi({ description: 'Why the database is not usable, when it is not.' }),
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
    'Whether the database answers and which migration is applied. 503 when it is unreachable, slow, or behind the migrations this build expects.',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'Database unreachable or not migrated', content: { 'application/json': { schema: HealthSchema } } },
  },
});

export const health = createRouter().openapi(route, async (c) => {
  const deps = c.get('deps');
  const database = await checkDatabase(await deps.database(c.env));
  const healthy = database.reachable && database.migrations?.upToDate === true;
  c.header('Cache-Control', 'no-store');
  return c.json(
    {
      status: healthy ? ('ok' as const) : ('unavailable' as const),
      time: new Date().toISOString(),
      database: { driver: deps.driver(c.env), ...database },
    },
    healthy ? 200 : 503,
  );
});
