/**
 * Old addresses of renamed records, over HTTP on the built worker: a published
 * product renamed twice through review, and a published event an officer
 * renames, answer 301 from every old slug straight to the current one (vi and
 * en pages, the event's catalogue, the public JSON API and the event's
 * iCalendar file), the query kept; the sitemaps list only current slugs.
 */
import { describe, expect, inject, it } from 'vitest';
import { site } from '../support/site';
import { validEvent, validProductForm } from '../support/valid-input';

const baseUrl = inject('baseUrl');
const { get, post, postWithPhoto, signIn } = site(baseUrl);

const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

/** Every `<loc>` of the sitemaps of one kind (products-1.xml, events-1.xml…): the index names them. */
async function sitemapLocs(kind: string): Promise<string> {
  const index = await (await get('/sitemap.xml')).text();
  const children = [...index.matchAll(/<loc>[^<]*?(\/sitemaps\/[^<]+)<\/loc>/g)]
    .map((m) => m[1] ?? '')
    .filter((path) => path.includes(`/${kind}-`));
  expect(children.length).toBeGreaterThan(0);
  const bodies = await Promise.all(children.map(async (path) => (await get(path.replace(/&amp;/g, '&'))).text()));
  return bodies.join('\n');
}

async function expectMoved(from: string, to: string, cookie?: string) {
  const res = await get(from, cookie);
  expect(res.status, from).toBe(301);
  expect(res.headers.get('location'), from).toBe(to);
}

