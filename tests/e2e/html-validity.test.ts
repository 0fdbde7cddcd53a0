/**
 * Every page template, as the built worker serves it, passes the Nu HTML
 * Checker (vnu.jar from the vnu-jar package, on Debian's Java: see
 * scripts/ensure-test-tools.ts): public pages in both languages, forms
 * showing their errors, signed-in pages of members and officers, and the
 * error pages. The checker runs once over all of them (one JVM start).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn } = site(baseUrl);
const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build/dist/vnu.jar');
const JAVA = process.env.JAVA_PATH || 'java';

interface VnuMessage {
  type: string;
  url: string;
  message: string;
  extract?: string;
}

/**
 * The private thread page of a new inquiry to the manager's cooperative (with its personal-data section), by the
 * link in the buyer's receipt in the development outbox.
 */
async function privateThreadPath(manager: string): Promise<string> {
  const me = (await (await get('/api/v1/me', manager)).json()) as { cooperative: { slug: string } };
  const email = 'vnu-buyer@example.com';
  const created = await fetch(`${baseUrl}/api/v1/inquiries`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.251' },
    body: JSON.stringify({
      cooperative: me.cooperative.slug,
      name: 'Vnu Buyer',
      email,
      country: 'JP',
      message: 'Samples of your best tea, please.',
      consent: true,
    }),
  });
  expect(created.status).toBe(201);
  const outbox = await (await fetch(`${baseUrl}/dev/outbox`)).text();
  const mail = outbox.split('<article').find((article) => article.includes(email)) ?? '';
  const token = /\/(?:inquiries\/conversation|hoi-hang\/trao-doi)\/([a-z2-7]{52})/.exec(mail)?.[1] ?? '';
  expect(token).not.toBe('');
  return `/hoi-hang/trao-doi/${token}`;
}

/** The lab reports page of the first batch the manager's products list. */
async function labReportsPageOf(manager: string): Promise<string> {
  const products = await (await get('/tai-khoan/san-pham', manager)).text();
  for (const [, slug] of products.matchAll(/href="\/tai-khoan\/san-pham\/([a-z0-9-]+)"/g)) {
    const batches = await (await get(`/tai-khoan/san-pham/${slug}/lo-hang`, manager)).text();
    const page = /href="(\/tai-khoan\/san-pham\/[^"]+\/kiem-nghiem)"/.exec(batches)?.[1];
    if (page) return page;
  }
  throw new Error('the manager has no batch');
}

/** A published event no cooperative is confirmed at yet. */
async function eventWithoutExhibitors(): Promise<string> {
  const list = (await (await fetch(`${baseUrl}/api/v1/events?limit=100`)).json()) as { items: { slug: string }[] };
  for (const { slug } of list.items) {
    const event = (await (await fetch(`${baseUrl}/api/v1/events/${slug}`)).json()) as { participants: unknown[] };
    if (event.participants.length === 0) return slug;
  }
  throw new Error('the demo data has no event without exhibitors');
}

