/**
 * The API's access matrix, in the manner of Unkey's runCommonRouteTests: one
 * table says who each operation of the OpenAPI document is for and how to
 * make a valid request to it, and the same checks run over every row:
 * - anonymous: 401 where a session is needed; public operations answer;
 * - the wrong role (member against officer operations and the reverse): 403;
 * - a member of another cooperative: 403 where the record is public anyway,
 *   404 (the same answer as for an unknown record) where its existence is private;
 * - a write from another site's page: 403 before anything is written;
 * - junk path parameters and junk bodies: a 4xx, never a 5xx;
 * - and the audience itself gets through, so the refusals above are not
 *   refusals of a request that could never have worked.
 * An operation added to the document without a row here fails the first test.
 */
import { file, png, storedPhoto } from '../support/images';
import { memoryBucket } from '../support/memory-bucket';
import { sharpImages } from '../support/sharp-images';
import { and, eq, ne, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import {
  batches,
  certifications,
  cooperatives,
  eventRegistrations,
  inquiries,
  products,
} from '../../src/server/db/schema';
import { issueThreadToken } from '../../src/server/inquiries/thread-tokens';
import { DEMO_ACCOUNTS } from '../../src/server/db/seed/accounts';
import { createTestUser, sessionCookieFor } from '../support/accounts';
import { createApi, OPENAPI_INFO } from '../../functions/api';
import { apiOn, call, TEST_ENV } from '../support/api';
import { demoDatabase } from '../support/demo';
import { insertOpenEvent } from '../support/events';
import { readJson } from '../support/http';
import { validInquiry } from '../support/inquiries';
import { multipart, pdf } from '../support/evidence';
import {
  validBatch,
  validCertificate,
  validEvent,
  validLabReport,
  validRating,
  validTarget,
} from '../support/valid-input';

const ORIGIN = 'http://localhost';
const FOREIGN_ORIGIN = 'https://evil.example';

/** Who an operation is for: anyone; anyone signed in; members of a cooperative; trade officers and admins. */
type Audience = 'public' | 'signed-in' | 'member' | 'officer';
/** Who sends a signed-in request: a demo member (not a manager) of cooperative A or B, the demo officer or admin. */
type Caller = 'memberA' | 'memberB' | 'officer' | 'admin';

type Params = Record<string, string>;

/** A request the operation's audience may make, and what it answers. */
interface ValidRequest {
  params?: Params;
  body?: unknown;
  answers: number;
  /** Who sends it, when not the audience's usual caller (memberA, officer; nobody for public operations). */
  as?: { cookie: string };
  /** Headers the request needs besides the session (the private token of an inquiry's thread). */
  headers?: Record<string, string>;
}

/** The valid request sent by the member of cooperative A to cooperative B's record instead. */
interface Elsewhere {
  what: string;
  params: (f: Fixtures, valid: ValidRequest) => Params | Promise<Params>;
  /**
   * 404: the dashboard answers another cooperative's records (published or
   * not) as it answers unknown ones, with the very answer `unknown` gets when given.
   */
  answers: 403 | 404;
  unknown?: (valid: ValidRequest) => Params;
}

interface Access {
  audience: Audience;
  /** Builds the valid request; records it changes are made for it alone, so rows cannot disturb one another. */
  request: (f: Fixtures) => Promise<ValidRequest> | ValidRequest;
  elsewhere?: Elsewhere[];
}

let db: Database;
let api: ReturnType<typeof apiOn>;
let f: Fixtures;

let address = 0;
/** A fresh client address per request, so the rate limits of sign-in and inquiries never decide an answer here. */
const nextAddress = () => `198.51.100.${(++address % 250) + 1}`;

function send(
  method: string,
  path: string,
  options: {
    cookie?: string;
    body?: unknown;
    raw?: { type: string; text: string };
    origin?: string;
    headers?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = {
    ...options.headers,
    origin: options.origin ?? ORIGIN,
    'cf-connecting-ip': nextAddress(),
  };
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | FormData | undefined;
  if (options.raw) {
    headers['content-type'] = options.raw.type;
    body = options.raw.text;
  } else if (options.body instanceof FormData) {
    // Multipart (a photo upload): fetch writes the boundary into the content type.
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  return call(api, path, { method, headers, body }, UPLOAD_ENV);
}

/** A lab report with its report file, as a form posts it (the file is required). */
const labReportUpload = () => multipart(validLabReport, { bytes: pdf(), name: 'phieu.pdf' });

/** Uploads (photos) go to a bucket in memory through sharp, so that every row's valid request can succeed. */
const UPLOAD_ENV = { ...TEST_ENV, MEDIA: memoryBucket().bucket, IMAGES: sharpImages() } as Env;

/** Rows written by the connection so far: unchanged across a request, nothing was written. */
/** A whole cooperative's certificate waiting for an officer, for one request alone. */
async function pendingCertificate(): Promise<{ id: string; version: number }> {
  const [cooperative] = await db.select({ id: cooperatives.id }).from(cooperatives).limit(1);
  if (!cooperative) throw new Error('the demo has cooperatives');
  const id = newId();
  const submittedAt = new Date();
  await db.insert(certifications).values({
    id,
    productId: null,
    cooperativeId: cooperative.id,
    kind: 'haccp',
    number: `HACCP ${id.slice(0, 4)}/2026`,
    issuer: 'Tổ chức thử',
    validFrom: '2026-01-01',
    validUntil: '2028-12-31',
    submittedAt,
  });
  // A new claim is at revision 0: the officer's decision names the revision it saw (claim-version.ts).
  return { id, version: 0 };
}

async function rowsWritten(): Promise<number> {
  const row = await db.get<{ n: number }>(sql`select total_changes() as n`);
  return row.n;
}

let targetDueYear = 2035;
const targetBody = () => validTarget(++targetDueYear);

/** The records the table's requests use: the demo catalogue, and fresh records for operations that change them. */
async function buildFixtures() {
  const demo = (role: string, cooperative: number | null = null) => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role && a.cooperative === cooperative && !a.isManager);
    if (!account) throw new Error(`no demo ${role} of cooperative ${cooperative}`);
    return sessionCookieFor(db, account.id);
  };
  const cookies: Record<Caller, string> = {
    memberA: await demo('member', 0),
    memberB: await demo('member', 1),
    officer: await demo('officer'),
    admin: await demo('admin'),
  };
  const me = async (cookie: string) =>
    (await readJson(await send('GET', '/me', { cookie }))).cooperative as { id: string; slug: string };
  const cooperativeA = await me(cookies.memberA);
  const cooperativeB = await me(cookies.memberB);

  /** A published product of the cooperative with a batch (the demo has them) and a certificate (added here). */
  async function productOf(cooperativeId: string, cookie: string) {
    const [row] = await db
      .select({ slug: products.slug, lot: batches.lotCode })
      .from(products)
      .innerJoin(batches, eq(batches.productId, products.id))
      .where(and(eq(products.cooperativeId, cooperativeId), eq(products.status, 'published')))
      .limit(1);
    if (!row) throw new Error(`no published product with a batch for ${cooperativeId}`);
    const added = await send('POST', `/products/${row.slug}/certificates`, { cookie, body: validCertificate });
    expect(added.status).toBe(201);
    const rated = await send('POST', `/products/${row.slug}/ocop-ratings`, { cookie, body: validRating });
    expect(rated.status).toBe(201);
    const reported = await send('POST', `/products/${row.slug}/batches/${encodeURIComponent(row.lot)}/lab-reports`, {
      cookie,
      body: labReportUpload(),
    });
    expect(reported.status).toBe(201);
    return {
      ...row,
      certificate: (await readJson(added)).id as string,
      rating: (await readJson(rated)).id as string,
      labReport: (await readJson(reported)).id as string,
    };
  }
  const productA = await productOf(cooperativeA.id, cookies.memberA);
  const productB = await productOf(cooperativeB.id, cookies.memberB);
  const [traced] = await db
    .select({ slug: products.slug, gtin: products.gtin, traceCode: products.traceCode, lot: batches.lotCode })
    .from(products)
    .innerJoin(batches, eq(batches.productId, products.id))
    .where(and(eq(products.status, 'published'), sql`${products.gtin} is not null`))
    .limit(1);
  if (!traced?.gtin) throw new Error('no published product with a GTIN and a batch');

  // Cooperative B's draft: a record whose existence only B's members may learn.
  const [draft] = await db
    .select({ slug: products.slug })
    .from(products)
    .where(and(eq(products.cooperativeId, cooperativeB.id), ne(products.slug, productB.slug)))
    .limit(1);
  if (!draft) throw new Error('cooperative B has a single product');
  await db.update(products).set({ status: 'draft' }).where(eq(products.slug, draft.slug));
  const draftOfB = draft.slug;

  /**
   * Cooperative A's product other than productA, made a draft with a photo again on every call: ready to submit.
   * Found by id and named by its current slug: a row that renames it (PUT with another name) moves its address.
   */
  const [spareOfA] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.cooperativeId, cooperativeA.id), ne(products.slug, productA.slug)))
    .limit(1);
  if (!spareOfA) throw new Error('cooperative A has a single product');
  async function draftOfA(): Promise<string> {
    const [draft] = await db
      .update(products)
      .set({ status: 'draft', images: [storedPhoto()] })
      .where(eq(products.id, spareOfA?.id ?? ''))
      .returning({ slug: products.slug });
    return draft?.slug ?? '';
  }

  /** Records of neither demo cooperative, for the console's takedowns. */
  const others = await db
    .select({ cooperative: cooperatives.slug, product: products.slug })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(
      and(eq(products.status, 'published'), sql`${cooperatives.id} not in (${cooperativeA.id}, ${cooperativeB.id})`),
    )
    .limit(8);
  let spare = 0;
  const spareRecord = () => {
    const row = others[spare++];
    if (!row) throw new Error('not enough spare demo records');
    return row;
  };

  /** An event of its own, in Ha Noi (so a draft can be published), registration open. */
  const event = (status: 'draft' | 'published') =>
    insertOpenEvent(db, {
      status,
      address: '91 Trần Hưng Đạo, Hà Nội',
      provinceCode: '01',
      publishedAt: status === 'published' ? new Date() : null,
    });

  async function registration(cookie: string, slug: string): Promise<string> {
    const res = await send('POST', `/events/${slug}/registrations`, { cookie, body: { booths: 1 } });
    expect(res.status).toBe(201);
    return (await readJson(res)).id;
  }

  /** A registration the officers have confirmed (set directly: the decision has its own row). */
  async function confirmedRegistration(cookie: string, slug: string): Promise<string> {
    const id = await registration(cookie, slug);
    await db.update(eventRegistrations).set({ status: 'confirmed' }).where(eq(eventRegistrations.id, id));
    return id;
  }

  async function inquiry(cooperative: string): Promise<string> {
    const res = await send('POST', '/inquiries', { body: validInquiry({ cooperative }) });
    expect(res.status).toBe(201);
    return (await readJson(res)).inquiry.reference;
  }

  /** The private token of a new inquiry's thread, as the buyer's receipt carries it. */
  async function threadToken(cooperative: string): Promise<string> {
    const reference = await inquiry(cooperative);
    const [row] = await db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.reference, reference));
    if (!row) throw new Error('the inquiry was stored');
    const { token, statement } = issueThreadToken(db, row.id, new Date());
    await statement;
    return token;
  }

  async function target(): Promise<string> {
    const res = await send('POST', '/admin/targets', { cookie: cookies.officer, body: targetBody() });
    expect(res.status).toBe(201);
    return (await readJson(res)).id;
  }

  /** A signed-in account of its own, for operations that end its sessions or change its password. */
  async function ownAccount() {
    const user = await createTestUser(db, { role: 'member', cooperativeId: cooperativeA.id });
    return { ...user, cookie: await sessionCookieFor(db, user.id) };
  }

  return {
    cookies,
    cooperativeA,
    cooperativeB,
    productA,
    productB,
    draftOfB,
    draftOfA,
    traced,
    spareRecord,
    event,
    registration,
    confirmedRegistration,
    inquiry,
    threadToken,
    target,
    ownAccount,
  };
}
type Fixtures = Awaited<ReturnType<typeof buildFixtures>>;

