/**
 * The security headers of every response. Two places send them: the worker
 * (src/worker.ts, for pages and the API) and the static asset layer
 * (public/_headers, for files served before the worker runs). This is the one
 * source; a unit test holds public/_headers to the same values.
 */

/**
 * No inline script, no third-party anything: pages ship no client JavaScript,
 * except the map page's own bundle (from 'self'), whose tiles are the one
 * foreign origin a configuration can add (contentSecurityPolicy).
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
  // Our own pages only, and only the events widget lets itself be framed: the console previews it.
  "frame-src 'self'",
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
 * The CSP source of the map's tile server (MAP_TILES_URL, a Leaflet URL
 * template such as `https://{s}.tile.example.org/{z}/{x}/{y}.png`), or null
 * when none is configured or the template is not an https address. A `{s}`
 * subdomain becomes a `*.` wildcard, as CSP writes it.
 */
export function mapTilesSource(template: string | undefined): string | null {
  const host = /^https:\/\/((?:\{s\}\.)?[a-z0-9.-]+(?::\d{1,5})?)\//i.exec(template?.trim() ?? '')?.[1];
  return host ? `https://${host.replace('{s}.', '*.').toLowerCase()}` : null;
}

/** The pages' CSP, with the map's tile server allowed as an image source when one is configured. */
export function contentSecurityPolicy(tilesSource: string | null): string {
  if (!tilesSource) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace("img-src 'self' data:", `img-src 'self' data: ${tilesSource}`);
}

/**
 * The events widget (/nhung/su-kien, /en/embed/events) is made for other
 * sites' pages, so any of them may frame it: it holds links and nothing else
 * (no form, no session-dependent content), so a framing page cannot make a
 * visitor do anything on the portal by overlaying it. Every other page keeps
 * frame-ancestors 'none' and X-Frame-Options DENY.
 */
export const EMBEDDABLE_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "frame-ancestors 'none'",
  'frame-ancestors *',
);

/**
 * Uploaded images (/media/…, functions/media.ts): nothing at all may load or
 * run, even if a browser were made to render one as a document.
 */
export const MEDIA_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * Sets the headers on a response, copying it first when its headers are
 * immutable (fetched from a binding). A response that chose a stricter
 * policy than the pages' (MEDIA_CONTENT_SECURITY_POLICY) keeps it, and so
 * does the widget that chose to be framed (EMBEDDABLE_CONTENT_SECURITY_POLICY). HTML
 * without a charset is declared UTF-8.
 */
export function withSecurityHeaders(response: Response, tilesSource: string | null = null): Response {
  const own = response.headers.get('Content-Security-Policy');
  const embeddable = own === EMBEDDABLE_CONTENT_SECURITY_POLICY;
  // frame-ancestors decides in browsers that know it, X-Frame-Options would forbid the frame in older ones;
  // a framing page that is cross-origin isolated itself needs the frame to allow it (COEP).
  const { 'X-Frame-Options': _denied, ...framable } = SECURITY_HEADERS;
  const base: Record<string, string> = embeddable
    ? { ...framable, 'Content-Security-Policy': own, 'Cross-Origin-Resource-Policy': 'cross-origin' }
    : {
        ...SECURITY_HEADERS,
        'Content-Security-Policy': own === MEDIA_CONTENT_SECURITY_POLICY ? own : contentSecurityPolicy(tilesSource),
      };
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
