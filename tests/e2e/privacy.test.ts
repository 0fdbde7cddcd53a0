/** Personal data, end to end: the privacy notice and the links to it from the footer and from forms. */
import { describe, expect, inject, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../src/server/privacy/notice';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get } = site(baseUrl);

async function firstProductSlug(): Promise<string> {
  const list = (await (await fetch(`${baseUrl}/api/v1/products?limit=1`)).json()) as { items: { slug: string }[] };
  return list.items[0]?.slug ?? '';
}

describe('the privacy notice', () => {
  it.each([
    ['/quyen-rieng-tu', 'Thông báo về xử lý dữ liệu cá nhân', '24 tháng sau tin nhắn cuối cùng', '91/2025/QH15'],
    ['/en/privacy', 'Privacy notice', '24 months after the last message', '91/2025/QH15'],
  ])('%s says what is collected, why, for how long, to whom, and how to ask', async (path, heading, retention, law) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`));
    expect(html).toContain(PRIVACY_NOTICE_VERSION);
    expect(html).toContain(retention);
    expect(html).toContain(law);
    expect(html).toContain('356/2025');
    expect(html).toContain('Cloudflare');
    expect(html).toContain('72');
    expect(html).toMatch(/href="mailto:[^"]+@[^"]+"/);
  });

  it('each language links to the other', async () => {
    expect(await (await get('/quyen-rieng-tu')).text()).toMatch(/hreflang="en" href="[^"]*\/en\/privacy"/);
    expect(await (await get('/en/privacy')).text()).toMatch(/hreflang="vi" href="[^"]*\/quyen-rieng-tu"/);
  });
});

describe('links to the notice', () => {
  it.each([
    ['/', '/quyen-rieng-tu', '/hoi-hang/trang-thai'],
    ['/en/', '/en/privacy', '/en/inquiries/status'],
  ])('the footer of %s links to the notice and to the inquiry look-up', async (path, notice, status) => {
    const html = await (await get(path)).text();
    const footer = html.slice(html.indexOf('<footer'));
    expect(footer).toContain(`href="${notice}"`);
    expect(footer).toContain(`href="${status}"`);
  });

  it.each([
    ['vi', (slug: string) => `/san-pham/${slug}`, '/quyen-rieng-tu'],
    ['en', (slug: string) => `/en/products/${slug}`, '/en/privacy'],
  ])('the inquiry form (%s) links to the notice beside its consent box', async (_locale, path, notice) => {
    const html = await (await get(path(await firstProductSlug()))).text();
    const form = html.slice(
      html.indexOf('<form class="inquiry-form"'),
      html.indexOf('</form>', html.indexOf('inquiry-form')),
    );
    expect(form).toMatch(/aria-describedby="[^"]*field-consent-hint/);
    expect(form).toContain(`id="field-consent-hint"`);
    expect(form).toContain(`href="${notice}"`);
  });
});