/** Inquiries are private to their cooperative: another's answers as an unknown reference does. */
const inquiryOfB: Elsewhere = {
  what: "another cooperative's inquiry",
  params: async (f) => ({ reference: await f.inquiry(f.cooperativeB.slug) }),
  answers: 404,
  unknown: () => ({ reference: 'HTX-0000-0000' }),
};

/** A draft of cooperative B: its members alone may learn it exists, so to others it answers as no product. */
const draftOfB: Elsewhere = {
  what: "another cooperative's draft",
  params: (f) => ({ slug: f.draftOfB }),
  answers: 404,
  unknown: () => ({ slug: 'khong-co-san-pham-nay' }),
};

let productNumber = 0;
/** A product's fields as a write takes them, with a name of its own each time (its slug comes from it). */
const validProduct = () => ({
  nameVi: `Mật ong hoa nhãn ma trận ${++productNumber}`,
  ocopGroup: 'thuc_pham',
  provinceCode: '01',
  unitVi: 'chai',
  minOrder: 1,
});

/** A photo upload as a cooperative's software sends it. */
async function photoUpload(): Promise<FormData> {
  const form = new FormData();
  form.set('photo', file(await png(64, 48), 'anh.png', 'image/png'));
  form.set('altVi', 'Chai mật ong');
  return form;
}