describe('a renamed product', async () => {
  const manager = await signIn('quanly1@cho-htx.test');
  const officer = await signIn('canbo@cho-htx.test');
  const stamp = Date.now() % 1_000_000;

  async function queuedReview(name: string): Promise<string> {
    const queue = await (await get('/tai-khoan/kiem-duyet', officer)).text();
    return new RegExp(`href="(/tai-khoan/kiem-duyet/[a-z0-9/-]+)"[^>]*>${name}<`).exec(queue)?.[1] ?? '';
  }

  async function approveQueued(name: string) {
    const review = await queuedReview(name);
    expect(review).toMatch(/^\/tai-khoan\/kiem-duyet\//);
    const version = versionOn(await (await get(review, officer)).text());
    expect((await post(review, { decision: 'approve', version }, officer)).status).toBe(303);
  }

  it('answers 301 from each old slug to the current one, vi, en and API, and the sitemap has only the current', async () => {
    const first = validProductForm({ nameVi: `Mật ong đổi tên ${stamp}`, descriptionVi: 'Mật ong rừng nguyên chất.' });
    const created = await postWithPhoto('/tai-khoan/san-pham/moi', first, manager);
    expect(created.status).toBe(303);
    const path = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
    const oldest = path.split('/').pop() ?? '';
    expect(oldest).toBe(`mat-ong-doi-ten-${stamp}`);
    expect((await post(path, { intent: 'submit' }, manager)).status).toBe(303);
    await approveQueued(first.nameVi);
    expect((await get(`/san-pham/${oldest}`)).status).toBe(200);

    // Renamed while published: a change for review; the address follows the name once approved.
    const second = { ...first, nameVi: `Mật ong hoa nhãn ${stamp}` };
    expect((await post(path, second, manager)).status).toBe(303);
    expect((await get(`/san-pham/${oldest}`)).status).toBe(200);
    // The queue names a change by the product's public name.
    await approveQueued(first.nameVi);
    const middle = `mat-ong-hoa-nhan-${stamp}`;
    expect((await get(`/san-pham/${middle}`)).status).toBe(200);

    // Renamed again from a form opened at the dashboard's old address: sent on (308), saved at the current one.
    const third = { ...first, nameVi: `Mật ong bạc hà ${stamp}` };
    const resent = await post(path, third, manager);
    expect(resent.status).toBe(308);
    expect(resent.headers.get('location')).toBe(`/tai-khoan/san-pham/${middle}`);
    expect((await post(`/tai-khoan/san-pham/${middle}`, third, manager)).status).toBe(303);
    await approveQueued(second.nameVi);
    const current = `mat-ong-bac-ha-${stamp}`;
    const page = await get(`/san-pham/${current}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(third.nameVi);

    for (const old of [oldest, middle]) {
      await expectMoved(`/san-pham/${old}`, `/san-pham/${current}`);
      await expectMoved(`/en/products/${old}?ref=qr`, `/en/products/${current}?ref=qr`);
      await expectMoved(`/api/v1/products/${old}`, `/api/v1/products/${current}`);
    }
    expect((await get(`/san-pham/mat-ong-chua-tung-co-${stamp}`)).status).toBe(404);

    const locs = await sitemapLocs('products');
    expect(locs).toContain(`/san-pham/${current}<`);
    expect(locs).not.toContain(`/san-pham/${oldest}<`);
    expect(locs).not.toContain(`/san-pham/${middle}<`);

    // The dashboard's old address leads to its current one (tests/e2e/renamed-subpages.test.ts), whose links use it.
    await expectMoved(path, `/tai-khoan/san-pham/${current}`, manager);
    const dashboard = await get(`/tai-khoan/san-pham/${current}`, manager);
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain(`/tai-khoan/san-pham/${current}/`);

    // The demo catalogue is shared with the other tests: take the product down again.
    expect((await post(`/tai-khoan/san-pham/${current}`, { intent: 'unpublish' }, manager)).status).toBe(303);
  });
  it('a draft renamed in the dashboard goes back to its form at the new address', async () => {
    const draft = validProductForm({ nameVi: `Trà hoa vàng ${stamp}` });
    const created = await postWithPhoto('/tai-khoan/san-pham/moi', draft, manager);
    const path = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
    const saved = await postWithPhoto(path, { ...draft, nameVi: `Trà hoa vàng Ba Chẽ ${stamp}` }, manager);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/tai-khoan/san-pham/tra-hoa-vang-ba-che-${stamp}?done=saved`);
  });
});

describe('a renamed event', async () => {
  const officer = await signIn('canbo@cho-htx.test');
  const stamp = Date.now() % 1_000_000;
  const fields = Object.fromEntries(
    Object.entries(
      validEvent({ titleVi: `Hội chợ đổi tên ${stamp}`, startDate: '2027-07-07', endDate: '2027-07-08' }),
    ).map(([key, value]) => [key, String(value)]),
  );

  it('answers 301 from its old slug, vi and en pages, catalogue, API and iCalendar file', async () => {
    const created = await post('/tai-khoan/su-kien-quan-ly/moi', { ...fields, intent: 'create' }, officer);
    expect(created.status).toBe(303);
    const editPath = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
    const old = editPath.split('/')[3] ?? '';
    expect(old).toBe(`hoi-cho-doi-ten-${stamp}`);
    expect((await post(editPath, { intent: 'publish' }, officer)).status).toBe(303);

    const version = versionOn(await (await get(editPath, officer)).text());
    const saved = await post(
      editPath,
      { ...fields, titleVi: `Phiên chợ đổi tên ${stamp}`, version, intent: 'save' },
      officer,
    );
    expect(saved.status).toBe(303);
    const current = `phien-cho-doi-ten-${stamp}`;
    expect(saved.headers.get('location')).toBe(`/tai-khoan/su-kien-quan-ly/${current}/sua?done=saved`);

    await expectMoved(`/su-kien/${old}`, `/su-kien/${current}`);
    await expectMoved(`/en/events/${old}`, `/en/events/${current}`);
    await expectMoved(`/su-kien/${old}/danh-muc`, `/su-kien/${current}/danh-muc`);
    await expectMoved(`/en/events/${old}/catalogue`, `/en/events/${current}/catalogue`);
    await expectMoved(`/api/v1/events/${old}`, `/api/v1/events/${current}`);
    await expectMoved(`/api/v1/events/${old}.ics`, `/api/v1/events/${current}.ics`);
    expect((await get(`/su-kien/${current}`)).status).toBe(200);

    const locs = await sitemapLocs('events');
    expect(locs).toContain(`/su-kien/${current}<`);
    expect(locs).not.toContain(`/su-kien/${old}<`);
  });
});
