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

export function bodyLimit(maxBytes: number) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    if (!hasBody(c.req.raw)) return next();
    const body = await bodyAtMost(c.req.raw, maxBytes);
    if (!body) return errorResponse(c, 413, 'payload_too_large');
    c.req.raw = new Request(c.req.raw, { body });
    return next();
  });
}
