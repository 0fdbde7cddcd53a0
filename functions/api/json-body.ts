/**
 * The gate in front of a JSON body that a domain verb parses: 415 for any
 * other content type, 413 past an optional size limit, 400 for JSON that does
 * not parse. Past it, `c.req.json()` is the body as sent (Hono keeps the text).
 */
import { createMiddleware } from 'hono/factory';
import type { ApiEnv } from './context';
import { errorResponse } from './errors';

export function jsonBody(options: { maxBytes?: number } = {}) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return errorResponse(c, 415, 'unsupported_media_type');
    const limit = options.maxBytes ?? Number.POSITIVE_INFINITY;
    if (Number(c.req.header('content-length') ?? '0') > limit) return errorResponse(c, 413, 'payload_too_large');
    const text = await c.req.text();
    if (new TextEncoder().encode(text).length > limit) return errorResponse(c, 413, 'payload_too_large');
    try {
      JSON.parse(text);
    } catch {
      return errorResponse(c, 400, 'invalid_json');
    }
    return next();
  });
}
