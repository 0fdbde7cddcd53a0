/**
 * GET /media/{id}/{size}.webp: the variants of uploaded images, from the
 * MEDIA bucket, on our own origin. Only paths of the exact shape are looked
 * up; the type sent is the one we stored (always image/webp, which we wrote
 * ourselves from re-encoded pixels), never one a browser would execute, with
 * `nosniff` and a CSP that lets nothing load or run. An id's variants are
 * written once and never change: cached for a year as immutable. A draft's
 * images answer too: their ids are 160 random bits (src/server/media/uploads.ts),
 * and they are only shown to the cooperative until it is published.
 */
import { Hono } from 'hono';
import { IMAGE_SIZES } from '../src/server/media/limits';
import { MEDIA_ID_PATTERN, mediaObjectKey } from '../src/server/media/stored-image';
import { MEDIA_CONTENT_SECURITY_POLICY } from './security-headers';

/** Types the route ever sends; anything else stored under these keys is not served. */
const SERVED_TYPES = new Set(['image/webp']);

const baseHeaders = {
  'Content-Security-Policy': MEDIA_CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
  });
}

export const media = new Hono<{ Bindings: Env }>();

media.get('/:id/:file', async (c) => {
  const id = c.req.param('id');
  // Only the canonical spelling (160.webp, not 0160.webp): one URL per variant, one cache entry.
  const size = IMAGE_SIZES.find((width) => c.req.param('file') === `${width}.webp`);
  if (!MEDIA_ID_PATTERN.test(id) || size === undefined) return notFound();
  const object = await c.env.MEDIA.get(mediaObjectKey(id, size), { onlyIf: c.req.raw.headers });
  if (!object) return notFound();
  const type = object.httpMetadata?.contentType ?? '';
  if (!SERVED_TYPES.has(type)) return notFound();
  const headers = new Headers({
    ...baseHeaders,
    'Content-Type': type,
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: object.httpEtag,
  });
  // A conditional request that matched: R2 returns the object without a body.
  if (!('body' in object)) return new Response(null, { status: 304, headers });
  headers.set('Content-Length', String(object.size));
  return new Response(object.body, { headers });
});

media.all('*', () => notFound());
