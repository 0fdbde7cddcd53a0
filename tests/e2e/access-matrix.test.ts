/**
 * The pages' access matrix on the built worker: one table of every page under
 * /tai-khoan, /quan-tri and their English twins, saying who each is for and
 * which record to open, and the same checks over every row in both languages:
 * - anonymous: 303 to sign-in, with `next` bringing them back;
 * - the wrong role: 403;
 * - a member of another cooperative: 403 where the record is public anyway,
 *   404 (what an unknown record gets) where its existence is private;
 * - a form post from another site: 403;
 * - junk in the path: a 4xx, never a 5xx;
 * - and the audience itself gets the page.
 * A page file added under those folders without a row fails the first test.
 */
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type LocalizedPaths, routes } from '../../src/i18n/routes';
import type { Locale } from '../../src/i18n';
import { multipart, pdf } from '../support/evidence';
import { readJson } from '../support/http';
import { validInquiry } from '../support/inquiries';
import { nextAddress, site } from '../support/site';
import {
  validBatch,
  validCertificate,
  validEvent,
  validLabReport,
  validProductForm,
  validRating,
  validTarget,
} from '../support/valid-input';

const baseUrl = inject('baseUrl');
const { origin, get, post, postWithPhoto, signIn, freshMember } = site(baseUrl);
const FOREIGN_ORIGIN = 'https://evil.example';
const PAGES = join(import.meta.dirname, '../../src/pages');
const FOLDERS = ['tai-khoan', 'quan-tri', 'en/account', 'en/admin'];

/**
 * Who a page is for: anyone signed in; members of a cooperative; its manager; trade officers and admins; or
 * a cooperative's members and the officers (who act for a cooperative, e.g. printing its labels for a fair).
 */
type Audience = 'signed-in' | 'member' | 'manager' | 'officer' | 'member-or-officer';
type Params = Record<string, string>;

interface Elsewhere {
  what: string;
  params: (r: Records) => Params;
  /** 404: the dashboard answers another cooperative's records (published or not) as unknown ones. */
  answers: 403 | 404;
  unknown?: Params;
}

interface PageAccess {
  /** The page's route as its file names it, in each language. */
  vi: string;
  en: string;
  audience: Audience;
  /** A door to another page of the table, which checks who may see it. */
  sendsOnTo?: LocalizedPaths;
  /** A record the audience may open (for routes with parameters). */
  params?: (r: Records) => Params;
  elsewhere?: Elsewhere[];
}

let r: Records;

/** The JSON API of the worker, for making the records the pages show. */
async function api(method: string, path: string, cookie: string | null, body: unknown) {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      origin,
      'content-type': 'application/json',
      'cf-connecting-ip': nextAddress(),
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return readJson(res);
}

