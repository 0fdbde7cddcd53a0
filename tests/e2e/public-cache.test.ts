/**
 * The worker's memory of public pages, on the built worker: a public page is
 * rendered once and then answered from memory; signed-in visitors always get
 * a rendering; a write to the catalogue is seen on the next request; and the
 * inquiry form's signed render time is issued anew on every answer.
 */
import { describe, expect, inject, it } from 'vitest';
import { checkFormToken, DEVELOPMENT_FORM_SECRET, MIN_FILL_MS } from '../../src/server/inquiries/form-token';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn } = site(baseUrl);

function formToken(html: string): string {
  const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no inquiry form on the page');
  return token;
}

describe('public pages from memory', () => {
  it('renders a public page once, then answers from memory with the same page', async () => {
    // A query of its own, so no other test has asked for this URL.
    const path = `/san-pham?q=mat+ong&sort=price_asc&cache-test=${Date.now()}`;
    const first = await get(path);
    const second = await get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(await second.text()).toBe(await first.text());
    // The headers every answer carries are on answers from memory too.
    expect(second.headers.get('content-security-policy')).toBeTruthy();
    expect(second.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('keys the API by language', async () => {
    const path = `/api/v1/provinces?cache-test=${Date.now()}`;
    const vi = await get(path);
    const en = await fetch(`${baseUrl}${path}`, { headers: { 'accept-language': 'en' } });
    expect(vi.headers.get('x-cache')).toBe('MISS');
    expect(en.headers.get('x-cache')).toBe('MISS');
    expect((await get(path)).headers.get('x-cache')).toBe('HIT');
  });

  it('always renders for a signed-in visitor', async () => {
    const cookie = await signIn('canbo@cho-htx.test');
    const path = `/san-pham?cache-test=${Date.now()}`;
    await get(path);
    for (let i = 0; i < 2; i += 1) {
      const signedIn = await get(path, cookie);
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get('x-cache')).toBeNull();
      expect(signedIn.headers.get('cache-control')).toBe('private, no-store');
    }
  });

  it('renders again after a write to the catalogue', async () => {
    const path = `/san-pham?cache-test=${Date.now()}`;
    await get(path);
    expect((await get(path)).headers.get('x-cache')).toBe('HIT');
    // A new draft product: not public, but a write to the products table all the same.
    const manager = await signIn('quanly1@cho-htx.test');
    const created = await post(
      '/tai-khoan/san-pham/moi',
      {
        nameVi: `Mật ong thử bộ nhớ ${Date.now() % 1_000_000}`,
        nameEn: 'Test honey',
        descriptionVi: 'Mật ong rừng.',
        descriptionEn: '',
        ocopGroup: 'thuc_pham',
        provinceCode: '66',
        commune: '',
        originFormerly: '',
        gtin: '',
        priceVnd: '150.000',
        unitVi: 'chai 500 ml',
        unitEn: '500 ml bottle',
        minOrder: '1',
        seasonVi: '',
        seasonEn: '',
      },
      manager,
    );
    expect(created.status).toBe(303);
    expect((await get(path)).headers.get('x-cache')).toBe('MISS');
  });

  it('issues the inquiry form a new signed render time on every answer from memory', async () => {
    const list = (await (await get('/api/v1/cooperatives?limit=1')).json()) as { items: { slug: string }[] };
    const path = `/hop-tac-xa/${list.items[0]?.slug}`;
    await get(path);
    const before = Date.now();
    const kept = await get(path);
    expect(kept.headers.get('x-cache')).toBe('HIT');
    const token = formToken(await kept.text());
    const issuedAt = Number(token.split('.')[0]);
    expect(issuedAt).toBeGreaterThanOrEqual(before - 1000);
    // Signed like any other: accepted once a person could have typed, refused if sent at once.
    expect(await checkFormToken(DEVELOPMENT_FORM_SECRET, token, new Date(issuedAt + MIN_FILL_MS))).toBeNull();
    expect(await checkFormToken(DEVELOPMENT_FORM_SECRET, token, new Date(issuedAt + 10))).toBe('too_fast');
  });
});
