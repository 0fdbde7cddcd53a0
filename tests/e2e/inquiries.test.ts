/**
 * Inquiries over HTTP on the built worker (workerd, seeded D1, development
 * outbox): the public form without JavaScript from a cooperative's page to
 * the cooperative's inbox, the reply, and the reply on the buyer's status
 * page; the buyer's receipt and private thread page, their answer in the
 * cooperative's inbox, and the link revoked; errors next to fields with values kept; the fill-time check; members
 * of another cooperative refused through pages and API; a burst of wrong
 * status look-ups held to the limit.
 */
import { describe, expect, inject, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/server/db/seed/accounts';
import { DEVELOPMENT_FORM_SECRET, issueFormToken } from '../../src/server/inquiries/form-token';
import { STATUS_LOOKUP_POLICY } from '../../src/server/inquiries/status';
import { errorSummaryLinks, textOf } from '../support/html';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let address = 0;
const nextAddress = () => `198.51.100.${100 + (++address % 100)}`;

function demo(email: string) {
  const account = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!account) throw new Error(email);
  return account;
}

function cookieFrom(res: Response): string {
  for (const header of res.headers.getSetCookie()) {
    const pair = header.split(';')[0] ?? '';
    if (/^(__Host-)?session=./.test(pair)) return pair;
  }
  throw new Error('no session cookie');
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin,
      'content-type': 'application/x-www-form-urlencoded',
      'cf-connecting-ip': nextAddress(),
      ...headers,
    },
    body: new URLSearchParams(fields),
  });
}
const get = (path: string, cookie?: string) =>
  fetch(`${baseUrl}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

async function signIn(email: string) {
  const res = await post('/dang-nhap', { email, password: demo(email).password });
  expect(res.status).toBe(303);
  return cookieFrom(res);
}

/** The hidden fields of the first inquiry form on a page. */
function hiddenFields(html: string): Record<string, string> {
  const form = /<form class="inquiry-form"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  return Object.fromEntries(
    [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

async function cooperativeOf(cookie: string): Promise<{ slug: string; name: string }> {
  const me = (await (await get('/api/v1/me', cookie)).json()) as { cooperative: { slug: string; name: string } };
  return me.cooperative;
}

const buyer = {
  name: 'Maria Schmidt',
  organisation: 'Feinkost Import GmbH',
  email: 'maria@example.de',
  phone: '',
  // Typed, as the form's country field takes it; stored as DE.
  country: 'Germany',
  quantity: '2,5',
  unit: 'tấn',
  wantedBy: '',
  message: 'We would like a quote for 2.5 tonnes, delivered to Hamburg, with samples first.',
  consent: 'on',
};

describe('inquiry form to reply', () => {
  it('goes from the cooperative page form to the inbox, and the reply reaches the buyer’s status page', async () => {
    const managerCookie = await signIn('quanly1@cho-htx.test');
    const cooperative = await cooperativeOf(managerCookie);

    const page = await get(`/en/cooperatives/${cooperative.slug}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<form class="inquiry-form" method="post" action="\/en\/inquiries"/);
    const hidden = hiddenFields(html);
    expect(hidden).toMatchObject({ cooperative: cooperative.slug, locale: 'en' });
    expect(hidden.formToken).toMatch(/^\d{13}\./);

    // The page's own token is fresh: a real person takes a few seconds. Backdate one with the development key instead of waiting.
    const token = await issueFormToken(DEVELOPMENT_FORM_SECRET, new Date(Date.now() - 60_000));
    const sent = await post('/en/inquiries', { ...hidden, formToken: token, website: '', ...buyer });
    expect(sent.status).toBe(303);
    const location = sent.headers.get('location') ?? '';
    expect(location).toMatch(/^\/en\/inquiries\/sent\?reference=HTX-[0-9A-Z]{4}-[0-9A-Z]{4}&mailed=1$/);
    const reference = new URL(location, baseUrl).searchParams.get('reference') ?? '';
    const sentPage = await (await get(location)).text();
    expect(textOf(sentPage)).toContain(reference);
    expect(sentPage).toContain(`href="/en/inquiries/status?reference=${reference}"`);
    // The buyer gave an email: the page says a receipt is on its way, not "write this code down".
    expect(textOf(sentPage)).toContain('We mailed you a copy');
    expect(textOf(sentPage)).not.toContain('Keep this code');

    // The manager's inbox: the unread count in the navigation, the new inquiry in the list.
    const inbox = await get('/en/account/inquiries', managerCookie);
    expect(inbox.status).toBe(200);
    const inboxHtml = await inbox.text();
    expect(textOf(inboxHtml)).toMatch(/Inquiries \d+ unread/);
    expect(inboxHtml).toContain(`href="/en/account/inquiries/${reference}"`);

    // The cooperative was notified through the mailer (development outbox), after the response.
    let outbox = '';
    for (let i = 0; i < 20 && !outbox.includes(reference); i++) {
      outbox = await (await get('/dev/outbox')).text();
      if (!outbox.includes(reference)) await new Promise((r) => setTimeout(r, 100));
    }
    expect(outbox).toContain(`Yêu cầu hỏi hàng mới ${reference}`);
    // The country typed in English reaches the cooperative by its Vietnamese name, not its code.
    expect(outbox).toContain('Quốc gia: Đức');

    // Opening marks it read; the reply is stored and mailed to the buyer.
    const opened = await (await get(`/en/account/inquiries/${reference}`, managerCookie)).text();
    expect(textOf(opened)).toContain('Maria Schmidt');
    expect(textOf(opened)).toContain('Read');
    expect(textOf(opened)).toContain('2.5 tấn');
    expect(textOf(opened)).toContain('Germany');
    const reply = 'Thank you, Maria. 2.5 tonnes are available in January; samples leave on Monday.';
    const replied = await post(`/en/account/inquiries/${reference}`, { body: reply }, { cookie: managerCookie });
    expect(replied.status).toBe(303);
    expect(replied.headers.get('location')).toBe(`/en/account/inquiries/${reference}?done=replied`);

    // The buyer's status page: the same answer shape for a wrong email, the reply for the right one.
    const wrong = await post('/en/inquiries/status', { reference, contact: 'someone@example.de' });
    expect(wrong.status).toBe(404);
    expect(textOf(await wrong.text())).toContain('No inquiry matches this code');
    const status = await post('/en/inquiries/status', {
      reference: reference.toLowerCase(),
      contact: 'MARIA@example.de',
    });
    expect(status.status).toBe(200);
    const statusText = textOf(await status.text());
    expect(statusText).toContain('Replied');
    expect(statusText).toContain(reply);
    expect(statusText).toContain(cooperative.name);
    // Sent time, the buyer's own message and the reply say whose clock they are on: a buyer abroad reads them.
    expect(statusText.match(/\(Viet Nam time\)/g)).toHaveLength(3);

    for (let i = 0; i < 20 && !outbox.includes(`Reply to your inquiry ${reference}`); i++) {
      outbox = await (await get('/dev/outbox')).text();
      if (!outbox.includes(`Reply to your inquiry ${reference}`)) await new Promise((r) => setTimeout(r, 100));
    }
    expect(outbox).toContain(`Reply to your inquiry ${reference}`);

    // The receipt's private link opens the thread, in English, with the reply; the buyer answers there.
    expect(outbox).toContain(`Inquiry ${reference} received`);
    const tokens = [...outbox.matchAll(/\/en\/inquiries\/conversation\/([a-z2-7]{52})/g)].map((m) => m[1] ?? '');
    expect(tokens.length).toBeGreaterThan(0);
    const threadPath = `/en/inquiries/conversation/${tokens[0]}`;
    const threadPage = await get(threadPath);
    expect(threadPage.status).toBe(200);
    expect(threadPage.headers.get('cache-control')).toContain('no-store');
    expect(textOf(await threadPage.text())).toContain(reply);
    const answer = 'Samples on Monday are perfect. Please use DHL <script>alert(1)</script>.';
    const answered = await post(threadPath, { body: answer });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe(`${threadPath}?done=sent`);
    const afterAnswer = await (await get(`${threadPath}?done=sent`)).text();
    expect(textOf(afterAnswer)).toContain('Sent to the cooperative.');
    expect(afterAnswer).toContain('Please use DHL &lt;script&gt;');
    expect((await post(threadPath, { body: '  ' })).status).toBe(422);

    // The cooperative sees the answer in the thread, and when the buyer last wrote.
    const withAnswer = textOf(await (await get(`/en/account/inquiries/${reference}`, managerCookie)).text());
    expect(withAnswer).toContain('Please use DHL');
    expect(withAnswer).toContain('The buyer last wrote on');

    // Revoked: the link is dead; the status page says so.
    const revoked = await post(threadPath, { action: 'revoke' });
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe(`/en/inquiries/status?reference=${reference}&revoked=1`);
    expect((await get(threadPath)).status).toBe(404);
  });

  it('shows errors next to their fields and keeps the values, without JavaScript', async () => {
    const managerCookie = await signIn('quanly1@cho-htx.test');
    const cooperative = await cooperativeOf(managerCookie);
    const token = await issueFormToken(DEVELOPMENT_FORM_SECRET, new Date(Date.now() - 60_000));
    const res = await post('/hoi-hang', {
      cooperative: cooperative.slug,
      locale: 'vi',
      formToken: token,
      ...buyer,
      email: 'maria@',
      country: 'Nhat Bam',
      consent: '',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="field-country-error">Không rõ quốc gia này\. Có phải là “Nhật Bản”\?<\/p>/);
    expect(html).toMatch(/<input id="field-country"[^>]*value="Nhat Bam"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="field-email-error">Địa chỉ email không hợp lệ\.<\/p>/);
    expect(html).toMatch(/id="field-consent-error"[^>]*>Cần bạn đồng ý/);
    expect(html).toMatch(/<input id="field-email"[^>]*value="maria@"[^>]*aria-invalid="true"/);
    expect(html).toContain('We would like a quote for 2.5 tonnes');
    expect(html).toMatch(/<input id="field-name"[^>]*value="Maria Schmidt"/);
    expect(html).toContain('role="alert"');
    // The summary at the top links each message to its field.
    const links = errorSummaryLinks(html);
    expect(links.map((link) => link.target)).toEqual(
      expect.arrayContaining(['field-email', 'field-country', 'field-consent']),
    );
    for (const link of links) expect(link.exists, link.target).toBe(true);
    expect(links.find((link) => link.target === 'field-email')?.text).toBe('Email: Địa chỉ email không hợp lệ.');
    // The form keeps the time it was first shown: fixing a field and sending at once is not "too fast".
    expect(hiddenFields(html).formToken).toBe(token);
    const forged = await post('/hoi-hang', {
      cooperative: cooperative.slug,
      formToken: `${Date.now()}.${'A'.repeat(43)}`,
    });
    expect(hiddenFields(await forged.text()).formToken).not.toMatch(/\.A{43}$/);
  });

  it('refuses a form sent faster than a person types (422), keeping what was typed', async () => {
    const managerCookie = await signIn('quanly1@cho-htx.test');
    const cooperative = await cooperativeOf(managerCookie);
    const html = await (await get(`/hop-tac-xa/${cooperative.slug}`)).text();
    const res = await post('/hoi-hang', { ...hiddenFields(html), ...buyer });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(textOf(page)).toContain('Biểu mẫu được gửi quá nhanh');
    expect(page).toContain('Maria Schmidt');
  });

  it('shows the form on product pages too, and the inquiry page for a product', async () => {
    const managerCookie = await signIn('quanly1@cho-htx.test');
    const cooperative = await cooperativeOf(managerCookie);
    const detail = (await (await get(`/api/v1/cooperatives/${cooperative.slug}`)).json()) as {
      products: { items: { slug: string }[] };
    };
    const product = detail.products.items[0];
    if (!product) throw new Error('demo cooperative without products');
    const html = await (await get(`/san-pham/${product.slug}`)).text();
    expect(hiddenFields(html)).toMatchObject({ product: product.slug, cooperative: cooperative.slug, locale: 'vi' });
    const page = await get(`/hoi-hang?product=${product.slug}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`href="/san-pham/${product.slug}"`);
    expect((await get('/hoi-hang?product=khong-co')).status).toBe(404);
  });
});

describe('inbox boundaries', () => {
  it('refuses a member of another cooperative through the pages and the API', async () => {
    const firstCookie = await signIn('thanhvien1@cho-htx.test');
    const cooperative = await cooperativeOf(firstCookie);
    const res = await fetch(`${baseUrl}/api/v1/inquiries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': nextAddress() },
      body: JSON.stringify({
        cooperative: cooperative.slug,
        name: 'Lê Hoa',
        phone: '0987654321',
        country: 'VN',
        message: 'Xin giá bán buôn tháng này.',
        consent: true,
      }),
    });
    expect(res.status).toBe(201);
    const { inquiry } = (await res.json()) as { inquiry: { reference: string } };

    // Not thanhvien2: the accounts test locks that account on the same worker.
    const otherCookie = await signIn('quanly2@cho-htx.test');
    // Answered as an unknown reference would be (404), on the page and in the API: nothing says it exists.
    const page = await get(`/tai-khoan/hoi-hang/${inquiry.reference}`, otherCookie);
    expect(page.status).toBe(404);
    const unknownPage = await get('/tai-khoan/hoi-hang/HTX-0000-0000', otherCookie);
    expect(unknownPage.status).toBe(404);
    expect((await page.text()).replaceAll(inquiry.reference, 'HTX-0000-0000')).toBe(await unknownPage.text());
    const replyAttempt = await post(
      `/tai-khoan/hoi-hang/${inquiry.reference}`,
      { body: 'Không phải của tôi' },
      { cookie: otherCookie },
    );
    expect(replyAttempt.status).toBe(404);
    const api = await get(`/api/v1/inquiries/${inquiry.reference}`, otherCookie);
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual(await (await get('/api/v1/inquiries/HTX-0000-0000', otherCookie)).json());
    const list = (await (await get('/api/v1/inquiries', otherCookie)).json()) as { items: { reference: string }[] };
    expect(list.items.map((i) => i.reference)).not.toContain(inquiry.reference);

    // Its own member sees it; the trade officer sees figures, not contents.
    expect((await get(`/api/v1/inquiries/${inquiry.reference}`, firstCookie)).status).toBe(200);
    const officerCookie = await signIn('canbo@cho-htx.test');
    const officerPage = await get('/tai-khoan/hoi-hang', officerCookie);
    expect(officerPage.status).toBe(200);
    const officerHtml = await officerPage.text();
    expect(officerHtml).toContain(cooperative.name);
    expect(officerHtml).not.toContain('Xin giá bán buôn');
    expect((await get(`/api/v1/inquiries/${inquiry.reference}`, officerCookie)).status).toBe(403);
  });

  it('sends visitors who are not signed in to sign in', async () => {
    const res = await get('/en/account/inquiries');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/en\/sign-in\?next=/);
  });
});

describe('limits on the worker and its D1', () => {
  it('answers only the limit of a burst of wrong status look-ups from one address; the rest are 429', async () => {
    const ip = '198.51.100.250';
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${baseUrl}/api/v1/inquiries/status`, {
          method: 'POST',
          headers: { origin, 'content-type': 'application/json', 'cf-connecting-ip': ip },
          body: JSON.stringify({ reference: 'HTX-0000-0000', contact: `burst${i}@example.com` }),
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(STATUS_LOOKUP_POLICY.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - STATUS_LOOKUP_POLICY.limit);
  });
});