/** Every operation of the document, keyed as `METHOD /path` with the document's path templates. */
const ACCESS: Record<string, Access> = {
  'GET /health': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /products/{slug}': { audience: 'public', request: (f) => ({ params: { slug: f.productA.slug }, answers: 200 }) },
  'GET /cooperatives/{slug}': {
    audience: 'public',
    request: (f) => ({ params: { slug: f.cooperativeA.slug }, answers: 200 }),
  },
  'GET /provinces': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /provinces/{slug}': { audience: 'public', request: () => ({ params: { slug: 'ha-noi' }, answers: 200 }) },
  'GET /products': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /cooperatives': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /cooperatives.geojson': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /trace/{gtin}/{lot}': {
    audience: 'public',
    request: (f) => ({ params: { gtin: f.traced.gtin!, lot: f.traced.lot }, answers: 200 }),
  },
  'GET /trace/codes/{code}/{lot}': {
    audience: 'public',
    request: (f) => ({ params: { code: f.traced.traceCode, lot: f.traced.lot }, answers: 200 }),
  },
  'GET /products/{slug}/qr.svg': {
    audience: 'public',
    request: (f) => ({ params: { slug: f.traced.slug }, answers: 200 }),
  },
  'GET /products/{slug}/qr.png': {
    audience: 'public',
    request: (f) => ({ params: { slug: f.traced.slug }, answers: 200 }),
  },
  'GET /products/{slug}/batches/{lot}/qr.svg': {
    audience: 'public',
    request: (f) => ({ params: { slug: f.traced.slug, lot: f.traced.lot }, answers: 200 }),
  },
  'GET /products/{slug}/batches/{lot}/qr.png': {
    audience: 'public',
    request: (f) => ({ params: { slug: f.traced.slug, lot: f.traced.lot }, answers: 200 }),
  },
  'GET /open-data/cooperatives.csv': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /open-data/cooperatives.json': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /open-data/products.csv': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /open-data/products.json': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /open-data/events.csv': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /open-data/events.json': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /events/{slug}.ics': {
    audience: 'public',
    request: async (f) => ({ params: { slug: await f.event('published') }, answers: 200 }),
  },
  'GET /events.ics': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /events.atom': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /events': { audience: 'public', request: () => ({ answers: 200 }) },
  'GET /events/{slug}': {
    audience: 'public',
    request: async (f) => ({ params: { slug: await f.event('published') }, answers: 200 }),
  },
  'POST /session': {
    audience: 'public',
    request: async (f) => {
      const { email, password } = await f.ownAccount();
      return { body: { email, password }, answers: 200 };
    },
  },
  'DELETE /session': { audience: 'public', request: () => ({ answers: 204 }) },
  'POST /inquiries': {
    audience: 'public',
    request: (f) => ({ body: validInquiry({ cooperative: f.cooperativeA.slug }), answers: 201 }),
  },
  'POST /inquiries/requests': {
    audience: 'public',
    request: (f) => ({ body: validInquiry({ products: [f.productA.slug, f.productB.slug] }), answers: 201 }),
  },
  'POST /inquiries/status': {
    audience: 'public',
    request: async (f) => ({
      body: { reference: await f.inquiry(f.cooperativeA.slug), contact: validInquiry().email },
      answers: 200,
    }),
  },

  'GET /inquiries/thread': {
    audience: 'public',
    request: async (f) => ({
      headers: { 'x-inquiry-thread-token': await f.threadToken(f.cooperativeA.slug) },
      answers: 200,
    }),
  },
  'POST /inquiries/thread/messages': {
    audience: 'public',
    request: async (f) => ({
      headers: { 'x-inquiry-thread-token': await f.threadToken(f.cooperativeA.slug) },
      body: { body: 'Cảm ơn, tôi lấy 200 kg.' },
      answers: 201,
    }),
  },

  'GET /me': { audience: 'signed-in', request: () => ({ answers: 200 }) },
  'POST /me/password': {
    audience: 'signed-in',
    request: async (f) => {
      const own = await f.ownAccount();
      return {
        as: own,
        body: { currentPassword: own.password, newPassword: 'một mật khẩu mới đủ dài 2026' },
        answers: 204,
      };
    },
  },
  'GET /events/{slug}/registrations': {
    audience: 'signed-in',
    request: async (f) => ({ params: { slug: await f.event('published') }, answers: 200 }),
  },

  'POST /products/{slug}/batches': {
    audience: 'member',
    request: (f) => ({ params: { slug: f.productA.slug }, body: validBatch('ACCESS-NEW-1'), answers: 201 }),
    elsewhere: [
      { what: "another cooperative's published product", params: (f) => ({ slug: f.productB.slug }), answers: 404 },
      {
        what: "another cooperative's draft",
        params: (f) => ({ slug: f.draftOfB }),
        answers: 404,
        unknown: () => ({ slug: 'khong-co-san-pham-nay' }),
      },
    ],
  },
  'POST /products/{slug}/submit': {
    audience: 'member',
    request: async (f) => ({ params: { slug: await f.draftOfA() }, answers: 200 }),
    elsewhere: [
      {
        what: "another cooperative's draft",
        params: (f) => ({ slug: f.draftOfB }),
        answers: 404,
        unknown: () => ({ slug: 'khong-co-san-pham-nay' }),
      },
    ],
  },
  'GET /managed-products': { audience: 'member', request: () => ({ answers: 200 }) },
  'POST /managed-products': {
    audience: 'member',
    request: () => ({ body: validProduct(), answers: 201 }),
  },
  'GET /managed-products/{slug}': {
    audience: 'member',
    request: async (f) => ({ params: { slug: await f.draftOfA() }, answers: 200 }),
    elsewhere: [
      draftOfB,
      { what: "another cooperative's published product", params: (f) => ({ slug: f.productB.slug }), answers: 404 },
    ],
  },
  'PUT /managed-products/{slug}': {
    audience: 'member',
    request: async (f) => ({ params: { slug: await f.draftOfA() }, body: validProduct(), answers: 200 }),
    elsewhere: [draftOfB],
  },
  'POST /managed-products/{slug}/photos': {
    audience: 'member',
    request: async (f) => ({ params: { slug: await f.draftOfA() }, body: await photoUpload(), answers: 201 }),
    elsewhere: [draftOfB],
  },
  'PUT /managed-products/{slug}/photos': {
    audience: 'member',
    request: async (f) => ({
      params: { slug: await f.draftOfA() },
      body: { photos: [{ id: storedPhoto().id, altVi: 'Chai mật ong', altEn: 'A bottle of honey' }] },
      answers: 200,
    }),
    elsewhere: [draftOfB],
  },
  'DELETE /managed-products/{slug}/photos/{id}': {
    audience: 'member',
    request: async (f) => ({ params: { slug: await f.draftOfA(), id: storedPhoto().id }, answers: 200 }),
    elsewhere: [
      {
        what: "another cooperative's draft",
        params: (f) => ({ slug: f.draftOfB, id: storedPhoto().id }),
        answers: 404,
        unknown: () => ({ slug: 'khong-co-san-pham-nay', id: storedPhoto().id }),
      },
    ],
  },
  'PUT /products/{slug}/batches/{lot}': {
    audience: 'member',
    request: (f) => ({
      params: { slug: f.productA.slug, lot: f.productA.lot },
      body: validBatch(f.productA.lot),
      answers: 200,
    }),
    elsewhere: [
      {
        what: "another cooperative's batch",
        params: (f) => ({ slug: f.productB.slug, lot: f.productB.lot }),
        answers: 404,
      },
    ],
  },
  'POST /products/{slug}/certificates': {
    audience: 'member',
    request: (f) => ({ params: { slug: f.productA.slug }, body: validCertificate, answers: 201 }),
    elsewhere: [
      { what: "another cooperative's published product", params: (f) => ({ slug: f.productB.slug }), answers: 404 },
    ],
  },
  'PUT /products/{slug}/certificates/{id}': {
    audience: 'member',
    request: (f) => ({
      params: { slug: f.productA.slug, id: f.productA.certificate },
      body: validCertificate,
      answers: 200,
    }),
    elsewhere: [
      {
        what: "another cooperative's certificate",
        params: (f) => ({ slug: f.productB.slug, id: f.productB.certificate }),
        answers: 404,
      },
    ],
  },
  'GET /products/{slug}/certificates': {
    audience: 'member',
    request: (f) => ({ params: { slug: f.productA.slug }, answers: 200 }),
    elsewhere: [{ what: "another cooperative's product", params: (f) => ({ slug: f.productB.slug }), answers: 404 }],
  },
  'GET /products/{slug}/batches/{lot}/lab-reports': {
    audience: 'member',
    request: (f) => ({ params: { slug: f.productA.slug, lot: f.productA.lot }, answers: 200 }),
    elsewhere: [
      {
        what: "another cooperative's batch",
        params: (f) => ({ slug: f.productB.slug, lot: f.productB.lot }),
        answers: 404,
      },
    ],
  },
  'POST /products/{slug}/batches/{lot}/lab-reports': {
    audience: 'member',
    request: (f) => ({
      params: { slug: f.productA.slug, lot: f.productA.lot },
      body: labReportUpload(),
      answers: 201,
    }),
    elsewhere: [
      {
        what: "another cooperative's batch",
        params: (f) => ({ slug: f.productB.slug, lot: f.productB.lot }),
        answers: 404,
      },
    ],
  },
  'PUT /products/{slug}/batches/{lot}/lab-reports/{id}': {
    audience: 'member',
    request: (f) => ({
      params: { slug: f.productA.slug, lot: f.productA.lot, id: f.productA.labReport },
      body: labReportUpload(),
      answers: 200,
    }),
    elsewhere: [
      {
        what: "another cooperative's lab report",
        params: (f) => ({ slug: f.productB.slug, lot: f.productB.lot, id: f.productB.labReport }),
        answers: 404,
      },
    ],
  },
  'GET /products/{slug}/ocop-ratings': {
    audience: 'member',
    request: (f) => ({ params: { slug: f.productA.slug }, answers: 200 }),
    elsewhere: [{ what: "another cooperative's product", params: (f) => ({ slug: f.productB.slug }), answers: 404 }],
  },
  'POST /products/{slug}/ocop-ratings': {
    audience: 'member',
    request: (f) => ({ params: { slug: f.productA.slug }, body: validRating, answers: 201 }),
    elsewhere: [
      { what: "another cooperative's published product", params: (f) => ({ slug: f.productB.slug }), answers: 404 },
    ],
  },
  'PUT /products/{slug}/ocop-ratings/{id}': {
    audience: 'member',
    request: (f) => ({
      params: { slug: f.productA.slug, id: f.productA.rating },
      body: validRating,
      answers: 200,
    }),
    elsewhere: [
      {
        what: "another cooperative's rating",
        params: (f) => ({ slug: f.productB.slug, id: f.productB.rating }),
        answers: 404,
      },
      {
        what: "another cooperative's rating under one's own product",
        params: (f) => ({ slug: f.productA.slug, id: f.productB.rating }),
        answers: 404,
      },
    ],
  },
  'GET /inquiries': { audience: 'member', request: () => ({ answers: 200 }) },
  'GET /inquiries/{reference}': {
    audience: 'member',
    request: async (f) => ({ params: { reference: await f.inquiry(f.cooperativeA.slug) }, answers: 200 }),
    elsewhere: [inquiryOfB],
  },
  'POST /inquiries/{reference}/replies': {
    audience: 'member',
    request: async (f) => ({
      params: { reference: await f.inquiry(f.cooperativeA.slug) },
      body: { body: 'Chào chị, giá sỉ là 250.000 đ/kg.' },
      answers: 201,
    }),
    elsewhere: [inquiryOfB],
  },
  'POST /inquiries/{reference}/actions': {
    audience: 'member',
    request: async (f) => ({
      params: { reference: await f.inquiry(f.cooperativeA.slug) },
      body: { action: 'close' },
      answers: 200,
    }),
    elsewhere: [inquiryOfB],
  },
  'POST /events/{slug}/registrations': {
    audience: 'member',
    request: async (f) => ({ params: { slug: await f.event('published') }, body: { booths: 1 }, answers: 201 }),
  },
  'DELETE /events/{slug}/registrations/{id}': {
    audience: 'member',
    request: async (f) => {
      const slug = await f.event('published');
      return { params: { slug, id: await f.registration(f.cookies.memberA, slug) }, answers: 200 };
    },
    elsewhere: [
      {
        what: "another cooperative's registration",
        params: async (f, valid) => ({
          slug: valid.params!.slug!,
          id: await f.registration(f.cookies.memberB, valid.params!.slug!),
        }),
        answers: 404,
        unknown: (valid) => ({ slug: valid.params!.slug!, id: 'no-such-registration' }),
      },
    ],
  },

  'GET /events/{slug}/report.csv': {
    audience: 'signed-in',
    request: async (f) => {
      const slug = await f.event('published');
      await f.confirmedRegistration(f.cookies.memberA, slug);
      return { params: { slug }, answers: 200 };
    },
  },
  'GET /events/{slug}/registrations.csv': {
    audience: 'officer',
    request: async (f) => ({ params: { slug: await f.event('published') }, answers: 200 }),
  },
  'PATCH /events/{slug}/registrations/{id}': {
    audience: 'officer',
    request: async (f) => {
      const slug = await f.event('published');
      return {
        params: { slug, id: await f.registration(f.cookies.memberB, slug) },
        body: { status: 'confirmed' },
        answers: 200,
      };
    },
  },
  'PUT /events/{slug}/registrations/{id}/booth': {
    audience: 'officer',
    request: async (f) => {
      const slug = await f.event('published');
      return {
        params: { slug, id: await f.confirmedRegistration(f.cookies.memberB, slug) },
        body: { boothLabel: 'A12' },
        answers: 200,
      };
    },
  },
  'GET /inquiries/statistics': { audience: 'officer', request: () => ({ answers: 200 }) },
  'GET /managed-events': { audience: 'officer', request: () => ({ answers: 200 }) },
  'POST /managed-events': { audience: 'officer', request: () => ({ body: validEvent(), answers: 201 }) },
  'POST /managed-events/series': {
    audience: 'officer',
    request: () => ({ body: { ...validEvent(), recurrence: { frequency: 'weekly', count: 2 } }, answers: 201 }),
  },
  'POST /managed-events/series/preview': {
    audience: 'officer',
    request: () => ({ body: { ...validEvent(), recurrence: { frequency: 'weekly', count: 2 } }, answers: 200 }),
  },
  'GET /managed-events/{slug}': {
    audience: 'officer',
    request: async (f) => ({ params: { slug: await f.event('draft') }, answers: 200 }),
  },
  'PUT /managed-events/{slug}': {
    audience: 'officer',
    request: async (f) => ({ params: { slug: await f.event('draft') }, body: validEvent(), answers: 200 }),
  },
  'DELETE /managed-events/{slug}': {
    audience: 'officer',
    request: async (f) => ({ params: { slug: await f.event('draft') }, answers: 204 }),
  },
  'POST /managed-events/{slug}/publish': {
    audience: 'officer',
    request: async (f) => ({ params: { slug: await f.event('draft') }, answers: 200 }),
  },
  'POST /managed-events/{slug}/cancel': {
    audience: 'officer',
    request: async (f) => ({
      params: { slug: await f.event('published') },
      body: { reason: 'Hoãn vì bão số 9.' },
      answers: 200,
    }),
  },
  'POST /managed-events/{slug}/duplicate': {
    audience: 'officer',
    request: async (f) => ({ params: { slug: await f.event('published') }, answers: 201 }),
  },
  'GET /admin/targets': { audience: 'officer', request: () => ({ answers: 200 }) },
  'POST /admin/targets': { audience: 'officer', request: () => ({ body: targetBody(), answers: 201 }) },
  'PUT /admin/targets/{id}': {
    audience: 'officer',
    request: async (f) => ({ params: { id: await f.target() }, body: targetBody(), answers: 200 }),
  },
  'DELETE /admin/targets/{id}': {
    audience: 'officer',
    request: async (f) => ({ params: { id: await f.target() }, answers: 204 }),
  },
  'GET /admin/audit-log': { audience: 'officer', request: () => ({ answers: 200 }) },
  'POST /admin/products/{slug}/suspend': {
    audience: 'officer',
    request: (f) => ({
      params: { slug: f.spareRecord().product },
      body: { reason: 'Nhãn ghi sai hạng sao OCOP.' },
      answers: 204,
    }),
  },
  'GET /admin/claims': { audience: 'officer', request: () => ({ answers: 200 }) },
  'GET /admin/expiring-claims.csv': { audience: 'officer', request: () => ({ answers: 200 }) },
  'POST /admin/claims/{kind}/{id}/{decision}': {
    audience: 'officer',
    request: async () => {
      const claim = await pendingCertificate();
      return {
        params: { kind: 'certificate', id: claim.id, decision: 'verify' },
        body: { version: claim.version },
        answers: 200,
      };
    },
  },
  'POST /admin/cooperatives/{slug}/{action}': {
    audience: 'officer',
    request: (f) => ({
      params: { slug: f.spareRecord().cooperative, action: 'suspend' },
      body: { reason: 'Giấy phép kinh doanh đã bị thu hồi.' },
      answers: 200,
    }),
  },
};

