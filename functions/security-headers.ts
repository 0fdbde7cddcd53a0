/**
 * The security headers of every response. Two places send them: the worker
 * (src/worker.ts, for pages and the API) and the static asset layer
 * (public/_headers, for files served before the worker runs). This is the one
 * source; a unit test holds public/_headers to the same values.
 */

/**
 * No inline script, no third-party anything: pages ship no client JavaScript at all.
 * Everything starts forbidden (default-src 'none'); each kind of resource the
 * pages use is then allowed from our own origin only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Astro bundles every style into files (astro.config.mjs: inlineStylesheets 'never').
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  // Cross-origin isolation: every resource of ours is same-origin, so nothing breaks.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Uploaded images (/media/…, functions/media.ts): nothing at all may load or
 * run, even if a browser were made to render one as a document.
 */
export const MEDIA_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * Sets the headers on a response, copying it first when its headers are
 * immutable (fetched from a binding). A response that chose a stricter
 * policy than the pages' (MEDIA_CONTENT_SECURITY_POLICY) keeps it. HTML
 * without a charset is declared UTF-8.
 */
export function withSecurityHeaders(response: Response): Response {
  const own = response.headers.get('Content-Security-Policy');
  const base =
    own === MEDIA_CONTENT_SECURITY_POLICY ? { ...SECURITY_HEADERS, 'Content-Security-Policy': own } : SECURITY_HEADERS;
  // Astro sends pages as bare text/html: without a charset a browser may guess another encoding
  // than the UTF-8 we escaped user text for (and misread Vietnamese at the very least).
  const bareHtml = response.headers.get('Content-Type')?.trim().toLowerCase() === 'text/html';
  const headers = bareHtml ? { ...base, 'Content-Type': 'text/html; charset=utf-8' } : base;
  let result = response;
  try {
    for (const [name, value] of Object.entries(headers)) result.headers.set(name, value);
  } catch {
    result = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) result.headers.set(name, value);
  }
  return result;
}
