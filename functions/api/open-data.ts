/**
 * Open data: GET /open-data/{cooperatives|products|events}.{csv|json}, the
 * public catalogue with a stable column set (docs/OPEN-DATA.md), streamed
 * page by page. `?province=` narrows to one province; an unknown province or
 * an unknown parameter is a 400, never an empty file.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DATASETS, type Dataset, datasetColumns, datasetRows } from '../../src/server/open-data/datasets';
import { csvStream, jsonStream } from '../../src/server/open-data/encode';
import { resolveSlugFilters } from '../../src/server/search/list-query';
import { slugParam } from '../../src/server/search/params';
import { resolveOrigin } from '../../src/server/seo/urls';
import { vietnamDate } from '../../src/server/time/vietnam';
import type { ApiEnv } from './context';
import { createRouter } from './context';
import { errorSchemaResponse } from './schemas';

type Format = 'csv' | 'json';

const MEDIA_TYPES: Record<Format, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
};

const query = z.strictObject({
  province: slugParam.optional().openapi({ description: 'Province slug, e.g. `thai-nguyen`', example: 'thai-nguyen' }),
  lang: z.enum(['vi', 'en']).optional().openapi({ description: 'Language of error messages' }),
});

function exportRoute(dataset: Dataset, format: Format) {
  return createRoute({
    method: 'get',
    path: `/open-data/${dataset}.${format}`,
    operationId: `export${dataset[0]!.toUpperCase()}${dataset.slice(1)}${format === 'csv' ? 'Csv' : 'Json'}`,
    tags: ['Open data'],
    summary: `All public ${dataset} as ${format.toUpperCase()}`,
    description:
      `Columns, in this order: ${datasetColumns(dataset)
        .map((c) => `\`${c}\``)
        .join(', ')}. ` +
      (format === 'csv'
        ? "UTF-8 with a byte order mark, a header row, RFC 4180 quoting; booleans `true`/`false`, empty cells for nothing; a text cell starting with = + - @, tab or CR gets a leading ' so spreadsheets do not run it as a formula."
        : 'One object: `dataset`, `generatedAt`, `columns`, `licence`, then `items` (one object per row, keys as the columns).') +
      ' Licence CC BY 4.0, attribution “Chợ HTX”.',
    request: { query },
    responses: {
      200: {
        description: `The ${dataset}`,
        content: {
          [MEDIA_TYPES[format].split(';')[0] as string]: {
            schema: format === 'csv' ? z.string() : z.object({}).passthrough(),
          },
        },
      },
      400: errorSchemaResponse('An unknown province or parameter'),
    },
  });
}

async function answer(c: Context<ApiEnv>, dataset: Dataset, format: Format, params: z.infer<typeof query>) {
  const db = c.get('db');
  const { province: provinceCode } = await resolveSlugFilters(db, { province: params.province });
  const origin = resolveOrigin(c.env?.PUBLIC_ORIGIN, new URL(c.req.url));
  const now = new Date();
  const columns = datasetColumns(dataset);
  const rows = datasetRows(db, dataset, { provinceCode: provinceCode ?? null }, origin);
  const body =
    format === 'csv'
      ? csvStream(columns, rows)
      : jsonStream({ dataset, generatedAt: now.toISOString(), columns }, rows);
  const name = `cho-htx-${dataset}${params.province ? `-${params.province}` : ''}-${vietnamDate(now)}.${format}`;
  return c.body(body, 200, {
    'Content-Type': MEDIA_TYPES[format],
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'public, max-age=3600',
  });
}

let router = createRouter();
for (const dataset of DATASETS) {
  for (const format of ['csv', 'json'] as const) {
    router = router.openapi(exportRoute(dataset, format), (c) =>
      answer(c, dataset, format, c.req.valid('query')),
    ) as typeof router;
  }
}

export const openData = router;