/** Path segments nobody should send: encodings, injections, lengths, controls. Already percent-encoded, as they go on the wire. */
const JUNK_SEGMENTS = [
  '%00',
  '%E0%A4%A',
  '%25',
  '..%2F..%2Fetc%2Fpasswd',
  "'%20OR%201%3D1--",
  '%3Cscript%3E',
  '%F0%9F%90%9D',
  '%20',
  '-1',
  '1e309',
  'a'.repeat(300),
  '9'.repeat(400),
];

/** Every string of a valid body made hostile and every number absurd, keeping its shape. */
function hostile(value: unknown): unknown {
  if (typeof value === 'string') return `'; DROP TABLE products; --\u0000<script>${'ă'.repeat(3000)}`;
  if (typeof value === 'number') return -1e308;
  if (Array.isArray(value)) return value.map(hostile);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostile(v)]));
  return value;
}

/** Bodies that cannot be what any operation takes: each must be refused with a 4xx. */
const JUNK_BODIES: [string, { type: string; text: string }][] = [
  ['malformed JSON', { type: 'application/json', text: '{"name": ' }],
  ['JSON null', { type: 'application/json', text: 'null' }],
  ['a JSON array', { type: 'application/json', text: '[1, 2]' }],
  ['a JSON string', { type: 'application/json', text: '"x"' }],
  ['an empty object', { type: 'application/json', text: '{}' }],
  ['deeply nested JSON', { type: 'application/json', text: `${'['.repeat(5000)}${']'.repeat(5000)}` }],
  ['a form post', { type: 'application/x-www-form-urlencoded', text: 'name=x&email=y' }],
  ['an empty body', { type: 'application/json', text: '' }],
];

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function pathWith(template: string, params: Params = {}, raw = false): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return raw ? value : encodeURIComponent(value);
  });
}

