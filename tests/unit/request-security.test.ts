import { describe, expect, it } from 'vitest';
import { isCrossOriginWrite } from '../../src/server/security/origin-check';
import {
  clearedSessionCookie,
  readSessionToken,
  sessionCookie,
  sessionCookieName,
} from '../../src/server/security/session-cookie';

const post = (headers: Record<string, string>, url = 'https://cho-htx.example/dang-nhap') =>
  new Request(url, { method: 'POST', headers });

describe('origin check', () => {
  it('lets reads through whatever their origin', () => {
    expect(
      isCrossOriginWrite(new Request('https://cho-htx.example/', { headers: { origin: 'https://evil.example' } })),
    ).toBe(false);
  });

  it('judges writes by Origin first', () => {
    expect(isCrossOriginWrite(post({ origin: 'https://cho-htx.example' }))).toBe(false);
    expect(isCrossOriginWrite(post({ origin: 'https://evil.example' }))).toBe(true);
    expect(isCrossOriginWrite(post({ origin: 'null' }))).toBe(true);
    // A same-origin Origin wins over a misleading Sec-Fetch-Site, and the reverse.
    expect(isCrossOriginWrite(post({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }))).toBe(true);
  });

  it('accepts the configured public origin behind a proxy', () => {
    const request = post({ origin: 'https://chohtx.vn' }, 'http://internal:8787/dang-nhap');
    expect(isCrossOriginWrite(request)).toBe(true);
    expect(isCrossOriginWrite(request, 'https://chohtx.vn')).toBe(false);
  });

  it('falls back to Sec-Fetch-Site, then Referer', () => {
    expect(isCrossOriginWrite(post({ 'sec-fetch-site': 'same-origin' }))).toBe(false);
    expect(isCrossOriginWrite(post({ 'sec-fetch-site': 'same-site' }))).toBe(true);
    expect(isCrossOriginWrite(post({ 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossOriginWrite(post({ referer: 'https://cho-htx.example/dang-nhap' }))).toBe(false);
    expect(isCrossOriginWrite(post({ referer: 'https://evil.example/' }))).toBe(true);
    expect(isCrossOriginWrite(post({ referer: 'not a url' }))).toBe(true);
  });

  it('with no provenance at all, refuses only requests that carry cookies', () => {
    expect(isCrossOriginWrite(post({}))).toBe(false);
    expect(isCrossOriginWrite(post({ cookie: '__Host-session=a.b' }))).toBe(true);
  });
});

describe('session cookie', () => {
  const https = new URL('https://cho-htx.example/tai-khoan');
  const local = new URL('http://127.0.0.1:4321/tai-khoan');
  const expires = new Date('2026-12-01T00:00:00Z');

  it('is __Host-, Secure, HttpOnly, SameSite=Lax, Path=/ on https', () => {
    expect(sessionCookie(https, 'a.b', expires)).toBe(
      '__Host-session=a.b; Expires=Tue, 01 Dec 2026 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax; Secure',
    );
    expect(clearedSessionCookie(https)).toBe('__Host-session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax; Secure');
  });

  it('drops Secure (and the prefix that needs it) only on plain-http localhost', () => {
    expect(sessionCookie(local, 'a.b', expires)).toBe(
      'session=a.b; Expires=Tue, 01 Dec 2026 00:00:00 GMT; Path=/; HttpOnly; SameSite=Lax',
    );
    expect(sessionCookieName(new URL('http://cho-htx.example/'))).toBe('__Host-session');
  });

  it('reads its own cookie among others', () => {
    expect(readSessionToken(https, 'a=1; __Host-session=tok.en; session=other')).toBe('tok.en');
    expect(readSessionToken(local, 'a=1; session=tok.en')).toBe('tok.en');
    expect(readSessionToken(https, 'session=tok.en')).toBeNull();
    expect(readSessionToken(https, null)).toBeNull();
  });
});
