/**
 * CSRF defence for every state-changing request (POST, PUT, PATCH, DELETE),
 * pages and API alike: the request must come from a page of this site.
 *
 * - Origin, which browsers send on every such request, must be this site's
 *   origin (the request's own, or PUBLIC_ORIGIN when set).
 * - Without Origin, Sec-Fetch-Site must be same-origin (or none: typed by the user).
 * - Without either, Referer's origin must match.
 * - With none of the three the request is not from a browser page of any site
 *   (a script, curl); it is refused only when it carries cookies, since only
 *   cookies would let it act for someone (the session cookie is SameSite=Lax
 *   as a second line of defence).
 *
 * Astro's own `security.checkOrigin` also guards the pages (astro.config.mjs);
 * this check runs before it in the worker and covers the Hono API, which
 * Astro's does not.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Methods that read and never change state (RFC 9110 "safe"); everything else is a write. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

export function isCrossOriginWrite(request: Request, publicOrigin?: string): boolean {
  if (isSafeMethod(request.method)) return false;
  const allowed = new Set([new URL(request.url).origin]);
  if (publicOrigin) {
    const configured = originOf(publicOrigin);
    if (configured) allowed.add(configured);
  }
  const origin = request.headers.get('origin');
  if (origin !== null) return !allowed.has(origin);
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null) return fetchSite !== 'same-origin' && fetchSite !== 'none';
  const referer = request.headers.get('referer');
  if (referer !== null) {
    const refererOrigin = originOf(referer);
    return refererOrigin === null || !allowed.has(refererOrigin);
  }
  return request.headers.has('cookie');
}
