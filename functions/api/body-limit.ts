/**
 * The body limit of every API request that sends one, before any route,
 * session or database work: 413 `payload_too_large` past `maxBytes`. The body
 * is read here once, within the limit, and what the routes and validators
 * read is that copy.
 */
import { createMiddleware } from 'hono/factory';
import { bodyAtMost, hasBody } from '../body-limit';
import type { ApiEnv } from './context';
import { errorResponse } from './errors';

const isMultipart = (request: Request) =>
  (request.headers.get('content-type') ?? '').trim().toLowerCase().startsWith('multipart/form-data');

/** `multipartBytes`: the limit of a multipart/form-data body (an upload), which only upload routes accept. */
export function bodyLimit(maxBytes: number, { multipartBytes = maxBytes }: { multipartBytes?: number } = {}) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    if (!hasBody(c.req.raw)) return next();
    const body = await bodyAtMost(c.req.raw, isMultipart(c.req.raw) ? multipartBytes : maxBytes);
    if (!body) return errorResponse(c, 413, 'payload_too_large');
    c.req.raw = new Request(c.req.raw, { body });
    return next();
  });
}