/** The records the table opens, made through the site's own forms and API. */
async function makeRecords() {
  const managerA = await signIn('quanly1@cho-htx.test');
  const managerB = await signIn('quanly2@cho-htx.test');
  const officer = await signIn('canbo@cho-htx.test');
  const cookies = {
    managerA,
    officer,
    admin: await signIn('admin@cho-htx.test'),
    member: await freshMember('quanly1@cho-htx.test'),
  };
  const cooperativeOf = async (cookie: string) =>
    (await api('GET', '/me', cookie, undefined)).cooperative.slug as string;

  /** A new product of the manager's cooperative, as a draft; its slug and name. */
  async function draftProduct(cookie: string) {
    const fields = validProductForm({ nameVi: `Sản phẩm kiểm tra quyền ${Date.now() % 1_000_000}` });
    // With a photo: some of these drafts are submitted.
    const created = await postWithPhoto('/tai-khoan/san-pham/moi', fields, cookie);
    expect(
      created.status,
      await created
        .clone()
        .text()
        .then((html) => html.match(/id="field-[^"]+-error"[^>]*>[^<]*/g)?.join('; ')),
    ).toBe(303);
    return { slug: (created.headers.get('location') ?? '').replace(/\?.*$/, '').split('/').pop() ?? '', fields };
  }

  /** The review page's id of the product (or the change to it) in the officers' queue. */
  async function queued(name: string, kind: 'product' | 'change'): Promise<string> {
    const queue = await (await get('/tai-khoan/kiem-duyet', officer)).text();
    const path =
      kind === 'product' ? '/tai-khoan/kiem-duyet/([a-z0-9]+)' : '/tai-khoan/kiem-duyet/thay-doi/([a-z0-9]+)';
    const id = new RegExp(`href="${path}"[^>]*>${name}<`).exec(queue)?.[1];
    if (!id) throw new Error(`${name} is not in the moderation queue`);
    return id;
  }

  /** A lab report of the batch, with its report file (multipart: the file is required). */
  async function labReportOf(slug: string, lot: string, cookie: string): Promise<string> {
    const res = await fetch(`${baseUrl}/api/v1/products/${slug}/batches/${lot}/lab-reports`, {
      method: 'POST',
      headers: { origin, cookie, 'cf-connecting-ip': nextAddress() },
      body: multipart(validLabReport, { bytes: pdf(), name: 'phieu.pdf' }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await readJson(res)).id as string;
  }

  /** A product of the manager's cooperative with a batch (and its lab report), a certificate and an OCOP rating, for its dashboard pages. */
  async function productWithRecords(cookie: string) {
    const { slug } = await draftProduct(cookie);
    const batch = await api('POST', `/products/${slug}/batches`, cookie, validBatch('ACCESS-1'));
    const certificate = await api('POST', `/products/${slug}/certificates`, cookie, validCertificate);
    const rating = await api('POST', `/products/${slug}/ocop-ratings`, cookie, validRating);
    return {
      slug,
      batch: batch.id as string,
      labReport: await labReportOf(slug, 'ACCESS-1', cookie),
      certificate: certificate.id as string,
      rating: rating.id as string,
    };
  }

  // A submitted product waits in the queue; an approved one with a change waits there as a change.
  const submitted = await draftProduct(managerA);
  expect((await post(`/tai-khoan/san-pham/${submitted.slug}`, { intent: 'submit' }, managerA)).status).toBe(303);
  const changed = await draftProduct(managerA);
  expect((await post(`/tai-khoan/san-pham/${changed.slug}`, { intent: 'submit' }, managerA)).status).toBe(303);
  const review = `/tai-khoan/kiem-duyet/${await queued(changed.fields.nameVi, 'product')}`;
  const version = /name="version" value="(\d+)"/.exec(await (await get(review, officer)).text())?.[1] ?? '';
  expect((await post(review, { decision: 'approve', version }, officer)).status).toBe(303);
  const edited = await post(
    `/tai-khoan/san-pham/${changed.slug}`,
    { ...changed.fields, descriptionVi: 'Mô tả đã sửa, chờ duyệt.' },
    managerA,
  );
  expect(edited.status).toBe(303);

  /** A published event where the manager's cooperative exhibits (registered, then confirmed), for its report. */
  async function exhibitedBy(cookie: string) {
    // Registration open since yesterday, whatever today is.
    const registrationOpens = `${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}T08:00`;
    const event = { ...validEvent({ registrationOpens }), publish: true };
    const slug = (await api('POST', '/managed-events', officer, event)).slug as string;
    const registration = await api('POST', `/events/${slug}/registrations`, cookie, { booths: 1 });
    await api('PATCH', `/events/${slug}/registrations/${registration.id}`, officer, { status: 'confirmed' });
    return slug;
  }

  const cooperativeA = await cooperativeOf(managerA);
  const inquiry = async (cooperative: string) =>
    (await api('POST', '/inquiries', null, validInquiry({ cooperative }))).inquiry.reference as string;
  return {
    cookies,
    cooperativeA,
    cooperativeB: await cooperativeOf(managerB),
    productA: await productWithRecords(managerA),
    productB: await productWithRecords(managerB),
    draftOfB: (await draftProduct(managerB)).slug,
    inquiryA: await inquiry(cooperativeA),
    inquiryB: await inquiry(await cooperativeOf(managerB)),
    submittedProduct: await queued(submitted.fields.nameVi, 'product'),
    pendingChange: await queued(changed.fields.nameVi, 'change'),
    publishedEvent: (await api('POST', '/managed-events', officer, { ...validEvent(), publish: true })).slug as string,
    draftEvent: (await api('POST', '/managed-events', officer, validEvent())).slug as string,
    eventOfA: await exhibitedBy(managerA),
    eventOfB: await exhibitedBy(managerB),
    target: (await api('POST', '/admin/targets', officer, validTarget(2049))).id as string,
  };
}
type Records = Awaited<ReturnType<typeof makeRecords>>;

const productOfB = (r: Records) => ({ slug: r.productB.slug });
const theirProduct: Elsewhere = { what: "another cooperative's published product", params: productOfB, answers: 404 };

/** Every page under the account and console folders. */
const PAGE_ACCESS: PageAccess[] = [
  { vi: '/tai-khoan', en: '/en/account', audience: 'signed-in' },
  { vi: '/tai-khoan/doi-mat-khau', en: '/en/account/password', audience: 'signed-in' },
  { vi: '/tai-khoan/thong-bao', en: '/en/account/notifications', audience: 'signed-in' },
  // Anyone signed in downloads their data; only members ask for erasure there (the page says so to others).
  { vi: '/tai-khoan/du-lieu-cua-toi', en: '/en/account/my-data', audience: 'signed-in' },
  { vi: '/tai-khoan/ho-so-hop-tac-xa', en: '/en/account/cooperative', audience: 'manager' },
  { vi: '/tai-khoan/moi-thanh-vien', en: '/en/account/invite', audience: 'manager' },
  { vi: '/tai-khoan/moi-quan-ly', en: '/en/account/invite-manager', audience: 'officer' },
  // Members get their inbox; officers and admins the inquiry figures instead.
  { vi: '/tai-khoan/hoi-hang', en: '/en/account/inquiries', audience: 'signed-in' },
  {
    vi: '/tai-khoan/hoi-hang/[reference]',
    en: '/en/account/inquiries/[reference]',
    audience: 'member',
    params: (r) => ({ reference: r.inquiryA }),
    elsewhere: [
      {
        what: "another cooperative's inquiry",
        params: (r) => ({ reference: r.inquiryB }),
        answers: 404,
        unknown: { reference: 'HTX-0000-0000' },
      },
    ],
  },
  { vi: '/tai-khoan/san-pham', en: '/en/account/products', audience: 'member' },
  { vi: '/tai-khoan/san-pham/moi', en: '/en/account/products/new', audience: 'member' },
  { vi: '/tai-khoan/san-pham/nhap', en: '/en/account/products/import', audience: 'member' },
  {
    vi: '/tai-khoan/san-pham/[slug]',
    en: '/en/account/products/[slug]',
    audience: 'member',
    params: (r) => ({ slug: r.productA.slug }),
    elsewhere: [
      { what: "another cooperative's product", params: productOfB, answers: 404 },
      {
        what: "another cooperative's draft",
        params: (r) => ({ slug: r.draftOfB }),
        answers: 404,
        unknown: { slug: 'khong-co-san-pham-nay' },
      },
    ],
  },
  {
    vi: '/tai-khoan/san-pham/[slug]/lo-hang',
    en: '/en/account/products/[slug]/batches',
    audience: 'member',
    params: (r) => ({ slug: r.productA.slug }),
    elsewhere: [theirProduct],
  },
  {
    vi: '/tai-khoan/san-pham/[slug]/lo-hang/moi',
    en: '/en/account/products/[slug]/batches/new',
    audience: 'member',
    params: (r) => ({ slug: r.productA.slug }),
    elsewhere: [theirProduct],
  },
  {
    vi: '/tai-khoan/san-pham/[slug]/lo-hang/[batch]',
    en: '/en/account/products/[slug]/batches/[batch]',
    audience: 'member',
    params: (r) => ({ slug: r.productA.slug, batch: r.productA.batch }),
    elsewhere: [
      {
        what: "another cooperative's batch",
        params: (r) => ({ slug: r.productB.slug, batch: r.productB.batch }),
        answers: 404,
      },
    ],
  },
  {
    vi: '/tai-khoan/san-pham/[slug]/lo-hang/[batch]/kiem-nghiem',
    en: '/en/account/products/[slug]/batches/[batch]/lab-reports',
    audience: 'member',
    params: (r) => ({ slug: r.productA.slug, batch: r.productA.batch }),
    elsewhere: [
      {
        what: "another cooperative's batch",
        params: (r) => ({ slug: r.productB.slug, batch: r.productB.batch }),
        answers: 404,
      },
      {
        what: "another cooperative's batch under one's own product",
        params: (r) => ({ slug: r.productA.slug, batch: r.productB.batch }),
        answers: 404,
      },
    ],
  },
  {
    vi: '/tai-khoan/san-pham/[slug]/lo-hang/[batch]/kiem-nghiem/[id]',
    en: '/en/account/products/[slug]/batches/[batch]/lab-reports/[id]',
    audience: 'member',
    params: (r) => ({ slug: r.productA.slug, batch: r.productA.batch, id: r.productA.labReport }),
    elsewhere: [
      {
        what: "another cooperative's lab report",
        params: (r) => ({ slug: r.productB.slug, batch: r.productB.batch, id: r.productB.labReport }),
        answers: 404,
      },
      {
        what: "another cooperative's lab report under one's own batch",
        params: (r) => ({ slug: r.productA.slug, batch: r.productA.batch, id: r.productB.labReport }),
        answers: 404,
      },
    ],
  },
  {
    vi: '/tai-khoan/san-pham/[slug]/nhan-in',
    en: '/en/account/products/[slug]/labels',
    audience: 'member-or-officer',
    params: (r) => ({ slug: r.productA.slug }),
    elsewhere: [
      theirProduct,
      {
        what: "another cooperative's draft",
        params: (r) => ({ slug: r.draftOfB }),
        answers: 404,
        unknown: { slug: 'khong-co-san-pham-nay' },
      },
    ],
  },
  {
    vi: '/tai-khoan/san-pham/[slug]/chung-nhan',
    en: '/en/account/products/[slug]/certificates',
    audience: 'member',
    params: (r) => ({ slug: r.productA.slug }),
    elsewhere: [theirProduct],
  },
  {
    vi: '/tai-khoan/san-pham/[slug]/chung-nhan/[id]',
    en: '/en/account/products/[slug]/certificates/[id]',
    audience: 'member',
    params: (r) => ({ slug: r.productA.slug, id: r.productA.certificate }),
    elsewhere: [
      {
        what: "another cooperative's certificate",
        params: (r) => ({ slug: r.productB.slug, id: r.productB.certificate }),
        answers: 404,
      },
    ],
  },
  {
    vi: '/tai-khoan/san-pham/[slug]/ocop',
    en: '/en/account/products/[slug]/ocop-ratings',
    audience: 'member',
    params: (r) => ({ slug: r.productA.slug }),
    elsewhere: [theirProduct],
  },
  {
    vi: '/tai-khoan/san-pham/[slug]/ocop/[id]',
    en: '/en/account/products/[slug]/ocop-ratings/[id]',
    audience: 'member',
    params: (r) => ({ slug: r.productA.slug, id: r.productA.rating }),
    elsewhere: [
      {
        what: "another cooperative's OCOP rating",
        params: (r) => ({ slug: r.productB.slug, id: r.productB.rating }),
        answers: 404,
      },
    ],
  },
  { vi: '/tai-khoan/su-kien', en: '/en/account/events', audience: 'member' },
  {
    vi: '/tai-khoan/su-kien/[slug]',
    en: '/en/account/events/[slug]',
    audience: 'member',
    params: (r) => ({ slug: r.publishedEvent }),
  },
  // A fair's report: a cooperative sees its own row; officers (who reach it from their page too) see every exhibitor.
  {
    vi: '/tai-khoan/su-kien/[slug]/bao-cao',
    en: '/en/account/events/[slug]/report',
    audience: 'member-or-officer',
    params: (r) => ({ slug: r.eventOfA }),
    elsewhere: [
      {
        what: 'the report of a fair only another cooperative exhibited at',
        params: (r) => ({ slug: r.eventOfB }),
        answers: 404,
        unknown: { slug: 'khong-co-su-kien-nay' },
      },
    ],
  },
  // A fair's catalogue as a PDF: officers, and the cooperatives confirmed at the fair (any other one is refused).
  {
    vi: '/tai-khoan/su-kien/[slug]/danh-muc',
    en: '/en/account/events/[slug]/catalogue',
    audience: 'member-or-officer',
    params: (r) => ({ slug: r.eventOfA }),
    elsewhere: [
      {
        what: 'the catalogue of a fair only another cooperative exhibits at',
        params: (r) => ({ slug: r.eventOfB }),
        answers: 403,
      },
    ],
  },
  { vi: '/tai-khoan/kiem-duyet', en: '/en/account/moderation', audience: 'officer' },
  { vi: '/tai-khoan/xac-minh', en: '/en/account/verification', audience: 'officer' },
  { vi: '/tai-khoan/sap-het-han', en: '/en/account/expiring', audience: 'officer' },
  {
    vi: '/tai-khoan/kiem-duyet/[id]',
    en: '/en/account/moderation/[id]',
    audience: 'officer',
    params: (r) => ({ id: r.submittedProduct }),
  },
  {
    vi: '/tai-khoan/kiem-duyet/thay-doi/[id]',
    en: '/en/account/moderation/changes/[id]',
    audience: 'officer',
    params: (r) => ({ id: r.pendingChange }),
  },
  { vi: '/tai-khoan/su-kien-quan-ly', en: '/en/account/manage-events', audience: 'officer' },
  { vi: '/tai-khoan/su-kien-quan-ly/moi', en: '/en/account/manage-events/new', audience: 'officer' },
  {
    vi: '/tai-khoan/su-kien-quan-ly/[slug]',
    en: '/en/account/manage-events/[slug]',
    audience: 'officer',
    params: (r) => ({ slug: r.publishedEvent }),
  },
  {
    vi: '/tai-khoan/su-kien-quan-ly/[slug]/bao-cao',
    en: '/en/account/manage-events/[slug]/report',
    audience: 'officer',
    params: (r) => ({ slug: r.eventOfA }),
  },
  {
    vi: '/tai-khoan/su-kien-quan-ly/[slug]/sua',
    en: '/en/account/manage-events/[slug]/edit',
    audience: 'officer',
    params: (r) => ({ slug: r.draftEvent }),
  },
  {
    vi: '/tai-khoan/su-kien-quan-ly/[slug]/xem-truoc',
    en: '/en/account/manage-events/[slug]/preview',
    audience: 'officer',
    params: (r) => ({ slug: r.draftEvent }),
  },
  // The console's front door sends everyone on to its statistics page, which checks who they are.
  { vi: '/quan-tri', en: '/en/admin', audience: 'officer', sendsOnTo: routes.consoleStatistics },
  { vi: '/quan-tri/thong-ke', en: '/en/admin/statistics', audience: 'officer' },
  { vi: '/quan-tri/chi-tieu', en: '/en/admin/targets', audience: 'officer' },
  { vi: '/quan-tri/chi-tieu/moi', en: '/en/admin/targets/new', audience: 'officer' },
  {
    vi: '/quan-tri/chi-tieu/[id]',
    en: '/en/admin/targets/[id]',
    audience: 'officer',
    params: (r) => ({ id: r.target }),
  },
  { vi: '/quan-tri/hop-tac-xa', en: '/en/admin/cooperatives', audience: 'officer' },
  {
    vi: '/quan-tri/hop-tac-xa/[slug]',
    en: '/en/admin/cooperatives/[slug]',
    audience: 'officer',
    params: (r) => ({ slug: r.cooperativeA }),
  },
  {
    vi: '/quan-tri/hop-tac-xa/[slug]/nhap-san-pham',
    en: '/en/admin/cooperatives/[slug]/import-products',
    audience: 'officer',
    params: (r) => ({ slug: r.cooperativeA }),
    // Members import their own cooperative's products from the dashboard; another's, nowhere.
    elsewhere: [
      { what: "another cooperative's product import", params: (r) => ({ slug: r.cooperativeB }), answers: 403 },
    ],
  },
  { vi: '/quan-tri/nhat-ky', en: '/en/admin/audit-log', audience: 'officer' },
  { vi: '/quan-tri/nhap-hop-tac-xa', en: '/en/admin/import-cooperatives', audience: 'officer' },
  { vi: '/quan-tri/bao-cao', en: '/en/admin/report', audience: 'officer' },
  { vi: '/quan-tri/du-lieu-ca-nhan', en: '/en/admin/personal-data', audience: 'officer' },
  { vi: '/quan-tri/nhung-lich', en: '/en/admin/embed', audience: 'officer' },
];

/** Path segments nobody should send, already percent-encoded as they go on the wire. */
const JUNK_SEGMENTS = ['%00', '%E0%A4%A', '%25', "'%20OR%201%3D1--", '%3Cscript%3E', 'a'.repeat(300)];

function pathOf(route: string, params: Params = {}, raw = false): string {
  return route.replace(/\[(\w+)\]/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for [${name}] in ${route}`);
    return raw ? value : encodeURIComponent(value);
  });
}

function audienceCookie(audience: Audience): string {
  if (audience === 'officer') return r.cookies.officer;
  return audience === 'manager' ? r.cookies.managerA : r.cookies.member;
}

/** The wrong roles: officers and admins on members' pages, a member (not a manager) on managers' and officers' pages, an officer on managers'. */
function wrongRoles(audience: Audience): ('member' | 'officer' | 'admin')[] {
  if (audience === 'member') return ['officer', 'admin'];
  if (audience === 'manager') return ['member', 'officer'];
  if (audience === 'officer') return ['member'];
  return [];
}

async function pageFiles(): Promise<string[]> {
  const found: string[] = [];
  for (const folder of FOLDERS) {
    for (const entry of await readdir(join(PAGES, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.astro')) continue;
      const route = `/${relative(PAGES, join(entry.parentPath, entry.name))}`
        .replace(/\.astro$/, '')
        .replace(/\/index$/, '');
      found.push(route);
    }
  }
  return found.sort();
}

beforeAll(async () => {
  r = await makeRecords();
});

it('has a row for every page under the account and console folders, and only those', async () => {
  const rows = PAGE_ACCESS.flatMap((row) => [row.vi, row.en]).sort();
  expect(rows).toEqual(await pageFiles());
});

describe.each(
  PAGE_ACCESS.flatMap((row) => (['vi', 'en'] as const).map((locale) => [row[locale], locale, row] as const)),
)('%s', (route, locale: Locale, row) => {
  const hasParams = route.includes('[');
  const path = (params?: Params) => pathOf(route, params ?? row.params?.(r));

  it('refuses a form post from another site with 403', async () => {
    const res = await post(path(), { intent: 'submit' }, audienceCookie(row.audience), { origin: FOREIGN_ORIGIN });
    expect(res.status).toBe(403);
  });

  const door = row.sendsOnTo?.[locale];
  if (door) {
    it(`sends everyone on to ${door}`, async () => {
      for (const cookie of [undefined, r.cookies.member, audienceCookie(row.audience)]) {
        const res = await get(path(), cookie);
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toBe(door);
      }
    });
    return;
  }

  it('sends visitors to sign in, and back here after', async () => {
    const res = await get(path());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${routes.signIn[locale]}?next=${encodeURIComponent(path())}`);
  });

  for (const caller of wrongRoles(row.audience)) {
    it(`answers 403 to ${caller}, the wrong role, reading or posting`, async () => {
      expect((await get(path(), r.cookies[caller])).status).toBe(403);
      expect((await post(path(), {}, r.cookies[caller])).status).toBe(403);
    });
  }

  for (const elsewhere of row.elsewhere ?? []) {
    it(`answers ${elsewhere.answers} to a member of another cooperative: ${elsewhere.what}`, async () => {
      const res = await get(path(elsewhere.params(r)), r.cookies.member);
      expect(res.status).toBe(elsewhere.answers);
      if (elsewhere.unknown) expect((await get(path(elsewhere.unknown), r.cookies.member)).status).toBe(res.status);
    });
  }

  if (hasParams) {
    it.each(JUNK_SEGMENTS)('answers junk path segment %s with a 4xx, never a 5xx', async (junk) => {
      const names = [...route.matchAll(/\[(\w+)\]/g)].map((match) => match[1]!);
      for (const name of names) {
        const params = Object.fromEntries(
          Object.entries(row.params?.(r) ?? {}).map(([k, v]) => [k, encodeURIComponent(v)]),
        );
        const res = await get(pathOf(route, { ...params, [name]: junk }, true), audienceCookie(row.audience));
        expect(res.status, `[${name}] = ${junk}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `[${name}] = ${junk}`).toBeLessThan(500);
      }
    });
  }

  it(`shows the page to its audience (${row.audience})`, async () => {
    const res = await get(path(), audienceCookie(row.audience));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
  });

  if (row.audience === 'member-or-officer') {
    it('shows the page to officers and admins too', async () => {
      for (const cookie of [r.cookies.officer, r.cookies.admin]) expect((await get(path(), cookie)).status).toBe(200);
    });
  }
});
