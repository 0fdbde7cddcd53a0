/**
 * An inquiry as a thread over the API: the buyer's receipt carries a private
 * link; the token reads the thread and answers it; the cooperative hears of
 * the answer and sees it in its inbox; replies carry a link of their own; a
 * closed thread, an empty answer, a wrong or revoked token and a flood are
 * refused.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../functions/api';
import type { Database } from '../../src/server/db/client';
import { cooperatives, inquiries, inquiryNotifications, inquiryThreadTokens, users } from '../../src/server/db/schema';
import { DEMO_ACCOUNTS } from '../../src/server/db/seed/accounts';
import type { MailMessage } from '../../src/server/mail/mailer';
import { THREAD_ANSWER_POLICY, revokeThreadLinks } from '../../src/server/inquiries/thread';
import { sessionCookieFrom } from '../support/accounts';
import { demoDatabase } from '../support/demo';
import { readJson } from '../support/http';
import { backgroundWork, validInquiry } from '../support/inquiries';
import { TEST_ENV } from '../support/api';

const ORIGIN = 'http://localhost';
const BUYER = 'lan@example.com';

/** The private token in a mail's thread link (vi or en path). */
function threadTokenIn(mail: MailMessage | undefined): string {
  const match = /\/(?:hoi-hang\/trao-doi|en\/inquiries\/conversation)\/([a-z2-7]+)/.exec(mail?.text ?? '');
  expect(match, mail?.text).not.toBeNull();
  return match?.[1] ?? '';
}

