/** GET /inquiries/statistics: how cooperatives answer buyers, in figures only, for trade officers. */
import { createRoute, z } from '@hono/zod-openapi';
import { inquiryStatistics } from '../../../src/server/inquiries/statistics';
import { createRouter } from '../context';
import { signedIn } from '../openapi';
import { officersOnly } from '../session';
import { instant, jsonContent } from '../schemas';
import { errors, tags } from './responses';

const FiguresSchema = z.object({
  total: z.number().int(),
  replied: z.number().int(),
  open: z.number().int(),
  closed: z.number().int(),
  spam: z.number().int(),
  medianResponseHours: z.number().nullable(),
});

export const InquiryStatisticsSchema = z
  .object({
    since: instant,
    overall: FiguresSchema,
    byProvince: z.array(FiguresSchema.extend({ slug: z.string(), nameVi: z.string(), nameEn: z.string() })),
    byCooperative: z.array(
      FiguresSchema.extend({
        slug: z.string(),
        name: z.string(),
        provinceNameVi: z.string(),
        provinceNameEn: z.string(),
      }),
    ),
  })
  .openapi('InquiryStatistics');

const statisticsRoute = createRoute({
  method: 'get',
  path: '/inquiries/statistics',
  middleware: [officersOnly],
  operationId: 'getInquiryStatistics',
  tags,
  security: signedIn,
  summary: 'Inquiry figures per cooperative and province (trade officers)',
  description:
    'Counts and the median time to first reply over the last 365 days. No inquiry contents and no buyer details.',
  responses: { 200: jsonContent('Figures', InquiryStatisticsSchema), ...errors(401, 403) },
});

export const statistics = createRouter().openapi(statisticsRoute, async (c) => {
  const figures = await inquiryStatistics(c.get('db'), c.get('user'), new Date());
  c.header('Cache-Control', 'private, no-store');
  return c.json(InquiryStatisticsSchema.encode(figures), 200);
});
