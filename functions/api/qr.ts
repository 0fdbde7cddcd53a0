/**
 * QR codes to print on labels, for a product and for each of its batches:
 * GET /products/{slug}/qr.svg|png and /products/{slug}/batches/{lot}/qr.svg|png.
 * The code encodes the label address (src/server/provenance/digital-link.ts)
 * on the public origin, so a scan leads to the resolver in the scanner's language.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { NotFoundError } from '../../src/server/errors';
import { findLabel, labelFileName, labelPath } from '../../src/server/provenance/labels';
import { QR_PNG_SIZE, qrPng, qrSvg } from '../../src/server/provenance/qr';
import { absoluteUrl, resolveOrigin } from '../../src/server/seo/urls';
import type { ApiEnv } from './context';
import { createRouter } from './context';
import { errorSchemaResponse } from './schemas';

type Format = 'svg' | 'png';

const MEDIA_TYPES: Record<Format, string> = { svg: 'image/svg+xml; charset=utf-8', png: 'image/png' };

/** The code changes only if the product's GTIN or the public origin does; a day keeps labels' previews cheap. */
const CACHE_CONTROL = 'public, max-age=86400';

const slug = z
  .string()
  .min(1)
  .max(200)
  .openapi({ param: { name: 'slug', in: 'path' }, example: 'vai-thieu-luc-ngan' });
// Looked up as given: a lot the product does not have is a 404 that names the lot, whatever its characters.
const lot = z
  .string()
  .min(1)
  .max(200)
  .openapi({
    param: { name: 'lot', in: 'path' },
    example: 'LN2026-06A',
    description: 'Lot code exactly as recorded, percent-encoded in the path (e.g. `/` as `%2F`).',
  });

const download = z
  .enum(['0', '1'])
  .optional()
  .openapi({ description: '`1`: sent as an attachment (a file to save); otherwise inline, to show as an image.' });

const size = z.coerce
  .number()
  .int()
  .min(QR_PNG_SIZE.min)
  .max(QR_PNG_SIZE.max)
  .optional()
  .openapi({
    // Coerced from the query string, so the generator cannot see the type and bounds itself.
    type: 'integer',
    minimum: QR_PNG_SIZE.min,
    maximum: QR_PNG_SIZE.max,
    description: `Width and height in pixels (default ${QR_PNG_SIZE.default}). Every module is a whole number of pixels; the remainder widens the white margin.`,
  });

const queries = { svg: z.object({ download }), png: z.object({ download, size }) };

const bodies = {
  svg: z.string().openapi({ description: 'SVG document, black on white, with a 4-module quiet zone.' }),
  png: z
    .string()
    .openapi({ format: 'binary', description: '1-bit greyscale PNG, black on white, with a 4-module quiet zone.' }),
};

function qrRoute<F extends Format, L extends boolean>(format: F, forLot: L) {
  return createRoute({
    method: 'get',
    path: forLot ? `/products/{slug}/batches/{lot}/qr.${format}` : `/products/{slug}/qr.${format}`,
    operationId: `get${forLot ? 'Batch' : 'Product'}Qr${format === 'svg' ? 'Svg' : 'Png'}`,
    tags: ['Provenance'],
    summary: forLot
      ? `QR code (${format.toUpperCase()}) of a batch’s label: its GS1 Digital Link or trace address`
      : `QR code (${format.toUpperCase()}) of a product’s label: its GS1 Digital Link or trace address`,
    description:
      'Encodes the label address on the portal’s public origin: `/01/{gtin}` (with a GTIN) or `/truy-xuat/{traceCode}`, ' +
      'and for a batch `/01/{gtin}/10/{lot}` or `/truy-xuat/{traceCode}/{lot}`. Error correction level Q (25%). ' +
      'Only published products of active cooperatives have one.',
    request: {
      params: forLot ? z.object({ slug, lot }) : z.object({ slug }),
      query: queries[format],
    },
    responses: {
      200: {
        description: 'The QR code; `Content-Disposition` is `attachment` with `?download=1`, else `inline`.',
        content: { [MEDIA_TYPES[format].split(';')[0]!]: { schema: bodies[format] } },
      },
      400: errorSchemaResponse('A query parameter is out of range'),
      404: errorSchemaResponse(
        'No public product has this slug, or it has no batch with this lot code; `fields` names which',
      ),
    },
  });
}

async function answer(
  c: Context<ApiEnv>,
  format: Format,
  params: { slug: string; lot?: string },
  query: { download?: string; size?: number },
) {
  const found = await findLabel(c.get('db'), params.slug, params.lot);
  if (found.kind === 'unknown_product')
    throw new NotFoundError('product', 'product', { slug: { code: 'unknown_product' } });
  if (found.kind === 'unknown_lot') throw new NotFoundError('batch', 'lot', { lot: { code: 'unknown_lot' } });
  const { product, lotCode } = found;
  const url = absoluteUrl(resolveOrigin(c.env?.PUBLIC_ORIGIN, new URL(c.req.url)), labelPath(product, lotCode));
  const disposition = query.download === '1' ? 'attachment' : 'inline';
  c.header('Content-Type', MEDIA_TYPES[format]);
  c.header('Content-Disposition', `${disposition}; filename="${labelFileName(product, lotCode, format)}"`);
  c.header('Cache-Control', CACHE_CONTROL);
  return c.body(format === 'svg' ? qrSvg(url) : (qrPng(url, query.size) as Uint8Array<ArrayBuffer>), 200);
}

export const qrCodes = createRouter()
  .openapi(qrRoute('svg', false), (c) => answer(c, 'svg', c.req.valid('param'), c.req.valid('query')))
  .openapi(qrRoute('png', false), (c) => answer(c, 'png', c.req.valid('param'), c.req.valid('query')))
  .openapi(qrRoute('svg', true), (c) => answer(c, 'svg', c.req.valid('param'), c.req.valid('query')))
  .openapi(qrRoute('png', true), (c) => answer(c, 'png', c.req.valid('param'), c.req.valid('query')));
