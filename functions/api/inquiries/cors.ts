/**
 * Cross-origin inquiries: partners' sites may post a buyer's inquiry
 * (POST /inquiries) or a request to several cooperatives (POST
 * /inquiries/requests, a partner's own shortlist) from their own pages when
 * the deployment lists their origins in INQUIRY_CORS_ORIGINS. Both writes
 * meet the same defences whoever's page sends them (rate limits per address
 * and per cooperative, consent, Turnstile, spam), so they share one rule.
 * Unlike the public read-only JSON they are never open to every origin: a
 * write from any page would let any site send inquiries in its visitors'
 * names from their own addresses. Nothing else that writes is open across
 * origins, and no request ever carries credentials across them.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { ApiEnv } from '../context';

/** The origins INQUIRY_CORS_ORIGINS lists (comma- or space-separated), exactly as browsers send them. */
export function corsOrigins(configured: string | undefined): string[] {
  return (configured ?? '')
    .split(/[\s,]+/)
    .map((origin) => origin.trim().replace(/\/$/, ''))
    .filter(Boolean);
}

/** The paths of the two public inquiry writes, under the API's mount point. */
export const CROSS_ORIGIN_INQUIRY_PATHS = ['/inquiries', '/inquiries/requests'] as const;

const CROSS_ORIGIN_INQUIRY_PATH = /\/inquiries(\/requests)?\/?$/;

/** Is this a public inquiry POST from an origin the deployment allows? Then the API's origin check lets it pass. */
export function isAllowedCrossOriginInquiry(request: Request, configured: string | undefined): boolean {
  const url = new URL(request.url);
  const origin = request.headers.get('origin');
  return (
    request.method === 'POST' &&
    CROSS_ORIGIN_INQUIRY_PATH.test(url.pathname) &&
    origin !== null &&
    corsOrigins(configured).includes(origin)
  );
}

/** CORS for the two inquiry POSTs only, and only for the configured origins; no credentials ever. */
export function inquiryCors(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const allowed = corsOrigins(c.env?.INQUIRY_CORS_ORIGINS);
    if (allowed.length === 0) return next();
    return cors({
      origin: (origin) => (allowed.includes(origin) ? origin : null),
      allowMethods: ['POST'],
      allowHeaders: ['Content-Type', 'Idempotency-Key', 'Accept-Language'],
      maxAge: 600,
    })(c, next);
  };
}