/** The pages to check: a name (the file the checker reports) and how to fetch the page. */
async function pagesToCheck(): Promise<Record<string, () => Promise<Response>>> {
  const products = (await (await fetch(`${baseUrl}/api/v1/products?limit=2&sort=stars`)).json()) as {
    items: { slug: string }[];
  };
  const slug = products.items[0]?.slug ?? '';
  const product = (await (await fetch(`${baseUrl}/api/v1/products/${slug}`)).json()) as {
    cooperative: { slug: string };
    province: { slug: string };
  };
  const events = (await (await fetch(`${baseUrl}/api/v1/events?limit=1`)).json()) as { items: { slug: string }[] };
  const event = events.items[0]?.slug ?? '';
  const quietEvent = await eventWithoutExhibitors();
  const manager = await signIn('quanly1@cho-htx.test');
  const officer = await signIn('canbo@cho-htx.test');
  const ownProduct = /href="\/tai-khoan\/san-pham\/([^"/?]+)"/.exec(
    await (await get('/tai-khoan/san-pham', manager)).text(),
  )?.[1];
  const thread = await privateThreadPath(manager);
  const labReports = await labReportsPageOf(manager);
  return {
    'home-vi': () => get('/'),
    'home-en': () => get('/en'),
    'products-vi': () => get('/san-pham?q=mat+ong'),
    'products-en': () => get('/en/products?stars=4'),
    'product-vi': () => get(`/san-pham/${slug}`),
    'product-en': () => get(`/en/products/${slug}`),
    'cooperative-vi': () => get(`/hop-tac-xa/${product.cooperative.slug}`),
    'directory-en': () => get('/en/cooperatives'),
    'map-vi': () => get('/ban-do?province=ha-noi'),
    'map-en': () => get('/en/map'),
    'province-vi': () => get(`/tinh/${product.province.slug}`),
    'events-vi': () => get('/su-kien'),
    'event-en': () => get(`/en/events/${event}`),
    'catalogue-vi': () => get(`/su-kien/${event}/danh-muc`),
    // The catalogue PDF's address before any booth is confirmed: a page saying there is nothing to print (409).
    'catalogue-nothing-to-print-en': () => get(`/en/account/events/${quietEvent}/catalogue`, officer),
    'managed-event-en': () => get(`/en/account/manage-events/${event}`, officer),
    'fair-report-vi': () => get(`/tai-khoan/su-kien-quan-ly/${event}/bao-cao`, officer),
    'statistics-vi': () => get('/thong-ke'),
    'api-docs-en': () => get('/en/api-docs'),
    'shortlist-vi': () => get('/danh-sach-mua', `shortlist=${slug}`),
    'shortlist-full-en': () => get('/en/shortlist?full=1'),
    'compare-en': () => get(`/en/compare?p=${slug}&p=${products.items[1]?.slug ?? ''}`),
    'privacy-vi': () => get('/quyen-rieng-tu'),
    'privacy-en': () => get('/en/privacy'),
    'privacy-requests-vi': () => get('/quan-tri/du-lieu-ca-nhan', officer),
    'report-vi': () => get('/quan-tri/bao-cao?province=ha-noi&from=2025-01-01', officer),
    'report-errors-en': () => get('/en/admin/report?province=atlantis&from=2026-06-01&to=2026-05-01', officer),
    'embed-generator-en': () => get('/en/admin/embed?province=ha-noi&kind=fair&count=3&language=vi', officer),
    'embed-generator-errors-vi': () => get('/quan-tri/nhung-lich?province=atlantis&count=99', officer),
    'events-widget-vi': () => get('/nhung/su-kien'),
    'events-widget-en': () => get('/en/embed/events?kind=%3Cscript%3E&count=99'),
    'privacy-thread-vi': () => get(thread),
    'member-data-vi': () => get('/tai-khoan/du-lieu-cua-toi', manager),
    'member-data-errors-en': () => post('/en/account/my-data', {}, manager),
    'account-officer-en': () => get('/en/account', officer),
    'inquiry-form-vi': () => get(`/hoi-hang?product=${slug}`),
    'inquiry-errors-en': () => post('/en/inquiries', { product: slug }),
    'sign-in-errors-vi': () => post('/dang-nhap', { email: 'khong-phai-email', password: '' }),
    'account-vi': () => get('/tai-khoan', manager),
    'notification-settings-vi': () => get('/tai-khoan/thong-bao', manager),
    'notification-settings-errors-en': () => post('/en/account/notifications', { claim_expiry: 'weekly' }, manager),
    'dashboard-products-en': () => get('/en/account/products', manager),
    'dashboard-product-vi': () => get(`/tai-khoan/san-pham/${ownProduct ?? ''}`, manager),
    'dashboard-new-product-errors-vi': () => post('/tai-khoan/san-pham/moi', { nameVi: '' }, manager),
    'product-import-en': () => get('/en/account/products/import', manager),
    'product-import-errors-vi': () => post('/tai-khoan/san-pham/nhap', {}, manager),
    'cooperative-import-vi': () => get('/quan-tri/nhap-hop-tac-xa', officer),
    'cooperative-import-errors-en': () => post('/en/admin/import-cooperatives', {}, officer),
    'cooperative-product-import-vi': () =>
      get(`/quan-tri/hop-tac-xa/${product.cooperative.slug}/nhap-san-pham`, officer),
    'cooperative-product-import-errors-en': () =>
      post(`/en/admin/cooperatives/${product.cooperative.slug}/import-products`, {}, officer),
    'label-sheets-vi': () => get(`/tai-khoan/san-pham/${ownProduct ?? ''}/nhan-in`, manager),
    'ocop-ratings-vi': () => get(`/tai-khoan/san-pham/${ownProduct ?? ''}/ocop`, manager),
    'ocop-ratings-errors-en': () =>
      post(`/en/account/products/${ownProduct ?? ''}/ocop-ratings`, { stars: '9' }, manager),
    'label-sheets-errors-en': () =>
      get(`/en/account/products/${ownProduct ?? ''}/labels?layout=a4-9x9&sheets=0`, manager),
    'moderation-vi': () => get('/tai-khoan/kiem-duyet', officer),
    'moderation-newest-en': () => get('/en/account/moderation?sort=newest', officer),
    'review-en': async () => {
      const queue = await (await get('/tai-khoan/kiem-duyet', officer)).text();
      const id = /href="\/tai-khoan\/kiem-duyet\/([a-z0-9]+)"/.exec(queue)?.[1];
      if (!id) throw new Error('no product waiting for review');
      return get(`/en/account/moderation/${id}`, officer);
    },
    'claim-queue-en': () => get('/en/account/verification', officer),
    'claim-queue-newest-vi': () => get('/tai-khoan/xac-minh?sort=newest', officer),
    'verified-claims-vi': () => get('/tai-khoan/xac-minh?trang-thai=da-xac-minh', officer),
    'lab-reports-vi': () => get(labReports, manager),
    'lab-report-edit-vi': async () => {
      const list = await (await get(labReports, manager)).text();
      const edit = new RegExp(`href="(${labReports}/[a-z0-9]+)"`).exec(list)?.[1];
      if (!edit) throw new Error(`no lab report to edit on ${labReports}`);
      return get(edit, manager);
    },
    'lab-reports-errors-en': () =>
      post(
        labReports.replace(
          /^\/tai-khoan\/san-pham\/(.+)\/lo-hang\/(.+)\/kiem-nghiem$/,
          '/en/account/products/$1/batches/$2/lab-reports',
        ),
        {},
        manager,
      ),
    'expiring-claims-vi': () => get('/tai-khoan/sap-het-han', officer),
    'console-en': () => get('/en/admin/statistics', officer),
    'not-found-vi': () => get('/khong-co-trang-nay'),
    'forbidden-en': () => get('/en/account/invite', officer),
  };
}