function defaultCookie(audience: Audience): string | undefined {
  if (audience === 'public') return undefined;
  return audience === 'officer' ? f.cookies.officer : f.cookies.memberA;
}

/** The callers of the wrong role: officers and admins for members' operations, a member for officers'. */
function wrongRoles(audience: Audience): Caller[] {
  if (audience === 'member') return ['officer', 'admin'];
  if (audience === 'officer') return ['memberA'];
  return [];
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/** `METHOD /path` of every operation in an OpenAPI document, and whether it takes a body. */
function operationsOf(doc: { paths?: Record<string, object> }): Map<string, { hasBody: boolean }> {
  return new Map(
    Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { requestBody?: unknown }>)
        .filter(([method]) => HTTP_METHODS.has(method))
        .map(
          ([method, operation]) =>
            [`${method.toUpperCase()} ${path}`, { hasBody: operation.requestBody !== undefined }] as const,
        ),
    ),
  );
}

/** The document as the app generates it, read before the tests are collected (which checks apply depends on it). */
const DOCUMENTED = operationsOf(createApi().getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO }));

beforeAll(async () => {
  db = await demoDatabase();
  api = apiOn(db);
  f = await buildFixtures();
});

it('classifies every operation of the OpenAPI document, and only those', async () => {
  const served = operationsOf(await readJson(await call(api, '/openapi.json')));
  expect(Object.keys(ACCESS).sort()).toEqual([...served.keys()].sort());
  expect([...DOCUMENTED.keys()].sort()).toEqual([...served.keys()].sort());
});