describe('inquiry thread API', async () => {
  const db: Database = await demoDatabase();
  const sent: MailMessage[] = [];
  const api = createApi({
    database: async () => db,
    driver: () => 'libsql',
    mailer: () => ({ send: async (m) => void sent.push(m) }),
  });
  let address = 0;
  const request = (
    path: string,
    init: RequestInit & { cookie?: string; token?: string; ip?: string } = {},
    context?: ExecutionContext,
  ) =>
    api.request(
      `${ORIGIN}${path}`,
      {
        ...init,
        headers: {
          'content-type': 'application/json',
          origin: ORIGIN,
          'cf-connecting-ip': init.ip ?? `198.51.100.${++address % 250}`,
          ...(init.cookie ? { cookie: init.cookie } : {}),
          ...(init.token !== undefined ? { 'x-inquiry-thread-token': init.token } : {}),
        },
      },
      TEST_ENV,
      context,
    );

  const account = DEMO_ACCOUNTS.find((a) => a.email === 'quanly1@cho-htx.test');
  const signIn = await request('/session', {
    method: 'POST',
    body: JSON.stringify({ email: account?.email, password: account?.password }),
  });
  const manager1 = sessionCookieFrom(signIn) ?? '';
  const [manager] = await db
    .select({ cooperativeId: users.cooperativeId })
    .from(users)
    .where(eq(users.email, 'quanly1@cho-htx.test'));
  const [coop] = await db
    .select({ slug: cooperatives.slug })
    .from(cooperatives)
    .where(eq(cooperatives.id, manager?.cooperativeId ?? ''));

  /** Sends an inquiry and returns its reference and the token from the buyer's receipt. */
  async function send(overrides: Record<string, unknown> = {}) {
    const work = backgroundWork();
    const res = await request(
      '/inquiries',
      { method: 'POST', body: JSON.stringify(validInquiry({ cooperative: coop?.slug, ...overrides })) },
      work.context,
    );
    expect(res.status).toBe(201);
    await work.settle();
    const reference = (await readJson(res)).inquiry.reference as string;
    const receipt = sent.find((m) => m.to === BUYER && m.subject.includes(reference));
    return { reference, receipt, token: threadTokenIn(receipt) };
  }

  const answer = (token: string, body: string, context?: ExecutionContext, ip?: string) =>
    request('/inquiries/thread/messages', { method: 'POST', token, ip, body: JSON.stringify({ body }) }, context);

  it('mails the buyer a receipt in their language, with the reference, a private link and the status page', async () => {
    const { reference, receipt, token } = await send({ locale: 'en' });
    expect(receipt?.subject).toContain(reference);
    expect(receipt?.text).toContain(`/en/inquiries/conversation/${token}`);
    expect(receipt?.text).toContain(`/en/inquiries/status?reference=${reference}`);
    expect(receipt?.text).toContain('Chợ HTX received your inquiry');
    // Only the hash is kept: the token itself is nowhere in the database.
    const stored = await db.select({ hash: inquiryThreadTokens.tokenHash }).from(inquiryThreadTokens);
    expect(stored.some((s) => s.hash === token)).toBe(false);
    expect(stored.length).toBeGreaterThan(0);
  });

  it('sends no receipt to an inquiry with only a phone number', async () => {
    const res = await request('/inquiries', {
      method: 'POST',
      body: JSON.stringify(validInquiry({ cooperative: coop?.slug, email: null })),
    });
    expect(res.status).toBe(201);
    const reference = (await readJson(res)).inquiry.reference as string;
    const [row] = await db.select({ id: inquiries.id }).from(inquiries).where(eq(inquiries.reference, reference));
    // No private link for the buyer (the cooperative's reply address is the cooperative's own).
    expect(
      await db.$count(
        inquiryThreadTokens,
        and(eq(inquiryThreadTokens.inquiryId, row?.id ?? ''), eq(inquiryThreadTokens.party, 'buyer')),
      ),
    ).toBe(0);
    expect(
      await db.$count(
        inquiryNotifications,
        and(eq(inquiryNotifications.inquiryId, row?.id ?? ''), eq(inquiryNotifications.kind, 'buyer_receipt')),
      ),
    ).toBe(0);
  });

  it('goes both ways: the buyer reads, the cooperative replies, the buyer answers, the cooperative sees it', async () => {
    const { reference, token } = await send();
    const read = await request('/inquiries/thread', { token });
    expect(read.status).toBe(200);
    expect(read.headers.get('cache-control')).toContain('no-store');
    const first = (await readJson(read)).thread;
    expect(first).toMatchObject({ reference, status: 'received', open: true });
    expect(first.messages).toHaveLength(1);
    expect(first.messages[0].author).toBe('buyer');

    let work = backgroundWork();
    const reply = await request(
      `/inquiries/${reference}/replies`,
      { method: 'POST', cookie: manager1, body: JSON.stringify({ body: 'Có hàng, giá sỉ 180.000 đ/kg.' }) },
      work.context,
    );
    expect(reply.status).toBe(201);
    await work.settle();
    const replyMail = sent.find((m) => m.to === BUYER && m.text.includes('180.000 đ/kg'));
    // A link of its own, which works alongside the receipt's.
    const replyToken = threadTokenIn(replyMail);
    expect(replyToken).not.toBe(token);
    const afterReply = (await readJson(await request('/inquiries/thread', { token: replyToken }))).thread;
    expect(afterReply.status).toBe('replied');
    expect(afterReply.messages.map((m: { author: string }) => m.author)).toEqual(['buyer', 'cooperative']);

    work = backgroundWork();
    const answered = await answer(token, 'Xin gửi mẫu <b>2 kg</b> trước.', work.context);
    expect(answered.status).toBe(201);
    await work.settle();
    const [row] = await db.select().from(inquiries).where(eq(inquiries.reference, reference));
    expect(row?.status).toBe('new');
    const coopMail = await db
      .select()
      .from(inquiryNotifications)
      .where(eq(inquiryNotifications.kind, 'cooperative_buyer_reply'));
    expect(coopMail.filter((n) => n.inquiryId === row?.id && n.status === 'sent').length).toBeGreaterThan(0);
    expect(sent.some((m) => m.subject.includes(reference) && m.text.includes('Xin gửi mẫu <b>2 kg</b> trước.'))).toBe(
      true,
    );

    const detail = (await readJson(await request(`/inquiries/${reference}`, { cookie: manager1 }))).inquiry;
    expect(detail.replies.map((r: { author: string }) => r.author)).toEqual(['cooperative', 'buyer']);
    expect(detail.buyerLastWroteAt).toBe(detail.replies[1].createdAt);
  });

  it('refuses an empty or closed answer (422) and a wrong, missing or revoked token (404)', async () => {
    const { reference, token } = await send();
    expect((await answer(token, '   ')).status).toBe(422);
    for (const wrong of ['', 'a'.repeat(52), `${token}x`]) {
      expect((await request('/inquiries/thread', { token: wrong })).status).toBe(404);
      expect((await answer(wrong, 'Còn hàng không?')).status).toBe(404);
    }
    expect((await request('/inquiries/thread')).status).toBe(404);

    await request(`/inquiries/${reference}/actions`, {
      method: 'POST',
      cookie: manager1,
      body: JSON.stringify({ action: 'close' }),
    });
    const closed = await answer(token, 'Còn hàng không?');
    expect(closed.status).toBe(422);
    expect((await readJson(closed)).error.fields.body).toContain('đã đóng trao đổi');
    expect((await readJson(await request('/inquiries/thread', { token }))).thread.open).toBe(false);

    await revokeThreadLinks(db, token, new Date());
    expect((await request('/inquiries/thread', { token })).status).toBe(404);
  });

  it('limits answers per thread, whatever the address (429)', async () => {
    const { token } = await send();
    const statuses: number[] = [];
    for (let i = 0; i <= THREAD_ANSWER_POLICY.limit; i++) {
      statuses.push((await answer(token, `Câu hỏi số ${i} về giá.`, undefined, `203.0.113.${i}`)).status);
    }
    expect(statuses.slice(0, THREAD_ANSWER_POLICY.limit).every((s) => s === 201)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
