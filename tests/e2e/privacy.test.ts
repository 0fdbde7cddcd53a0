/** Personal data, end to end: the privacy notice and the links to it from the footer and from forms. */
import { describe, expect, inject, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../src/server/privacy/notice';
import { nextAddress, site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn } = site(baseUrl);

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
      html.indexOf('</form>', html.indexOf('<form class="inquiry-form"')),
    );
    expect(form).toMatch(/aria-describedby="[^"]*field-consent-hint/);
    expect(form).toContain(`id="field-consent-hint"`);
    expect(form).toContain(`href="${notice}"`);
  });
});

/** Sends an inquiry through the API as a buyer with their own address; returns its reference and thread token. */
async function inquiryOf(email: string, name: string): Promise<{ reference: string; token: string }> {
  const res = await fetch(`${baseUrl}/api/v1/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': nextAddress() },
    body: JSON.stringify({
      product: await firstProductSlug(),
      name,
      email,
      country: 'JP',
      message: 'Xin báo giá 20 thùng, giao tại cảng Hải Phòng.',
      consent: true,
    }),
  });
  expect(res.status).toBe(201);
  const { inquiry } = (await res.json()) as { inquiry: { reference: string } };
  let token = '';
  for (let i = 0; i < 30 && !token; i++) {
    const outbox = (await (await get('/dev/outbox')).text()).split('<article');
    const mail = outbox.find((article) => article.includes(email) && article.includes(inquiry.reference));
    token = /\/hoi-hang\/trao-doi\/([a-z2-7]+)/.exec(mail ?? '')?.[1] ?? '';
    if (!token) await new Promise((r) => setTimeout(r, 100));
  }
  expect(token).not.toBe('');
  return { reference: inquiry.reference, token };
}

describe("a buyer's data, from the private link", () => {
  it('downloads their inquiry as JSON, with the consent version, and nobody else’s', async () => {
    const stamp = Date.now();
    const mine = await inquiryOf(`tanaka-${stamp}@example.jp`, 'Tanaka Yuki');
    const theirs = await inquiryOf(`sato-${stamp}@example.jp`, 'Sato Ken');

    const page = await (await get(`/hoi-hang/trao-doi/${mine.token}`)).text();
    expect(page).toContain(`href="/hoi-hang/trao-doi/${mine.token}/du-lieu"`);
    const res = await get(`/en/inquiries/conversation/${mine.token}/data`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('content-disposition')).toContain(`cho-htx-${mine.reference}.json`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    const data = JSON.parse(text) as {
      inquiry: { reference: string; buyer: { name: string; email: string }; consent: { noticeVersion: string } };
    };
    expect(data.inquiry.reference).toBe(mine.reference);
    expect(data.inquiry.buyer).toMatchObject({ name: 'Tanaka Yuki', email: `tanaka-${stamp}@example.jp` });
    expect(data.inquiry.consent.noticeVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(text).not.toContain(theirs.reference);
    expect(text).not.toContain('Sato');
  });

  it('a guessed token gets a bare 404, the same as any other wrong one', async () => {
    const guessed = 'a'.repeat(52);
    for (const path of [`/hoi-hang/trao-doi/${guessed}/du-lieu`, '/en/inquiries/conversation/x/data']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('Not found\n');
    }
  });

  it('asks for erasure with a confirmation; an officer completes it; the link then opens nothing', async () => {
    const stamp = Date.now();
    const { reference, token } = await inquiryOf(`xoa-${stamp}@example.vn`, 'Người Muốn Xoá');
    const thread = `/hoi-hang/trao-doi/${token}`;

    const unconfirmed = await post(thread, { action: 'erase' });
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('id="field-confirm-error"');

    const asked = await post(thread, { action: 'erase', confirm: 'on' });
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe(`${thread}?done=erasure`);
    expect(await (await get(`${thread}?done=erasure`)).text()).toContain('Đã ghi nhận yêu cầu xoá dữ liệu');
    // Asking again is the same request.
    expect((await post(thread, { action: 'erase', confirm: 'on' })).status).toBe(303);

    const officer = await signIn('canbo@cho-htx.test');
    const list = await (await get('/quan-tri/du-lieu-ca-nhan', officer)).text();
    const waiting = list.slice(list.indexOf('<h2'), list.indexOf('<h2', list.indexOf('<h2') + 1));
    expect(waiting.split(reference)).toHaveLength(2);
    const requestId = new RegExp(`${reference}[\\s\\S]*?name="request" value="([^"]+)"`).exec(waiting)?.[1] ?? '';
    const member = await signIn('quanly1@cho-htx.test');
    expect((await post('/quan-tri/du-lieu-ca-nhan', { request: requestId }, member)).status).toBe(403);
    const done = await post('/quan-tri/du-lieu-ca-nhan', { request: requestId }, officer);
    expect(done.status).toBe(303);
    expect((await post('/quan-tri/du-lieu-ca-nhan', { request: requestId }, officer)).status).toBe(404);

    expect((await get(thread)).status).toBe(404);
    expect((await get(`${thread}/du-lieu`)).status).toBe(404);
    const after = await (await get('/quan-tri/du-lieu-ca-nhan', officer)).text();
    expect(after.slice(after.lastIndexOf('<h2'))).toContain(reference);
    expect(after).not.toContain('Người Muốn Xoá');
  });
});
