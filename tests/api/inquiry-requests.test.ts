/**
 * POST /api/v1/inquiries/requests on D1 (workerd) and libSQL: one request
 * reaches each cooperative as its own thread under one request reference,
 * in one batch (a failure stores nothing); products of one cooperative make
 * one thread; a product listed twice counts once; unknown products are named
 * by position; the limits on products, cooperatives and the client address
 * (counted once per request); the Idempotency-Key, also when two requests
 * race with it; the buyer's one receipt listing each conversation with its
 * private link; the status look-up by the request's reference; the inbox
 * naming a thread's products; and CORS for configured partner origins.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../functions/api';
import { dictionary, format } from '../../src/i18n';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import {
  cooperatives,
  inquiries,
  inquiryNotifications,
  inquiryProducts,
  inquiryThreadTokens,
  products,
} from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { INQUIRY_LIMITS } from '../../src/server/inquiries/input';
import { listInbox, openInquiry } from '../../src/server/inquiries/inbox';
import { lookUpInquiries } from '../../src/server/inquiries/status';
import { INQUIRY_ADDRESS_POLICY } from '../../src/server/inquiries/submit';
import { createTestCooperative, createTestUser, sessionUserOf } from '../support/accounts';
import { TEST_ENV } from '../support/api';
import { readJson } from '../support/http';
import { backgroundWork, validInquiry } from '../support/inquiries';
import { RecordingMailer } from '../support/recording-mailer';
import { bothStores } from '../support/stores';

const ORIGIN = 'http://localhost';
/** Errors come in the request's language: Vietnamese, as no Accept-Language is sent. */
const words = dictionary('vi').validation;

