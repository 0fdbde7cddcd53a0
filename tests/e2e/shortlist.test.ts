/** The shortlist's form posts over HTTP: what the cookie may hold, and where each post goes back to. */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post } = site(baseUrl);

const cookieOf = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('shortlist=')) ?? '';

describe('shortlist posts', () => {
  let slug = '';

  beforeAll(async () => {
    const list = (await (await fetch(`${baseUrl}/api/v1/products?limit=1`)).json()) as { items: { slug: string }[] };
    slug = list.items[0]?.slug ?? '';
  });

  it('adds a published product and goes back (303) with an HttpOnly, SameSite=Lax cookie', async () => {
    const res = await post('/danh-sach-mua', { intent: 'add', product: slug, back: `/san-pham/${slug}` });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/san-pham/${slug}`);
    expect(cookieOf(res)).toMatch(new RegExp(`^shortlist=${slug}; Max-Age=\\d+; Path=/; HttpOnly; SameSite=Lax$`));
    const page = await (await get(`/san-pham/${slug}`, `shortlist=${slug}`)).text();
    expect(page).toContain('class="unread-badge">1<');
  });

  it('refuses an unknown product (404) and another site as the way back', async () => {
    expect((await post('/danh-sach-mua', { intent: 'add', product: 'khong-co-san-pham-nay' })).status).toBe(404);
    const res = await post('/danh-sach-mua', { intent: 'add', product: slug, back: '//evil.example/' });
    expect(res.headers.get('location')).toBe('/danh-sach-mua');
  });

  it('removes, and clears the cookie when the list is empty', async () => {
    const res = await post('/en/shortlist', { intent: 'remove', product: slug }, `shortlist=${slug}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/en/shortlist');
    expect(cookieOf(res)).toMatch(/^shortlist=; Max-Age=0;/);
  });

  it('sends a full list to the shortlist page with a message instead of dropping a product', async () => {
    const full = Array.from({ length: 20 }, (_, i) => `p${i}`).join('.');
    const res = await post('/danh-sach-mua', { intent: 'add', product: slug }, `shortlist=${full}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/danh-sach-mua?full=1');
    expect(cookieOf(res)).toBe('');
  });
});
