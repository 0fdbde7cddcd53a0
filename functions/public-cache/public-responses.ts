/**
 * Which requests may be answered from the isolate's memory, under which key,
 * and which responses may be kept. Only what every visitor sees alike: GET
 * requests to the public catalogue, events, traceability and statistics,
 * without a session or credentials, and 200 answers in HTML or JSON that set
 * no cookie and do not forbid storing. Everything else always runs.
 */
import { negotiateLocale } from '../../src/i18n';
import { readSessionToken } from '../../src/server/security/session-cookie';
import { shortlistOfRequest } from '../../src/server/shortlist/cookie';
import type { StoredResponse } from './response-store';

/** Public pages in both languages (src/i18n/routes.ts): home, lists, details, trace, statistics. */
const PUBLIC_PAGE_PATHS = [
  /^\/(en\/?)?$/,
  /^\/(san-pham|hop-tac-xa|tinh|su-kien|truy-xuat|thong-ke)(\/|$)/,
  /^\/en\/(products|cooperatives|provinces|events|trace|statistics)(\/|$)/,
];

/** The read-only catalogue API: lists and one record, not nested resources (batches, registrations). */
const PUBLIC_API_PATH = /^\/api\/v1\/(products|cooperatives|provinces|events)(\/[^/]+)?$/;

const KEPT_TYPES = ['text/html', 'application/json'];

/** The key a request's answer is kept under, or null when it must always be rendered. */
export function publicCacheKey(request: Request): string | null {
  if (request.method !== 'GET') return null;
  if (request.headers.has('authorization')) return null;
  const url = new URL(request.url);
  // Any session token, valid or not: a signed-in page differs, and an invalid one is answered with a cleared cookie.
  if (readSessionToken(url, request.headers.get('cookie')) !== null) return null;
  // A shortlist shows in the header and on product pages' buttons: those pages are the visitor's own.
  if (shortlistOfRequest(url, request.headers.get('cookie')).length > 0) return null;
  const page = url.pathname;
  if (PUBLIC_API_PATH.test(page)) {
    // The API answers in the language of ?lang= or Accept-Language.
    const locale = negotiateLocale(
      url.searchParams.get('lang') ?? undefined,
      request.headers.get('accept-language') ?? undefined,
    );
    return `${url.origin}${page}${url.search}\u0000${locale}`;
  }
  if (PUBLIC_PAGE_PATHS.some((path) => path.test(page))) return `${url.origin}${page}${url.search}`;
  return null;
}

/** Whether a response may be kept for other visitors. */
export function isKeepable(response: Response): boolean {
  if (response.status !== 200 || response.headers.has('set-cookie')) return false;
  const cacheControl = response.headers.get('cache-control') ?? '';
  if (/\b(no-store|private)\b/i.test(cacheControl)) return false;
  const type = response.headers.get('content-type') ?? '';
  return KEPT_TYPES.some((kept) => type.startsWith(kept));
}

/**
 * What a response is kept as. Its headers already say `X-Cache: HIT`, as every
 * later answer from it will; the first answer says MISS (responseFrom).
 */
export async function keptResponse(response: Response, version: number, now: number): Promise<StoredResponse> {
  const headers = [...response.headers].filter(([name]) => name !== 'x-cache');
  headers.push(['x-cache', 'HIT']);
  return { status: response.status, headers, body: await response.blob(), version, storedAt: now };
}

/** A new Response for a kept one; it reads the kept Blob, which no answer can change. */
export function responseFrom(entry: StoredResponse, cacheStatus: 'HIT' | 'MISS'): Response {
  const response = new Response(entry.body, { status: entry.status, headers: entry.headers });
  if (cacheStatus === 'MISS') response.headers.set('x-cache', 'MISS');
  return response;
}
