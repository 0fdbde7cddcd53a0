/**
 * The officers' queues and review over HTTP on the built worker: both queues
 * sort by waiting time through links (`?sort=newest`, no script), say how
 * long each item has waited, and keep the order through a decision's form;
 * a product's review shows its ratings, certificates and batches; the
 * events widget names refused filters in words and never echoes them as markup.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { textOf } from '../support/html';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn } = site(baseUrl);

/** Where two demo products (waiting since 2024, and the newest of the demo) stand in a queue page. */
const positions = (html: string) => ({
  old: html.indexOf('Viên nghệ mật ong Vinh'),
  recent: html.indexOf('Lan hồ điệp Mê Linh chậu 5 cành'),
});

describe('the officers’ queues by waiting time', () => {
  let officer = '';
  beforeAll(async () => {
    officer = await signIn('canbo@cho-htx.test');
  });

  it('lists the moderation queue longest waiting first, or newest first by a link', async () => {
    const oldest = await (await get('/tai-khoan/kiem-duyet', officer)).text();
    expect(oldest).toContain('href="/tai-khoan/kiem-duyet?sort=newest"');
    expect(oldest).toMatch(/<strong aria-current="true"[^>]*>Chờ lâu nhất trước<\/strong>/);
    expect(oldest).toMatch(/data-label="Đã chờ"[^>]*>\d+ ngày</);
    const a = positions(oldest);
    expect(a.old).toBeGreaterThan(0);
    expect(a.old).toBeLessThan(a.recent);

    const res = await get('/en/account/moderation?sort=newest', officer);
    expect(res.status).toBe(200);
    const newest = await res.text();
    expect(newest).toContain('href="/en/account/moderation"');
    expect(newest).toMatch(/<strong aria-current="true"[^>]*>Newest first<\/strong>/);
    const b = positions(newest);
    expect(b.recent).toBeGreaterThan(0);
    expect(b.recent).toBeLessThan(b.old);
    // Anything else asked for is the default order, not an error.
    expect((await get('/tai-khoan/kiem-duyet?sort=%3Cscript%3E', officer)).status).toBe(200);
  });

  it('lists the verification queue newest first, says how long each waited, and keeps the order in its forms', async () => {
    const html = await (await get('/tai-khoan/xac-minh?sort=newest', officer)).text();
    expect(html).toContain('href="/tai-khoan/xac-minh"');
    expect(html).toMatch(/<strong aria-current="true"[^>]*>Mới gửi nhất trước<\/strong>/);
    expect(html).toContain('action="/tai-khoan/xac-minh?sort=newest"');
    expect(html).toMatch(/<dt[^>]*>Đã chờ<\/dt>\s*<dd[^>]*>\d+ (giờ|ngày)<\/dd>/);
    const en = await (await get('/en/account/verification', officer)).text();
    expect(en).toContain('href="/en/account/verification?sort=newest"');
    expect(en).toMatch(/<dt[^>]*>Waiting for<\/dt>\s*<dd[^>]*>\d+ (hours?|days?)<\/dd>/);
  });

  it('shows what backs a product on its review, in both languages', async () => {
    const queue = await (await get('/tai-khoan/kiem-duyet', officer)).text();
    const id = /href="\/tai-khoan\/kiem-duyet\/([a-z0-9]+)"[^>]*>\s*Đào cảnh Sa Đéc/.exec(queue)?.[1];
    expect(id).toBeTruthy();
    const vi = await (await get(`/tai-khoan/kiem-duyet/${id}`, officer)).text();
    for (const heading of [
      'Xếp hạng, chứng nhận và lô hàng',
      'Xếp hạng OCOP',
      'Chứng nhận',
      'Lô hàng và phiếu kiểm nghiệm',
    ])
      expect(vi).toContain(heading);
    // Its two ratings and its batches are listed with their state.
    expect(vi.match(/data-label="Trạng thái"/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(vi).toMatch(/<code[^>]*>SD\d{4}-[0-9A-Z]+<\/code>/);
    // Its rating of 2022 ran out in 2025: verified then, expired now, and the review says both.
    expect(vi).toMatch(/4017\/QĐ-UBND[\s\S]*?Đã xác minh\s*· Hết hiệu lực/);
    const en = await (await get(`/en/account/moderation/${id}`, officer)).text();
    expect(en).toContain('Ratings, certificates and batches');
    expect(en).toContain('Batches and lab reports');
  });
});

describe('the events widget’s refused filters', () => {
  it('names them in words and never writes them back as markup', async () => {
    const vi = await (await get('/nhung/su-kien?province=%3Cscript%3Ealert(1)%3C%2Fscript%3E&kind=khong-co')).text();
    expect(vi).toMatch(
      /Bộ lọc không hợp lệ đã bị bỏ qua: (tỉnh, thành phố và loại sự kiện|loại sự kiện và tỉnh, thành phố)\./,
    );
    expect(vi).not.toContain('<script>alert');
    const res = await get('/en/embed/events?kind=xyz&count=999');
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(
      /Filters that were not valid were ignored: (kind of event and number of events|number of events and kind of event)\./,
    );
  });
});

describe("one cooperative's claims, where a review links a waiting claim", () => {
  it('lists only its claims, says so with a way back to all, and keeps to it through a decision', async () => {
    const officer = await signIn('canbo@cho-htx.test');
    const whole = await (await get('/tai-khoan/xac-minh', officer)).text();
    const cooperativesOf = (html: string) =>
      [...html.matchAll(/<a href="\/(?:en\/cooperatives|hop-tac-xa)\/([a-z0-9-]+)"/g)].map((match) => match[1]);
    // The cooperative of the queue's newest card: deciding it leaves the oldest, which other files decide, alone.
    const slug = cooperativesOf(whole).at(-1) ?? '';
    expect(slug).not.toBe('');

    const scoped = await get(`/tai-khoan/xac-minh?cooperative=${slug}`, officer);
    expect(scoped.status).toBe(200);
    const html = await scoped.text();
    expect(textOf(html)).toContain('Chỉ hiện các mục chờ xác minh của');
    expect(html).toMatch(/href="\/tai-khoan\/xac-minh"[^>]*>Xem các mục của mọi hợp tác xã<\/a>/);
    expect(new Set(cooperativesOf(html))).toEqual(new Set([slug]));
    expect(html).toContain(`action="/tai-khoan/xac-minh?cooperative=${slug}"`);
    const en = await (await get(`/en/account/verification?cooperative=${slug}`, officer)).text();
    expect(textOf(en)).toContain('that wait.');
    // A malformed scope is no scope: the whole queue, never an error.
    expect((await get('/tai-khoan/xac-minh?cooperative=%3Cb%3E', officer)).status).toBe(200);

    const form = /name="kind" value="([a-z_]+)"[^]*?name="id" value="([a-z0-9]+)"[^]*?name="version" value="(\d+)"/g;
    const [, kind = '', id = '', version = ''] = [...html.matchAll(form)].at(-1) ?? [];
    const decided = await post(
      `/tai-khoan/xac-minh?cooperative=${slug}`,
      { kind, id, version, decision: 'reject', reasonCode: 'evidence_mismatch', reason: '' },
      officer,
    );
    expect(decided.status).toBe(303);
    expect(decided.headers.get('location')).toMatch(
      new RegExp(`^/tai-khoan/xac-minh\\?cooperative=${slug}&done=reject`),
    );
  });
});
