import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, withSecurityHeaders } from '../../src/server/security/headers';

describe('security headers', () => {
  it('public/_headers gives static files exactly the headers the worker sends', () => {
    const file = readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8');
    const block = file.slice(file.indexOf('/*\n'));
    const headers = Object.fromEntries(
      block.split('\n').slice(1).filter((line) => line.startsWith('  ')).map((line) => {
        const at = line.indexOf(': ');
        return [line.slice(2, at), line.slice(at + 2)];
      }),
    );
    expect(headers).toEqual(SECURITY_HEADERS);
  });

  it('the CSP allows no inline or foreign script and no framing', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d]));
    expect(directives['script-src']).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives['frame-ancestors']).toBe("frame-ancestors 'none'");
    expect(directives['object-src']).toBe("object-src 'none'");
  });

  it('sets them on a response whose headers are immutable by copying it', async () => {
    const immutable = Response.redirect('https://example.org/', 302);
    const secured = withSecurityHeaders(immutable);
    expect(secured.status).toBe(302);
    expect(secured.headers.get('location')).toBe('https://example.org/');
    expect(secured.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
