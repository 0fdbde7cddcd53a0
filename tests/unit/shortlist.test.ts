/** The buyer's shortlist cookie: what it may hold, and that pages with one are never shared from memory. */
import { describe, expect, it } from 'vitest';
import { publicCacheKey } from '../../functions/public-cache/public-responses';
import { shortlistCookie, shortlistOfRequest } from '../../src/server/shortlist/cookie';
import {
  addToShortlist,
  MAX_SHORTLIST,
  readShortlist,
  removeFromShortlist,
} from '../../src/server/shortlist/shortlist';
import { ConflictError } from '../../src/server/errors';

describe('shortlist', () => {
  it('keeps only slugs in their shape, each once, at most MAX_SHORTLIST', () => {
    expect(readShortlist('mat-ong.ca-phe.mat-ong')).toEqual(['mat-ong', 'ca-phe']);
    expect(readShortlist('a.<script>.B.x--y.-z.ok-1')).toEqual(['a', 'ok-1']);
    expect(readShortlist(null)).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => `p${i}`).join('.');
    expect(readShortlist(many)).toHaveLength(MAX_SHORTLIST);
  });

  it('adds at the end once, refuses a 21st, and removes', () => {
    expect(addToShortlist(['a'], 'b')).toEqual(['a', 'b']);
    expect(addToShortlist(['a', 'b'], 'a')).toEqual(['a', 'b']);
    const full = Array.from({ length: MAX_SHORTLIST }, (_, i) => `p${i}`);
    expect(() => addToShortlist(full, 'one-more')).toThrow(ConflictError);
    expect(removeFromShortlist(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('is an HttpOnly, SameSite=Lax cookie, __Host- and Secure off plain-http localhost; empty clears it', () => {
    const site = new URL('https://cho-htx.example/san-pham/x');
    const cookie = shortlistCookie(site, ['a', 'b']);
    expect(cookie).toMatch(/^__Host-shortlist=a\.b; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    expect(shortlistCookie(new URL('http://localhost:4321/'), [])).toBe(
      'shortlist=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax',
    );
    expect(shortlistOfRequest(site, 'session=x; __Host-shortlist=a.b')).toEqual(['a', 'b']);
  });

  it('keeps pages of a visitor with a shortlist out of the shared memory', () => {
    const page = (cookie?: string) =>
      new Request('https://cho-htx.example/san-pham/mat-ong', { headers: cookie ? { cookie } : {} });
    expect(publicCacheKey(page())).not.toBeNull();
    expect(publicCacheKey(page('__Host-shortlist=mat-ong'))).toBeNull();
    // A cookie holding nothing valid is no shortlist: the shared page is right for it.
    expect(publicCacheKey(page('__Host-shortlist=%3Cx%3E'))).not.toBeNull();
  });
});