describe.each(Object.entries(ACCESS))('%s', (key, access) => {
  const [method = '', template = ''] = key.split(' ');
  let valid: ValidRequest;
  let cookie: string | undefined;
  const hasBody = DOCUMENTED.get(key)?.hasBody ?? false;
  const hasParams = template.includes('{');
  const path = (params?: Params, raw = false) => pathWith(template, params, raw);

  /** Every request of the row carries the headers its valid request needs. */
  const sendRow: typeof send = (m, p, options = {}) => send(m, p, { ...options, headers: valid.headers });

  beforeAll(async () => {
    valid = await access.request(f);
    cookie = valid.as?.cookie ?? defaultCookie(access.audience);
  });

  // Public operations: the last test sends the valid request anonymously.
  if (access.audience !== 'public')
    it('answers 401 without a session', async () => {
      const res = await sendRow(method, path(valid.params), { body: valid.body });
      expect(res.status).toBe(401);
      expect((await readJson(res)).error.code).toBe('unauthenticated');
    });

  it.each(wrongRoles(access.audience))('answers 403 to %s, the wrong role', async (caller) => {
    const res = await sendRow(method, path(valid.params), { cookie: f.cookies[caller], body: valid.body });
    expect(res.status).toBe(403);
  });

  for (const elsewhere of access.elsewhere ?? []) {
    it(`answers ${elsewhere.answers} to a member of another cooperative: ${elsewhere.what}`, async () => {
      const res = await sendRow(method, path(await elsewhere.params(f, valid)), {
        cookie: f.cookies.memberA,
        body: valid.body,
      });
      const answer = { status: res.status, body: await res.text() };
      expect(answer.status).toBe(elsewhere.answers);
      if (elsewhere.unknown) {
        const unknown = await sendRow(method, path(elsewhere.unknown(valid)), {
          cookie: f.cookies.memberA,
          body: valid.body,
        });
        expect(answer, 'the answer to an unknown record').toEqual({
          status: unknown.status,
          body: await unknown.text(),
        });
      }
    });
  }

  /**
   * Who sends junk, and what they get: visitors 401 and the wrong role 403
   * where the operation is not theirs, before any field is judged (so the
   * rules stay theirs to know); its audience any other 4xx.
   */
  const junkSenders = (): { who: string; cookie?: string; answers?: number }[] => [
    { who: 'a visitor', answers: access.audience === 'public' ? undefined : 401 },
    { who: `its audience (${access.audience})`, cookie },
    ...wrongRoles(access.audience).map((caller) => ({ who: caller, cookie: f.cookies[caller], answers: 403 })),
  ];

  function expectJunkRefused(res: Response, sender: { who: string; answers?: number }, what: string) {
    const message = `${what} from ${sender.who}`;
    if (sender.answers) expect(res.status, message).toBe(sender.answers);
    expect(res.status, message).toBeGreaterThanOrEqual(400);
    expect(res.status, message).toBeLessThan(500);
  }

  if (hasParams)
    it.each(JUNK_SEGMENTS)('answers junk path segment %s with a 4xx, never a 5xx', async (junk) => {
      const names = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
      const params = Object.fromEntries(Object.entries(valid.params ?? {}).map(([k, v]) => [k, encodeURIComponent(v)]));
      for (const name of names) {
        for (const sender of junkSenders()) {
          const res = await sendRow(method, path({ ...params, [name]: junk }, true), {
            cookie: sender.cookie,
            body: valid.body,
          });
          expectJunkRefused(res, sender, `{${name}} = ${junk}`);
        }
      }
    });

  if (hasBody)
    it.each(JUNK_BODIES)('refuses %s with a 4xx, never a 5xx', async (what, raw) => {
      for (const sender of junkSenders()) {
        expectJunkRefused(await sendRow(method, path(valid.params), { cookie: sender.cookie, raw }), sender, what);
      }
    });

  if (hasBody)
    it('answers a hostile version of a valid body without a 5xx', async () => {
      const res = await sendRow(method, path(valid.params), { cookie, body: hostile(valid.body) });
      expect(res.status).toBeLessThan(500);
    });

  if (WRITES.has(method))
    it('refuses a write from another site with 403 before writing anything', async () => {
      const before = await rowsWritten();
      const res = await sendRow(method, path(valid.params), { cookie, body: valid.body, origin: FOREIGN_ORIGIN });
      expect(res.status).toBe(403);
      expect((await readJson(res)).error.code).toBe('forbidden_origin');
      expect(await rowsWritten()).toBe(before);
    });

  // Last: it may change the records the requests above were refused on.
  it(`lets its audience (${access.audience}) through`, async () => {
    const res = await sendRow(method, path(valid.params), { cookie, body: valid.body });
    expect(res.status, await res.clone().text()).toBe(valid.answers);
  });
});