describe.each(bothStores('inquiry-requests'))('one request to several cooperatives on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  const mailer = new RecordingMailer();
  /** Set by a test to make the next batch fail after every statement of the request. */
  let failNextBatch = false;
  // Twelve cooperatives (one more than a request may reach), two products each.
  const shop: { cooperativeId: string; email: string; slugs: string[] }[] = [];

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    for (let c = 0; c < INQUIRY_LIMITS.requestCooperativesMax + 2; c++) {
      const cooperativeId = await createTestCooperative(db);
      const email = `htx${c}@example.vn`;
      await db.update(cooperatives).set({ email }).where(eq(cooperatives.id, cooperativeId));
      const slugs = [];
      for (let p = 0; p < 2; p++) {
        const id = newId();
        const slug = `sp-${c}-${p}-${id.slice(0, 6).toLowerCase()}`;
        await db.insert(products).values({
          id,
          slug,
          cooperativeId,
          nameVi: `Sản phẩm ${c}.${p}`,
          nameEn: `Product ${c}.${p}`,
          ocopGroup: 'thuc_pham',
          provinceCode: '01',
          traceCode: `T${id.slice(0, 10)}`,
          unitVi: 'kg',
          unitEn: 'kg',
          status: 'published',
        });
        slugs.push(slug);
      }
      shop.push({ cooperativeId, email, slugs });
    }
  }, 120_000);
  afterAll(async () => dispose?.());

  /** The database as the API sees it: its batch fails, once, after the request's statements when a test asks. */
  const seenByApi = () =>
    new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'batch') return Reflect.get(target, property, receiver);
        return (statements: Parameters<Database['batch']>[0]) => {
          if (!failNextBatch) return target.batch(statements);
          failNextBatch = false;
          // A NOT NULL column left empty: the store refuses the batch's last statement.
          return target.batch([...statements, target.run(sql`INSERT INTO inquiry_products (inquiry_id) VALUES ('x')`)]);
        };
      },
    });
  const api = createApi({
    database: async () => seenByApi(),
    driver: () => 'libsql',
    mailer: () => mailer,
    turnstile: () => null,
  });

  let address = 0;
  async function post(body: unknown, headers: Record<string, string> = {}, env: Partial<Env> = {}) {
    const work = backgroundWork();
    const res = await api.request(
      `${ORIGIN}/inquiries/requests`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: ORIGIN,
          'cf-connecting-ip': `198.51.100.${++address}`,
          ...headers,
        },
        body: JSON.stringify(body),
      },
      { ...TEST_ENV, ...env },
      work.context,
    );
    await work.settle();
    return res;
  }
  const request = (productSlugs: string[], overrides: Record<string, unknown> = {}) =>
    validInquiry({ products: productSlugs, ...overrides });
  const threadsOf = (requestReference: string) =>
    db.select().from(inquiries).where(eq(inquiries.requestReference, requestReference));
  const countRows = async () => ({
    inquiries: (await db.select({ n: sql<number>`count(*)` }).from(inquiries))[0]?.n,
    products: (await db.select({ n: sql<number>`count(*)` }).from(inquiryProducts))[0]?.n,
    tokens: (await db.select({ n: sql<number>`count(*)` }).from(inquiryThreadTokens))[0]?.n,
    mail: (await db.select({ n: sql<number>`count(*)` }).from(inquiryNotifications))[0]?.n,
  });

  it('gives each cooperative its own thread naming its products, all under one reference, and one receipt', async () => {
    const [a, b] = shop;
    const res = await post(request([a!.slugs[0]!, b!.slugs[0]!, a!.slugs[1]!]));
    expect(res.status).toBe(201);
    const { request: receipt } = await readJson(res);
    expect(receipt.reference).toMatch(/^HTX-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(receipt.statusUrl).toBe(`${ORIGIN}/hoi-hang/trang-thai?reference=${receipt.reference}`);
    expect(receipt.conversations).toHaveLength(2);
    expect(receipt.conversations.map((c: { products: { slug: string }[] }) => c.products.map((p) => p.slug))).toEqual([
      [a!.slugs[0], a!.slugs[1]],
      [b!.slugs[0]],
    ]);

    const threads = await threadsOf(receipt.reference);
    expect(threads.map((t) => t.cooperativeId).sort()).toEqual([a!.cooperativeId, b!.cooperativeId].sort());
    expect(new Set(threads.map((t) => t.reference)).size).toBe(2);
    const threadOfA = threads.find((t) => t.cooperativeId === a!.cooperativeId)!;
    const threadOfB = threads.find((t) => t.cooperativeId === b!.cooperativeId)!;
    // Several products: listed, not one of them picked; one product: the thread is about it, as any inquiry.
    expect(threadOfA.productId).toBeNull();
    expect(threadOfB.productId).not.toBeNull();
    const named = await db
      .select()
      .from(inquiryProducts)
      .where(inArray(inquiryProducts.inquiryId, [threadOfA.id, threadOfB.id]));
    expect(named).toHaveLength(3);

    // Each cooperative hears of its own thread only, and the buyer gets one receipt with both private links.
    const mails = mailer.sent.filter(
      (m) => m.text.includes(receipt.reference) || threads.some((t) => m.subject.includes(t.reference)),
    );
    expect(mails.filter((m) => m.to === a!.email).map((m) => m.subject)).toEqual([
      expect.stringContaining(threadOfA.reference),
    ]);
    expect(mails.find((m) => m.to === a!.email)?.text).toContain('Sản phẩm 0.0, Sản phẩm 0.1');
    expect(mails.filter((m) => m.to === b!.email)).toHaveLength(1);
    const receipts = mails.filter((m) => m.to === 'lan@example.com');
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.subject).toContain(receipt.reference);
    expect(receipts[0]?.text).toContain(threadOfA.reference);
    expect(receipts[0]?.text).toContain(threadOfB.reference);
    expect(receipts[0]?.text.match(/\/hoi-hang\/trao-doi\/[A-Za-z0-9_-]+/g)).toHaveLength(2);

    // The status look-up with the request's reference shows both conversations.
    const views = await lookUpInquiries(
      db,
      { reference: receipt.reference, contact: 'lan@example.com', clientAddress: '203.0.113.9' },
      new Date(),
    );
    expect(views.map((v) => v.reference).sort()).toEqual([threadOfA.reference, threadOfB.reference].sort());
    expect(views.find((v) => v.reference === threadOfA.reference)?.products.map((p) => p.slug)).toEqual(a!.slugs);
  });

  it('makes one thread of products that all come from one cooperative, and counts a product listed twice once', async () => {
    const c = shop[2]!;
    const res = await post(request([c.slugs[1]!, c.slugs[0]!, c.slugs[1]!]));
    expect(res.status).toBe(201);
    const { request: receipt } = await readJson(res);
    expect(receipt.conversations).toHaveLength(1);
    expect(receipt.conversations[0].products.map((p: { slug: string }) => p.slug)).toEqual([c.slugs[1], c.slugs[0]]);
    const [thread, ...more] = await threadsOf(receipt.reference);
    expect(more).toHaveLength(0);
    const named = await db.select().from(inquiryProducts).where(eq(inquiryProducts.inquiryId, thread!.id));
    expect(named.sort((x, y) => x.position - y.position).map((n) => n.position)).toEqual([0, 1]);
  });

  it('names each unknown product by its position, and stores nothing', async () => {
    const before = await countRows();
    const res = await post(request([shop[0]!.slugs[0]!, 'khong-co-san-pham-nay', shop[1]!.slugs[0]!, 'Not A Slug']));
    expect(res.status).toBe(422);
    const body = await readJson(res);
    expect(body.error.fields['products.1']).toBe(words.unknown_product);
    expect(body.error.fields['products.3']).toBe(words.unknown_product);
    expect(body.error.fields['products.0']).toBeUndefined();
    expect(await countRows()).toEqual(before);
  });

  it(`reaches at most ${INQUIRY_LIMITS.requestCooperativesMax} cooperatives and names at most ${INQUIRY_LIMITS.requestProductsMax} products`, async () => {
    const before = await countRows();
    const eleven = shop.slice(0, INQUIRY_LIMITS.requestCooperativesMax + 1).map((c) => c.slugs[0]!);
    const tooWide = await post(request(eleven));
    expect(tooWide.status).toBe(422);
    expect((await readJson(tooWide)).error.fields).toEqual({
      products: format(words.too_many_cooperatives, { max: INQUIRY_LIMITS.requestCooperativesMax }),
    });
    const ten = shop.slice(0, INQUIRY_LIMITS.requestCooperativesMax).map((c) => c.slugs[0]!);
    const tooLong = await post(request([...ten, ...ten, shop[0]!.slugs[1]!]));
    expect(tooLong.status).toBe(422);
    expect((await readJson(tooLong)).error.fields).toEqual({
      products: format(words.too_many_products, { max: INQUIRY_LIMITS.requestProductsMax }),
    });
    expect(await countRows()).toEqual(before);
    // Exactly at the limit is fine.
    expect((await post(request(ten))).status).toBe(201);
  });

  it('counts a request once against the client address, however many cooperatives it reaches', async () => {
    const same = { 'cf-connecting-ip': '203.0.113.77' };
    const three = [shop[3]!.slugs[0]!, shop[4]!.slugs[0]!, shop[5]!.slugs[0]!];
    for (let i = 0; i < INQUIRY_ADDRESS_POLICY.limit; i++) {
      expect((await post(request(three, { message: `Yêu cầu số ${i} về ba sản phẩm.` }), same)).status).toBe(201);
    }
    expect((await post(request(three), same)).status).toBe(429);
  });

  it('stores nothing when the batch fails', async () => {
    const before = await countRows();
    failNextBatch = true;
    const res = await post(request([shop[6]!.slugs[0]!, shop[7]!.slugs[0]!]));
    expect(res.status).toBe(500);
    expect(await countRows()).toEqual(before);
  });

  it('answers a repeated Idempotency-Key with the request stored the first time', async () => {
    const headers = { 'idempotency-key': `req-${newId()}` };
    const body = request([shop[8]!.slugs[0]!, shop[9]!.slugs[0]!]);
    const first = await post(body, headers);
    expect(first.status).toBe(201);
    const before = await countRows();
    const again = await post(body, headers);
    expect(again.status).toBe(200);
    expect((await readJson(again)).request).toEqual((await readJson(first)).request);
    expect(await countRows()).toEqual(before);
    const changed = await post({ ...body, message: 'Một nội dung khác hẳn lần trước.' }, headers);
    expect(changed.status).toBe(422);
  });

  /** The rows of these cooperatives' threads, and of everything the threads stored with them. */
  const storedFor = async (cooperativeIds: string[]) => {
    const threads = await db
      .select({ id: inquiries.id, requestReference: inquiries.requestReference })
      .from(inquiries)
      .where(inArray(inquiries.cooperativeId, cooperativeIds));
    const ids = threads.map((t) => t.id);
    const count = async (table: typeof inquiryProducts | typeof inquiryNotifications | typeof inquiryThreadTokens) =>
      ids.length === 0
        ? 0
        : ((
            await db
              .select({ n: sql<number>`count(*)` })
              .from(table)
              .where(inArray(table.inquiryId, ids))
          )[0]?.n ?? 0);
    return {
      threads,
      products: await count(inquiryProducts),
      mail: await count(inquiryNotifications),
      tokens: await count(inquiryThreadTokens),
    };
  };

  it('refuses one Idempotency-Key for another product list even when both requests arrive at once, storing nothing of the loser', async () => {
    const one = shop[10]!;
    const two = shop[11]!;
    const narrow = request([one.slugs[0]!]);
    const wide = request([one.slugs[0]!, two.slugs[0]!]);
    // Both orders: the request naming more cooperatives must not slip its extra thread in when it loses.
    for (const [firstBody, secondBody] of [
      [narrow, wide],
      [wide, narrow],
      [narrow, wide],
    ] as const) {
      const before = await storedFor([one.cooperativeId, two.cooperativeId]);
      const headers = { 'idempotency-key': `race-${newId()}` };
      const answers = await Promise.all([post(firstBody, headers), post(secondBody, headers)]);
      const statuses = answers.map((res) => res.status).sort();
      expect(statuses).toEqual([201, 422]);
      const won = answers.find((res) => res.status === 201)!;
      const lost = answers.find((res) => res.status === 422)!;
      expect((await readJson(lost)).error.fields).toEqual({ idempotencyKey: words.idempotency_key_reused });
      const { request: receipt } = await readJson(won);
      const after = await storedFor([one.cooperativeId, two.cooperativeId]);
      const added = after.threads.filter((t) => !before.threads.some((b) => b.id === t.id));
      // Exactly the winner's threads, all under its reference, with their products and mail; nothing else.
      expect(added).toHaveLength(receipt.conversations.length);
      expect(new Set(added.map((t) => t.requestReference))).toEqual(new Set([receipt.reference]));
      expect(after.products - before.products).toBe(
        receipt.conversations.reduce((n: number, c: { products: unknown[] }) => n + c.products.length, 0),
      );
      // Per thread: the cooperative's mail and reply address; the buyer's receipt once, a private link per thread.
      expect(after.mail - before.mail).toBe(receipt.conversations.length + 1);
      expect(after.tokens - before.tokens).toBe(2 * receipt.conversations.length);
    }
  });

  it('answers both of two requests racing with one Idempotency-Key and the same products with one stored request', async () => {
    const before = await countRows();
    const headers = { 'idempotency-key': `twin-${newId()}` };
    const body = request([shop[10]!.slugs[1]!, shop[11]!.slugs[1]!]);
    const answers = await Promise.all([post(body, headers), post(body, headers)]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 201]);
    const [a, b] = await Promise.all(answers.map(readJson));
    expect(a.request).toEqual(b.request);
    expect((await countRows()).inquiries).toBe(Number(before.inquiries) + 2);
  });

  it("looks a request up over the API by the request's reference, each conversation with its own status", async () => {
    const [a, b] = [shop[6]!, shop[7]!];
    const { request: receipt } = await readJson(await post(request([a.slugs[0]!, a.slugs[1]!, b.slugs[0]!])));
    const lookUp = (reference: string, contact = 'lan@example.com') =>
      api.request(
        `${ORIGIN}/inquiries/status`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: ORIGIN,
            'cf-connecting-ip': `198.51.100.${++address}`,
          },
          body: JSON.stringify({ reference, contact }),
        },
        TEST_ENV,
      );
    // One conversation has been read by its cooperative: the other still says received.
    const [threadOfB] = (await threadsOf(receipt.reference)).filter((t) => t.cooperativeId === b.cooperativeId);
    await db.update(inquiries).set({ status: 'read' }).where(eq(inquiries.id, threadOfB!.id));

    const res = await lookUp(receipt.reference.toLowerCase());
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.inquiry).toBeUndefined();
    expect(body.request.reference).toBe(receipt.reference);
    expect(
      body.request.conversations.map((c: { reference: string; status: string; products: { slug: string }[] }) => [
        c.reference,
        c.status,
        c.products.map((p) => p.slug),
      ]),
    ).toEqual(
      [
        [receipt.conversations[0].reference, 'received', a.slugs],
        [receipt.conversations[1].reference, 'read', [b.slugs[0]]],
      ].sort(([x], [y]) => String(x).localeCompare(String(y))),
    );
    // A conversation's own reference answers that conversation alone, with its products.
    const single = await readJson(await lookUp(receipt.conversations[0].reference));
    expect(single.request).toBeUndefined();
    expect(single.inquiry.reference).toBe(receipt.conversations[0].reference);
    expect(single.inquiry.product).toBeNull();
    expect(single.inquiry.products.map((p: { slug: string }) => p.slug)).toEqual(a.slugs);
    // The wrong contact finds nothing, for a request as for a conversation.
    expect((await lookUp(receipt.reference, 'someone@example.com')).status).toBe(404);
  });

  it("shows a several-product thread's products in the cooperative's inbox and on the inquiry's page", async () => {
    const c = shop[8]!;
    const { request: receipt } = await readJson(await post(request([c.slugs[1]!, c.slugs[0]!, shop[9]!.slugs[1]!])));
    const member = sessionUserOf(await createTestUser(db), 'member', c.cooperativeId);
    const inbox = await listInbox(db, member, 'all', 1);
    const item = inbox.items.find((i) => i.reference === receipt.conversations[0].reference);
    expect(item?.products.map((p) => p.slug)).toEqual([c.slugs[1], c.slugs[0]]);
    const detail = await openInquiry(db, member, receipt.conversations[0].reference, new Date());
    expect(detail.product).toBeNull();
    expect(detail.products.map((p) => p.nameVi)).toEqual(['Sản phẩm 8.1', 'Sản phẩm 8.0']);
    // An inquiry about one product names that one.
    const { request: other } = await readJson(await post(request([c.slugs[0]!])));
    const one = await openInquiry(db, member, other.conversations[0].reference, new Date());
    expect(one.products.map((p) => p.slug)).toEqual([c.slugs[0]]);
  });

  it('answers partner origins that INQUIRY_CORS_ORIGINS lists, as POST /inquiries does, and refuses the rest', async () => {
    const partner = 'https://partner.example';
    const env = { INQUIRY_CORS_ORIGINS: partner };
    const body = () => request([shop[5]!.slugs[1]!, shop[4]!.slugs[1]!]);
    const before = await countRows();
    expect((await post(body(), { origin: partner })).status).toBe(403);
    expect((await post(body(), { origin: 'https://evil.example' }, env)).status).toBe(403);
    expect(await countRows()).toEqual(before);
    const allowed = await post(body(), { origin: partner }, env);
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(partner);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await api.request(
      `${ORIGIN}/inquiries/requests`,
      {
        method: 'OPTIONS',
        headers: {
          origin: partner,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, idempotency-key',
        },
      },
      { ...TEST_ENV, ...env },
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(partner);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
  });
});
