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
 * pages use is then allowed from our own origin only. A page's own styles,
 * inlined by Astro, are added by their hashes (withSecurityHeaders), never as
 * 'unsafe-inline'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
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

/** What a page may add to the pages' CSP (contentSecurityPolicy). */
export interface PagePolicy {
  /** The map's tile server, allowed as an image source when one is configured. */
  tilesSource?: string | null;
  /** CSP hash sources ('sha256-…') of the styles the page inlined. */
  styleHashes?: readonly string[];
  /** Any site may frame it (the events widget). */
  framable?: boolean;
}

/** The pages' CSP with what a page adds to it. */
export function contentSecurityPolicy({ tilesSource, styleHashes = [], framable = false }: PagePolicy = {}): string {
  let policy = CONTENT_SECURITY_POLICY;
  if (tilesSource) policy = policy.replace("img-src 'self' data:", `img-src 'self' data: ${tilesSource}`);
  if (styleHashes.length > 0) policy = policy.replace("style-src 'self'", `style-src 'self' ${styleHashes.join(' ')}`);
  if (framable) policy = policy.replace("frame-ancestors 'none'", 'frame-ancestors *');
  return policy;
}

/**
 * The events widget (/nhung/su-kien, /en/embed/events) is made for other
 * sites' pages, so any of them may frame it: it holds links and nothing else
 * (no form, no session-dependent content), so a framing page cannot make a
 * visitor do anything on the portal by overlaying it. It asks for it through
 * Astro's CSP (`Astro.csp.insertDirective(FRAMABLE_DIRECTIVE)`). Every other
 * page keeps frame-ancestors 'none' and X-Frame-Options DENY.
 */
export const FRAMABLE_DIRECTIVE = 'frame-ancestors *';

const HASH_SOURCE = /^'sha(?:256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;

/**
 * What a page rendered by Astro asks of the policy, read from the CSP Astro
 * sends with it (astro.config.mjs `security.csp`): the hashes of the styles it
 * inlines (its style-src), and to be framed (FRAMABLE_DIRECTIVE). Nothing else
 * of Astro's policy is taken: its script-src and the rest stay ours.
 */
export function pagePolicyOf(astroPolicy: string | null): Pick<PagePolicy, 'styleHashes' | 'framable'> {
  const directives = (astroPolicy ?? '').split(';').map((directive) => directive.trim().split(/\s+/));
  const styleSrc = directives.find(([name]) => name === 'style-src')?.slice(1) ?? [];
  return {
    styleHashes: styleSrc.filter((source) => HASH_SOURCE.test(source)),
    framable: directives.some((directive) => directive.join(' ') === FRAMABLE_DIRECTIVE),
  };
}

const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style>/g;
const DIGESTS = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' } as const;

/**
 * The page with Astro's CSP narrowed to the styles it carries. Astro lists the
 * hashes of every style of the site on every page (some 3 KB of header, sent
 * before the page's first byte); a page needs those of its own `<style>`
 * elements only. A style hash is kept when Astro listed it and the page holds
 * that style, so a `<style>` that reached the page by any other way (were user
 * text ever let through unescaped) is still refused: its hash is not Astro's.
 * Reads the whole page, which Astro has rendered by then.
 */
export async function withItsOwnStyleHashes(page: Response): Promise<Response> {
  const astroPolicy = page.headers.get('Content-Security-Policy');
  const listed = pagePolicyOf(astroPolicy).styleHashes ?? [];
  if (!astroPolicy || listed.length === 0 || !page.headers.get('Content-Type')?.startsWith('text/html')) return page;
  const html = await page.text();
  const algorithm = /^'(sha\d+)-/.exec(listed[0]!)?.[1] as keyof typeof DIGESTS;
  const carried = await Promise.all(
    [...html.matchAll(STYLE_ELEMENT)].map(async ([, css]) => {
      const digest = await crypto.subtle.digest(DIGESTS[algorithm], new TextEncoder().encode(css));
      return `'${algorithm}-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
    }),
  );
  const kept = listed.filter((hash) => carried.includes(hash));
  const narrowed = astroPolicy
    .split(';')
    .map((directive) => {
      const [name] = directive.trim().split(/\s+/);
      return name === 'style-src' ? ` style-src 'self'${kept.map((hash) => ` ${hash}`).join('')}` : directive;
    })
    .join(';');
  const answer = new Response(html, { status: page.status, statusText: page.statusText, headers: page.headers });
  answer.headers.set('Content-Security-Policy', narrowed);
  answer.headers.delete('Content-Length');
  return answer;
}

/**
 * Uploaded images (/media/…, functions/media.ts): nothing at all may load or
 * run, even if a browser were made to render one as a document.
 */
export const MEDIA_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * Sets the headers on a response, copying it first when its headers are
 * immutable (fetched from a binding). The CSP is the pages' with what the
 * page asked for through Astro's (pagePolicyOf), except that a response that
 * chose a stricter policy (MEDIA_CONTENT_SECURITY_POLICY) keeps it. A page
 * that may be framed loses X-Frame-Options and lets other origins embed it.
 * HTML without a charset is declared UTF-8.
 */
export function withSecurityHeaders(response: Response, tilesSource: string | null = null): Response {
  const own = response.headers.get('Content-Security-Policy');
  const asked = pagePolicyOf(own);
  // frame-ancestors decides in browsers that know it, X-Frame-Options would forbid the frame in older ones;
  // a framing page that is cross-origin isolated itself needs the frame to allow it (COEP).
  const { 'X-Frame-Options': _denied, ...framable } = SECURITY_HEADERS;
  const policy = own === MEDIA_CONTENT_SECURITY_POLICY ? own : contentSecurityPolicy({ tilesSource, ...asked });
  const base: Record<string, string> = asked.framable
    ? { ...framable, 'Content-Security-Policy': policy, 'Cross-Origin-Resource-Policy': 'cross-origin' }
    : { ...SECURITY_HEADERS, 'Content-Security-Policy': policy };
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