describe('HTML of every page template', () => {
  let folder = '';
  let messages: VnuMessage[] = [];
  const checked: string[] = [];

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cho-htx-vnu-'));
    for (const [name, fetchPage] of Object.entries(await pagesToCheck())) {
      const res = await fetchPage();
      const type = res.headers.get('content-type') ?? '';
      expect(type, name).toMatch(/^text\/html/);
      await writeFile(join(folder, `${name}.html`), await res.text());
      checked.push(name);
    }
    // vnu exits 1 when it reports errors; its JSON report is on stderr either way.
    const run = await promisify(execFile)(
      JAVA,
      ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...checked.map((name) => join(folder, `${name}.html`))],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }));
    messages = (JSON.parse(run.stderr || '{"messages":[]}') as { messages: VnuMessage[] }).messages;
  }, 120_000);

  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('checks the pages it meant to (a failed fetch would check nothing)', () => {
    expect(checked.length).toBeGreaterThanOrEqual(20);
  });

  it('has no error the Nu HTML Checker reports', () => {
    const errors = messages
      .filter((message) => message.type === 'error' || message.type === 'non-document-error')
      .map((message) => `${message.url.split('/').pop()}: ${message.message} [${message.extract ?? ''}]`);
    expect(errors).toEqual([]);
  });
});
