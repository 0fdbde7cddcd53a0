import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadObservatoryAnalyzers } from '../../scripts/lib/observatory';
import {
  CONTENT_SECURITY_POLICY,
  EMBEDDABLE_CONTENT_SECURITY_POLICY,
  MEDIA_CONTENT_SECURITY_POLICY,
  mapTilesSource,
  SECURITY_HEADERS,
  withSecurityHeaders,
} from '../../functions/security-headers';

/** public/_headers as { path pattern: { header: value } }. */
function headerRules(): Record<string, Record<string, string>> {
  const rules: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith('  ')) {
      const at = line.indexOf(': ');
      if (!current || at < 0)
        throw new Error(`public/_headers: a header line outside a rule or without a value: ${line}`);
      current[line.slice(2, at)] = line.slice(at + 2);
    } else {
      current = rules[line.trim()] = {};
    }
  }
  return rules;
}

describe('security headers', () => {
  it('public/_headers gives static files exactly the headers the worker sends', () => {
    expect(headerRules()['/*']).toEqual(SECURITY_HEADERS);
  });

  it('hashed build files are cached for a year, and nothing else is', () => {
    const rules = headerRules();
    expect(rules['/_astro/*']).toEqual({ 'Cache-Control': 'public, max-age=31536000, immutable' });
    expect(Object.keys(rules).sort()).toEqual(['/*', '/_astro/*']);
  });

  it('the CSP allows no inline or foreign script and no framing, and forbids what it does not name', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives['default-src']).toBe("default-src 'none'");
    expect(directives['script-src']).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives['frame-ancestors']).toBe("frame-ancestors 'none'");
    expect(directives['object-src']).toBe("object-src 'none'");
  });

  it('lets only a response that chose the embeddable policy be framed, by anyone, and changes nothing else', () => {
    const page = (csp?: string) =>
      withSecurityHeaders(new Response('x', { headers: csp ? { 'Content-Security-Policy': csp } : {} })).headers;
    const framed = page(EMBEDDABLE_CONTENT_SECURITY_POLICY);
    expect(framed.get('Content-Security-Policy')).toContain('frame-ancestors *');
    expect(framed.get('X-Frame-Options')).toBeNull();
    expect(framed.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(EMBEDDABLE_CONTENT_SECURITY_POLICY.replace('frame-ancestors *', "frame-ancestors 'none'")).toBe(
      CONTENT_SECURITY_POLICY,
    );
    for (const other of [page(), page('default-src *; frame-ancestors *'), page(MEDIA_CONTENT_SECURITY_POLICY)]) {
      expect(other.get('X-Frame-Options')).toBe('DENY');
      expect(other.get('Content-Security-Policy')).toMatch(/frame-ancestors 'none'/);
      expect(other.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    }
  });

  it('declares HTML sent without a charset as UTF-8, leaving other types and charsets alone', () => {
    const typeOf = (type: string) =>
      withSecurityHeaders(new Response('x', { headers: { 'content-type': type } })).headers.get('content-type');
    expect(typeOf('text/html')).toBe('text/html; charset=utf-8');
    expect(typeOf('text/html; charset=utf-8')).toBe('text/html; charset=utf-8');
    expect(typeOf('application/json')).toBe('application/json');
    expect(typeOf('image/webp')).toBe('image/webp');
  });

  it('sets them on a response whose headers are immutable by copying it', async () => {
    const immutable = Response.redirect('https://example.org/', 302);
    const secured = withSecurityHeaders(immutable);
    expect(secured.status).toBe(302);
    expect(secured.headers.get('location')).toBe('https://example.org/');
    expect(secured.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

/**
 * The Mozilla HTTP Observatory's own analyzers, given a verified HTTPS answer
 * carrying our headers: the rules of its HTTPS-only tests (HSTS needs a
 * trusted certificate) hold here without a network. Redirection from HTTP is
 * a zone setting, not a header (docs/DEPLOYMENT.md); `npm run bench:observatory`
 * runs the whole scan against the built worker behind a local TLS front.
 */
describe('Mozilla HTTP Observatory rules', () => {
  let observatory: Awaited<ReturnType<typeof loadObservatoryAnalyzers>>;
  beforeAll(async () => {
    observatory = await loadObservatoryAnalyzers();
  });

  function withOurHeaders() {
    const requests = observatory.emptyRequests();
    for (const response of [requests.responses.auto, requests.responses.https]) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers[name.toLowerCase()] = value;
    }
    return requests;
  }

  it('passes every header test, with the results that earn extra credit', () => {
    const results = Object.fromEntries(
      Object.entries(observatory.headerTests).map(([name, test]) => [name, test(withOurHeaders())]),
    );
    expect(Object.keys(results).sort()).toEqual([
      'content-security-policy',
      'cookies',
      'cross-origin-resource-policy',
      'cross-origin-resource-sharing',
      'referrer-policy',
      'strict-transport-security',
      'subresource-integrity',
      'x-content-type-options',
      'x-frame-options',
    ]);
    for (const [name, outcome] of Object.entries(results))
      expect(outcome.pass, `${name}: ${outcome.result}`).toBe(true);
    expect(results['content-security-policy']?.result).toBe('csp-implemented-with-no-unsafe-default-src-none');
    expect(results['strict-transport-security']?.result).toBe('hsts-implemented-max-age-at-least-six-months');
    expect(results['referrer-policy']?.result).toBe('referrer-policy-private');
    expect(results['x-frame-options']?.result).toBe('x-frame-options-implemented-via-csp');
    expect(results['cross-origin-resource-policy']?.result).toBe('corp-implemented-with-same-origin');
  });

  it('fails them when the headers are missing (so the check above can fail)', () => {
    for (const name of ['content-security-policy', 'strict-transport-security', 'x-content-type-options']) {
      expect(observatory.headerTests[name]?.(observatory.emptyRequests()).pass, name).toBe(false);
    }
  });

  it('allows the map’s tile server as an image source only when one is configured, and only over https', () => {
    expect(mapTilesSource(undefined)).toBeNull();
    expect(mapTilesSource('')).toBeNull();
    expect(mapTilesSource('http://tiles.example.org/{z}/{x}/{y}.png')).toBeNull();
    expect(mapTilesSource('https://tiles.example.org"; script-src *;/{z}/{x}/{y}.png')).toBeNull();
    expect(mapTilesSource('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(mapTilesSource('https://{s}.Tiles.example.org:8443/{z}/{x}/{y}.png')).toBe(
      'https://*.tiles.example.org:8443',
    );
    const csp = (tiles: string | undefined) =>
      withSecurityHeaders(new Response('x'), mapTilesSource(tiles)).headers.get('Content-Security-Policy');
    expect(csp(undefined)).toBe(CONTENT_SECURITY_POLICY);
    expect(csp('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toContain(
      "img-src 'self' data: https://tile.openstreetmap.org;",
    );
    expect(csp('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toContain("script-src 'self';");
  });
});
