/**
 * The cooperative's inbox over the API: members see, open, answer and sort
 * only their own cooperative's inquiries; another cooperative's member is
 * refused; spam held back is delivered when marked "not spam"; officers get
 * figures and no contents.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../functions/api';
import type { Database } from '../../src/server/db/client';
import { cooperatives, inquiries, inquiryNotifications, inquiryReplies, users } from '../../src/server/db/schema';
import { DEMO_ACCOUNTS } from '../../src/server/db/seed/accounts';
import type { MailMessage } from '../../src/server/mail/mailer';
import { sessionCookieFrom } from '../support/accounts';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';
import { backgroundWork, validInquiry } from '../support/inquiries';
import { TEST_ENV } from '../support/api';

const ORIGIN = 'http://localhost';

describe('inquiry inbox API', async () => {
  const db: Database = await demoDatabase();
  const sent: MailMessage[] = [];
  const api = createApi({
    database: async () => db,
    driver: () => 'libsql',
    mailer: () => ({ send: async (m) => void sent.push(m) }),
  });
  let address = 0;
  const request = (path: string, init: RequestInit & { cookie?: string } = {}, context?: ExecutionContext) =>
    api.request(
      `${ORIGIN}${path}`,
      {
        ...init,
        headers: {
          'content-type': 'application/json',
          origin: ORIGIN,
          'cf-connecting-ip': `192.0.2.${++address % 250}`,
          ...(init.cookie ? { cookie: init.cookie } : {}),
        },
      },
      TEST_ENV,
      context,
    );

  async function signIn(email: string) {
    const account = DEMO_ACCOUNTS.find((a) => a.email === email);
    const res = await request('/session', {
      method: 'POST',
      body: JSON.stringify({ email, password: account?.password }),
    });
    expect(res.status).toBe(200);
    return sessionCookieFrom(res) ?? '';
  }
  const manager1 = await signIn('quanly1@cho-htx.test');
  const member2 = await signIn('thanhvien2@cho-htx.test');
  const officer = await signIn('canbo@cho-htx.test');
  const [manager] = await db
    .select({ cooperativeId: users.cooperativeId })
    .from(users)
    .where(eq(users.email, 'quanly1@cho-htx.test'));
  const cooperativeId = manager?.cooperativeId ?? '';
  const [coop] = await db
    .select({ slug: cooperatives.slug, name: cooperatives.name })
    .from(cooperatives)
    .where(eq(cooperatives.id, cooperativeId));

  const coopName = coop?.name ?? '';
  async function send(overrides: Record<string, unknown> = {}) {
    const res = await request('/inquiries', {
      method: 'POST',
      body: JSON.stringify(validInquiry({ cooperative: coop?.slug, ...overrides })),
    });
    expect(res.status).toBe(201);
    return (await readJson(res)).inquiry.reference as string;
  }

  it('lists, opens (marking read), replies (mailed to the buyer), closes and reopens', async () => {
    const reference = await send();
    const list = await readJson(await request('/inquiries?status=new', { cookie: manager1 }));
    expect(list.items.map((i: { reference: string }) => i.reference)).toContain(reference);
    expect(list.counts.new).toBeGreaterThan(0);

    const opened = await request(`/inquiries/${reference}`, { cookie: manager1 });
    expect(opened.status).toBe(200);
    expect((await readJson(opened)).inquiry).toMatchObject({
      reference,
      status: 'read',
      email: 'lan@example.com',
      phone: '+84912345678',
    });

    const work = backgroundWork();
    const reply = await request(
      `/inquiries/${reference}/replies`,
      { method: 'POST', cookie: manager1, body: JSON.stringify({ body: 'Có hàng, giá sỉ 180.000 đ/kg.' }) },
      work.context,
    );
    expect(reply.status).toBe(201);
    await work.settle();
    const [row] = await db.select().from(inquiries).where(eq(inquiries.reference, reference));
    expect(row?.status).toBe('replied');
    expect(row?.firstRepliedAt).toBeInstanceOf(Date);
    expect(await db.$count(inquiryReplies, eq(inquiryReplies.inquiryId, row?.id ?? ''))).toBe(1);
    const mail = sent.find(
      (m) => m.to === 'lan@example.com' && m.subject === `Trả lời yêu cầu ${reference} từ ${coopName}`,
    );
    expect(mail?.text).toContain('Có hàng, giá sỉ 180.000 đ/kg.');
    expect(mail?.text).toContain(`/hoi-hang/trang-thai?reference=${reference}`);

    expect(
      await readJson(
        await request(`/inquiries/${reference}/actions`, {
          method: 'POST',
          cookie: manager1,
          body: JSON.stringify({ action: 'close' }),
        }),
      ),
    ).toEqual({ status: 'closed' });
    expect(
      await readJson(
        await request(`/inquiries/${reference}/actions`, {
          method: 'POST',
          cookie: manager1,
          body: JSON.stringify({ action: 'reopen' }),
        }),
      ),
    ).toEqual({ status: 'replied' });
    const empty = await request(`/inquiries/${reference}/replies`, {
      method: 'POST',
      cookie: manager1,
      body: JSON.stringify({ body: '   ' }),
    });
    expect(empty.status).toBe(422);
  });

  it('answers another cooperative’s member as for no inquiry (404), and refuses anonymous callers and officers', async () => {
    const reference = await send();
    for (const [path, init] of [
      [`/inquiries/${reference}`, {}],
      [`/inquiries/${reference}/replies`, { method: 'POST', body: JSON.stringify({ body: 'x' }) }],
      [`/inquiries/${reference}/actions`, { method: 'POST', body: JSON.stringify({ action: 'spam' }) }],
    ] as const) {
      const foreign = await request(path, { ...init, cookie: member2 });
      const unknown = await request(path.replace(reference, 'HTX-0000-0000'), { ...init, cookie: member2 });
      expect(foreign.status, path).toBe(404);
      expect(await readJson(foreign), path).toEqual(await readJson(unknown));
      expect((await request(path, { ...init, cookie: officer })).status, path).toBe(403);
      expect((await request(path, init)).status, path).toBe(401);
    }
    const list = await readJson(await request('/inquiries', { cookie: member2 }));
    expect(list.items.map((i: { reference: string }) => i.reference)).not.toContain(reference);
    expect((await request('/inquiries', { cookie: officer })).status).toBe(403);
    expect((await request('/inquiries/HTX-0000-0000', { cookie: manager1 })).status).toBe(404);
    const [row] = await db
      .select({ status: inquiries.status })
      .from(inquiries)
      .where(eq(inquiries.reference, reference));
    expect(row?.status).toBe('new');
  });

  it('delivers held spam when a member marks it not spam', async () => {
    const reference = await send({ message: 'casino bonus http://a.example http://b.example http://c.example' });
    const [row] = await db.select().from(inquiries).where(eq(inquiries.reference, reference));
    expect(row?.status).toBe('spam');
    expect(
      (
        await request(`/inquiries/${reference}/replies`, {
          method: 'POST',
          cookie: manager1,
          body: JSON.stringify({ body: 'Hi' }),
        })
      ).status,
    ).toBe(422);
    const work = backgroundWork();
    const res = await request(
      `/inquiries/${reference}/actions`,
      { method: 'POST', cookie: manager1, body: JSON.stringify({ action: 'not_spam' }) },
      work.context,
    );
    expect(await readJson(res)).toEqual({ status: 'read' });
    await work.settle();
    const notifications = await db
      .select()
      .from(inquiryNotifications)
      .where(eq(inquiryNotifications.inquiryId, row?.id ?? ''));
    expect(notifications.length).toBeGreaterThan(0);
    expect(notifications.every((n) => n.status === 'sent')).toBe(true);
  });

  it('gives officers figures per cooperative and province, without contents; members are refused', async () => {
    const res = await request('/inquiries/statistics', { cookie: officer });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    const mine = body.byCooperative.find((c: { slug: string }) => c.slug === coop?.slug);
    expect(mine.total).toBeGreaterThanOrEqual(3);
    expect(mine.replied).toBeGreaterThanOrEqual(1);
    expect(mine.medianResponseHours).toEqual(expect.any(Number));
    expect(body.byProvince.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/lan@example|Xin báo giá|Nguyễn Thị Lan/);
    expect((await request('/inquiries/statistics', { cookie: manager1 })).status).toBe(403);
  });
});
