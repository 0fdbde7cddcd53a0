/**
 * POST /api/v1/inquiries and the buyer's status look-up on a migrated SQLite
 * with the demo catalogue: every validation rule and status code, the
 * Idempotency-Key (also under concurrent requests), rate limits, honeypot,
 * spam, Turnstile, CORS, and mail after the response.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../functions/api';
import type { Database } from '../../src/server/db/client';
import { cooperatives, inquiries, inquiryNotifications, products } from '../../src/server/db/schema';
import { INQUIRY_ADDRESS_POLICY, INQUIRY_TARGET_POLICY } from '../../src/server/inquiries/submit';
import { STATUS_LOOKUP_POLICY } from '../../src/server/inquiries/status';
import type { MailMessage } from '../../src/server/mail/mailer';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';
import { backgroundWork, validInquiry } from '../support/inquiries';
import { TEST_ENV } from '../support/api';

const ORIGIN = 'http://localhost';

describe('POST /inquiries', async () => {
  const db: Database = await demoDatabase();
  const sent: MailMessage[] = [];
  let turnstileAnswer: boolean | null = null;
  const api = createApi({
    database: async () => db,
    driver: () => 'libsql',
    mailer: () => ({ send: async (message) => void sent.push(message) }),
    turnstile: () =>
      turnstileAnswer === null ? null : async (token) => turnstileAnswer === true && token === 'good-token',
  });
  const [product] = await db
    .select({ id: products.id, slug: products.slug, cooperativeId: products.cooperativeId })
    .from(products)
    .where(eq(products.status, 'published'))
    .limit(1);
  if (!product) throw new Error('demo data has no published product');
  const [cooperative] = await db
    .select({ slug: cooperatives.slug, email: cooperatives.email })
    .from(cooperatives)
    .where(eq(cooperatives.id, product.cooperativeId));
  const [otherCooperative] = await db
    .select({ slug: cooperatives.slug })
    .from(cooperatives)
    .where(and(eq(cooperatives.status, 'active')))
    .limit(2)
    .then((rows) => rows.filter((r) => r.slug !== cooperative?.slug));
  if (!cooperative || !otherCooperative) throw new Error('demo data needs two cooperatives');

  let address = 0;
  const nextAddress = () => `192.0.2.${++address % 250}.${address}`.split('.').slice(0, 4).join('.');

  async function post(
    body: unknown,
    headers: Record<string, string> = {},
    env: Partial<Env> = {},
    context?: ExecutionContext,
  ) {
    return api.request(
      `${ORIGIN}/inquiries`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': nextAddress(), ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      },
      { ...TEST_ENV, ...env },
      context,
    );
  }
  const forProduct = (overrides: Record<string, unknown> = {}) => validInquiry({ product: product.slug, ...overrides });
  const rowByReference = async (reference: string) =>
    (await db.select().from(inquiries).where(eq(inquiries.reference, reference)))[0];

  it('stores the inquiry and answers 201 with a reference and a status link, nothing personal', async () => {
    const work = backgroundWork();
    const res = await post(forProduct(), {}, {}, work.context);
    expect(res.status).toBe(201);
    const body = await readJson(res);
    expect(body.inquiry.reference).toMatch(/^HTX-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(body.inquiry.status).toBe('received');
    expect(body.inquiry.statusUrl).toBe(`${ORIGIN}/hoi-hang/trang-thai?reference=${body.inquiry.reference}`);
    expect(JSON.stringify(body)).not.toMatch(/lan@example|912345678|Lan Anh/);
    const row = await rowByReference(body.inquiry.reference);
    expect(row).toMatchObject({
      productId: product.id,
      cooperativeId: product.cooperativeId,
      phone: '+84912345678',
      email: 'lan@example.com',
      status: 'new',
      consentToContact: true,
      // The consent is to the notice linked beside the box, in the version the buyer was shown: the one that
      // tells of mail through Cloudflare Email Service, replies by mail and notification digests.
      consentNoticeVersion: '2026-12-03.2',
      anonymisedAt: null,
      country: 'VN',
    });
    // Stored before any mail; the mail goes out after the response.
    const queued = await db
      .select()
      .from(inquiryNotifications)
      .where(eq(inquiryNotifications.inquiryId, row?.id ?? ''));
    expect(queued.length).toBeGreaterThan(0);
    await work.settle();
    const mails = sent.filter((m) => m.subject.includes(body.inquiry.reference));
    expect(mails.map((m) => m.to).sort()).toEqual(queued.map((q) => q.recipient).sort());
    expect(mails[0]?.text).toContain('Xin báo giá sỉ 500 kg');
    const after = await db
      .select()
      .from(inquiryNotifications)
      .where(eq(inquiryNotifications.inquiryId, row?.id ?? ''));
    expect(after.every((n) => n.status === 'sent' && n.attempts === 1)).toBe(true);
  });

  describe('links in mail and in the answer', () => {
    // A client may name any Host; links that reach people are on the configured origin only.
    const forgedHost = (env: Partial<Env>, context?: ExecutionContext) =>
      api.request(
        'http://evil.example/inquiries',
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: 'http://evil.example',
            'cf-connecting-ip': nextAddress(),
          },
          body: JSON.stringify(forProduct()),
        },
        env as Env,
        context,
      );

    it('are built on PUBLIC_ORIGIN, whatever Host the request names', async () => {
      const work = backgroundWork();
      const res = await forgedHost({ PUBLIC_ORIGIN: 'https://cho-htx.example.vn' }, work.context);
      expect(res.status).toBe(201);
      const { inquiry } = await readJson(res);
      expect(inquiry.statusUrl).toBe(`https://cho-htx.example.vn/hoi-hang/trang-thai?reference=${inquiry.reference}`);
      await work.settle();
      const mails = sent.filter((m) => m.subject.includes(inquiry.reference));
      expect(mails.length).toBeGreaterThan(0);
      for (const mail of mails) {
        expect(mail.text).toContain('https://cho-htx.example.vn/');
        expect(mail.text).not.toContain('evil.example');
      }
    });

    it('are never built on the request’s Host: without PUBLIC_ORIGIN nothing is stored or sent', async () => {
      const work = backgroundWork();
      const stored = (await db.select({ id: inquiries.id }).from(inquiries)).length;
      const mailed = sent.length;
      const res = await forgedHost({}, work.context);
      await work.settle();
      expect(res.status).toBe(500);
      expect(await res.text()).not.toContain('evil.example');
      expect((await db.select({ id: inquiries.id }).from(inquiries)).length).toBe(stored);
      expect(sent.length).toBe(mailed);
    });
  });

  it('takes a cooperative alone, and a product with its own cooperative', async () => {
    expect((await post(validInquiry({ cooperative: cooperative.slug }))).status).toBe(201);
    expect((await post(forProduct({ cooperative: cooperative.slug }))).status).toBe(201);
  });

  it('normalises Vietnamese phone numbers with or without +84 and a foreign one with its code', async () => {
    for (const [typed, e164] of [
      ['0912345678', '+84912345678'],
      ['+84 91 234 5678', '+84912345678'],
      ['84912345678', '+84912345678'],
      ['(024) 3825 1234', '+842438251234'],
      ['+1 202 555 0143', '+12025550143'],
    ] as const) {
      const res = await post(forProduct({ phone: typed, email: undefined }));
      expect(res.status, typed).toBe(201);
      expect((await rowByReference((await readJson(res)).inquiry.reference))?.phone).toBe(e164);
    }
  });

  const invalid: [string, Record<string, unknown>, string, string][] = [
    ['no name', { name: '  ' }, 'name', 'Trường này là bắt buộc.'],
    ['a name too long', { name: 'x'.repeat(121) }, 'name', ''],
    ['a message too short', { message: 'Giá?' }, 'message', ''],
    ['a message too long', { message: 'x'.repeat(5001) }, 'message', ''],
    ['neither email nor phone', { email: undefined, phone: undefined }, 'email', ''],
    ['a wrong email', { email: 'lan@' }, 'email', ''],
    ['a wrong phone', { phone: '12345' }, 'phone', ''],
    ['an unknown country', { country: 'XX' }, 'country', ''],
    ['a misspelt country name', { country: 'Nhat Bam' }, 'country', 'Không rõ quốc gia này. Có phải là “Nhật Bản”?'],
    ['a quantity without unit', { unit: undefined }, 'unit', ''],
    ['a negative quantity', { quantity: -5 }, 'quantity', ''],
    ['a quantity too large', { quantity: 2e9 }, 'quantity', ''],
    ['a quantity as text', { quantity: 'nhiều' }, 'quantity', ''],
    ['a date that does not exist', { wantedBy: '2027-02-30' }, 'wantedBy', ''],
    ['a date in the past', { wantedBy: '2020-01-01' }, 'wantedBy', ''],
    ['a date too far ahead', { wantedBy: '2099-01-01' }, 'wantedBy', ''],
    ['no consent', { consent: false }, 'consent', ''],
    ['consent missing', { consent: undefined }, 'consent', ''],
    ['an unknown locale', { locale: 'fr' }, 'locale', ''],
    ['no target', { product: undefined }, 'product', ''],
    ['a product of another cooperative', { cooperative: 'htx-khong-lien-quan' }, 'cooperative', ''],
  ];
  for (const [what, overrides, field, message] of invalid) {
    it(`refuses ${what} (422, names ${field})`, async () => {
      const body =
        what === 'a product of another cooperative'
          ? forProduct({ cooperative: otherCooperative.slug })
          : forProduct(overrides);
      if (what === 'no target') delete body.product;
      const res = await post(body);
      expect(res.status).toBe(422);
      const json = await readJson(res);
      expect(json.error.code).toBe('validation_failed');
      expect(Object.keys(json.error.fields)).toContain(field);
      if (message) expect(json.error.fields[field]).toBe(message);
    });
  }

  it('names every wrong field at once, in the language asked for', async () => {
    const res = await post(forProduct({ name: '', email: 'nope', country: 'xx', consent: false, message: 'hi' }), {
      'accept-language': 'en',
    });
    expect(res.status).toBe(422);
    const { error } = await readJson(res);
    expect(Object.keys(error.fields).sort()).toEqual(['consent', 'country', 'email', 'message', 'name']);
    expect(error.fields.email).toBe('Not a valid email address.');
    expect(error.fields.consent).toBe('Your consent to be contacted is needed.');
  });

  it('answers 404 for an unknown product or cooperative, naming it', async () => {
    const unknownProduct = await post(validInquiry({ product: 'khong-co-san-pham-nay' }));
    expect(unknownProduct.status).toBe(404);
    expect(Object.keys((await readJson(unknownProduct)).error.fields)).toEqual(['product']);
    const unknownCooperative = await post(validInquiry({ cooperative: 'khong-co-htx-nay' }));
    expect(unknownCooperative.status).toBe(404);
    expect(Object.keys((await readJson(unknownCooperative)).error.fields)).toEqual(['cooperative']);
  });

  it('answers 400 for JSON that does not parse, 415 for another content type, 413 for a large body', async () => {
    const malformed = await post('{"name": ');
    expect(malformed.status).toBe(400);
    expect((await readJson(malformed)).error.code).toBe('invalid_json');
    const form = await post(new URLSearchParams({ name: 'x' }).toString(), {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect((await readJson(form)).error.code).toBe('unsupported_media_type');
    const large = await post(forProduct({ message: 'x'.repeat(40_000) }));
    expect(large.status).toBe(413);
    expect((await readJson(large)).error.code).toBe('payload_too_large');
    const count = await db.$count(inquiries);
    expect((await post(forProduct({ message: 'x'.repeat(40_000) }), { 'content-length': '999999' })).status).toBe(413);
    expect(await db.$count(inquiries)).toBe(count);
  });

  it('returns the same inquiry for the same Idempotency-Key (200, same body), never a second row', async () => {
    const key = crypto.randomUUID();
    const first = await post(forProduct(), { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const again = await post(forProduct(), { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(await readJson(again)).toEqual(await readJson(first));
    expect(await db.$count(inquiries, eq(inquiries.idempotencyKey, key))).toBe(1);
  });

  it('keeps one row when requests with one key race', async () => {
    const key = crypto.randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => post(forProduct(), { 'idempotency-key': key })),
    );
    const bodies = await Promise.all(responses.map((r) => readJson(r)));
    expect(responses.map((r) => r.status).filter((s) => s === 201)).toHaveLength(1);
    expect(responses.every((r) => r.status === 201 || r.status === 200)).toBe(true);
    expect(new Set(bodies.map((b) => b.inquiry.reference)).size).toBe(1);
    const rows = await db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.idempotencyKey, key));
    expect(rows).toHaveLength(1);
    // One set of notifications: the losing batches queued nothing.
    const recipients = await db
      .select({ to: inquiryNotifications.recipient })
      .from(inquiryNotifications)
      .where(eq(inquiryNotifications.inquiryId, rows[0]?.id ?? ''));
    expect(new Set(recipients.map((r) => r.to)).size).toBe(recipients.length);
  });

  it('refuses a key reused for different fields, and a malformed key (422)', async () => {
    const key = crypto.randomUUID();
    expect((await post(forProduct(), { 'idempotency-key': key })).status).toBe(201);
    const reused = await post(forProduct({ message: 'Một câu hỏi hoàn toàn khác về sản phẩm.' }), {
      'idempotency-key': key,
    });
    expect(reused.status).toBe(422);
    expect(Object.keys((await readJson(reused)).error.fields)).toEqual(['idempotencyKey']);
    expect((await post(forProduct(), { 'idempotency-key': 'short' })).status).toBe(422);
  });

  it('limits one address: the next inquiry after the limit is 429 with Retry-After', async () => {
    const ip = '198.51.100.77';
    for (let i = 0; i < INQUIRY_ADDRESS_POLICY.limit; i++) {
      expect(
        (await post(validInquiry({ cooperative: otherCooperative.slug }), { 'cf-connecting-ip': ip })).status,
      ).toBe(201);
    }
    const refused = await post(validInquiry({ cooperative: otherCooperative.slug }), { 'cf-connecting-ip': ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(60 * 50);
    expect((await readJson(refused)).error.code).toBe('rate_limited');
  });

  it('limits one cooperative across addresses', async () => {
    const { db: fresh } = await import('../support/libsql').then((m) => m.migratedMemoryDatabase());
    const { seedDemoData, seedReferenceData } = await import('../../src/server/db/seeding');
    await seedReferenceData(fresh);
    await seedDemoData(fresh, new Date());
    const own = createApi({
      database: async () => fresh,
      driver: () => 'libsql',
      mailer: () => ({ send: async () => {} }),
    });
    const send = (i: number) =>
      own.request(
        `${ORIGIN}/inquiries`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': `203.0.113.${i}` },
          body: JSON.stringify(validInquiry({ cooperative: otherCooperative.slug })),
        },
        TEST_ENV,
      );
    for (let i = 0; i < INQUIRY_TARGET_POLICY.limit; i++) expect((await send(i)).status).toBe(201);
    expect((await send(200)).status).toBe(429);
  });

  it('answers a filled honeypot as if accepted, and stores nothing', async () => {
    const before = await db.$count(inquiries);
    const res = await post(forProduct({ website: 'http://spam.example' }));
    expect(res.status).toBe(201);
    expect((await readJson(res)).inquiry.reference).toMatch(/^HTX-/);
    expect(await db.$count(inquiries)).toBe(before);
  });

  it('holds spam for review: stored as spam, no mail queued', async () => {
    const res = await post(
      forProduct({ message: 'Cheap viagra and casino bonus http://a.example http://b.example http://c.example' }),
    );
    expect(res.status).toBe(201);
    const row = await rowByReference((await readJson(res)).inquiry.reference);
    expect(row?.status).toBe('spam');
    expect(await db.$count(inquiryNotifications, eq(inquiryNotifications.inquiryId, row?.id ?? ''))).toBe(0);
  });

  it('checks Turnstile when configured', async () => {
    turnstileAnswer = true;
    try {
      const without = await post(forProduct());
      expect(without.status).toBe(422);
      expect(Object.keys((await readJson(without)).error.fields)).toEqual(['turnstileToken']);
      expect((await post(forProduct({ turnstileToken: 'bad-token' }))).status).toBe(422);
      expect((await post(forProduct({ turnstileToken: 'good-token' }))).status).toBe(201);
    } finally {
      turnstileAnswer = null;
    }
  });

  it('refuses other origins unless INQUIRY_CORS_ORIGINS lists them; then CORS headers, no credentials', async () => {
    const partner = 'https://partner.example';
    expect((await post(forProduct(), { origin: partner })).status).toBe(403);
    const env = { INQUIRY_CORS_ORIGINS: `${partner}, https://other.example` };
    const allowed = await post(forProduct(), { origin: partner }, env);
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(partner);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await post(forProduct(), { origin: 'https://evil.example' }, env)).status).toBe(403);
    const preflight = await api.request(
      `${ORIGIN}/inquiries`,
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
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    // Only the public POST: the buyer's status look-up stays same-origin.
    const status = await api.request(
      `${ORIGIN}/inquiries/status`,
      {
        method: 'POST',
        headers: { origin: partner, 'content-type': 'application/json' },
        body: JSON.stringify({ reference: 'HTX-0000-0000', contact: 'a@b.c' }),
      },
      { ...TEST_ENV, ...env },
    );
    expect(status.status).toBe(403);
  });

  describe('status look-up', () => {
    const lookUp = (reference: string, contact: string, ip = nextAddress(), lang = 'vi') =>
      api.request(
        `${ORIGIN}/inquiries/status?lang=${lang}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: ORIGIN, 'cf-connecting-ip': ip },
          body: JSON.stringify({ reference, contact }),
        },
        TEST_ENV,
      );

    it('shows the inquiry with its reference and the email or phone, in any case or spacing', async () => {
      const { inquiry } = await readJson(await post(forProduct()));
      const byEmail = await lookUp(inquiry.reference.toLowerCase().replace(/-/g, ' '), 'LAN@example.com');
      expect(byEmail.status).toBe(200);
      const body = await readJson(byEmail);
      expect(body.inquiry).toMatchObject({ reference: inquiry.reference, status: 'received', replies: [] });
      expect(body.inquiry.product.slug).toBe(product.slug);
      expect(body.inquiry).not.toHaveProperty('email');
      expect((await lookUp(inquiry.reference, '+84 912 345 678')).status).toBe(200);
    });

    it('answers a wrong code and a wrong email the same way', async () => {
      const { inquiry } = await readJson(await post(forProduct()));
      const wrongEmail = await lookUp(inquiry.reference, 'someone@example.com');
      const wrongCode = await lookUp('HTX-0000-0000', 'lan@example.com');
      const garbage = await lookUp('not a code', 'lan@example.com');
      expect([wrongEmail.status, wrongCode.status, garbage.status]).toEqual([404, 404, 404]);
      const [a, b, c] = await Promise.all([readJson(wrongEmail), readJson(wrongCode), readJson(garbage)]);
      expect(a).toEqual(b);
      expect(b).toEqual(c);
      expect(a.error.code).toBe('inquiry_not_found');
    });

    it('counts failed look-ups only: a buyer checking often is never refused', async () => {
      const { inquiry } = await readJson(await post(forProduct()));
      const ip = '198.51.100.201';
      for (let i = 0; i <= STATUS_LOOKUP_POLICY.limit; i++)
        expect((await lookUp(inquiry.reference, 'lan@example.com', ip)).status).toBe(200);
      expect((await lookUp('HTX-0000-0000', 'lan@example.com', ip)).status).toBe(404);
    });

    it('limits failed look-ups per address', async () => {
      const ip = '198.51.100.200';
      let status = 0;
      for (let i = 0; i <= STATUS_LOOKUP_POLICY.limit && status !== 429; i++)
        status = (await lookUp('HTX-0000-0000', `x${i}@example.com`, ip)).status;
      expect(status).toBe(429);
    });
  });
});
