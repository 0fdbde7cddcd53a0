/**
 * Replies by mail to an inquiry's thread (src/server/inquiries/inbound-mail.ts), on D1 (workerd) and libSQL:
 * the buyer's reply to their thread address is stored as the buyer's message without the quoted text and the
 * cooperative is told; the cooperative's address writes as the cooperative; everything else (unknown, revoked,
 * automatic, oversized, forged, closed or spam threads, attachments, HTML-only script) is refused and nothing is
 * stored. The worker's glue (functions/inbound-mail.ts) rejects through setReject and never throws on bad mail.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleInboundMail, type InboundMessage } from '../../functions/inbound-mail';
import { servicesFor } from '../../functions/request-services';
import type { Database } from '../../src/server/db/client';
import { newId } from '../../src/server/db/ids';
import { cooperatives, inquiries, inquiryNotifications, inquiryReplies } from '../../src/server/db/schema';
import { seedReferenceData } from '../../src/server/db/seeding';
import { INBOUND_RAW_MAX_BYTES, receiveThreadMail } from '../../src/server/inquiries/inbound-mail';
import { inquiryLinks } from '../../src/server/inquiries/links';
import { replyAddress, tokenOfReplyAddress } from '../../src/server/inquiries/reply-address';
import { revokeThreadLinks } from '../../src/server/inquiries/thread';
import { issueThreadToken } from '../../src/server/inquiries/thread-tokens';
import { createTestCooperative, createTestUser } from '../support/accounts';
import { backgroundWork } from '../support/inquiries';
import { bothStores } from '../support/stores';

const DOMAIN = 'reply.cho-htx.test';
const links = inquiryLinks('https://cho-htx.test', DOMAIN);
const NOW = new Date('2026-12-03T03:00:00Z');
const BUYER = 'lan@example.vn';
const COOPERATIVE = 'htx@example.vn';

function rawMail(options: { from: string; to: string; body: string; headers?: string[]; contentType?: string }) {
  return [
    `From: Someone <${options.from}>`,
    `To: ${options.to}`,
    'Subject: Re: HTX-TEST',
    `Message-ID: <${newId()}@example.vn>`,
    'MIME-Version: 1.0',
    `Content-Type: ${options.contentType ?? 'text/plain; charset=utf-8'}`,
    'Content-Transfer-Encoding: 8bit',
    ...(options.headers ?? []),
    '',
    options.body,
  ].join('\r\n');
}

function withAttachment(from: string, to: string) {
  return [
    `From: ${from}`,
    `To: ${to}`,
    'Subject: Re: HTX-TEST',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Báo giá kèm theo.',
    '--b1',
    'Content-Type: application/pdf; name="bao-gia.pdf"',
    'Content-Disposition: attachment; filename="bao-gia.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    'JVBERi0xLjQK',
    '--b1--',
  ].join('\r\n');
}

describe.each(bothStores('inbound-mail'))('replies by mail on $name', ({ open }) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let cooperativeId: string;

  beforeAll(async () => {
    ({ db, dispose } = await open());
    await seedReferenceData(db);
    cooperativeId = await createTestCooperative(db);
    await db.update(cooperatives).set({ email: COOPERATIVE }).where(eq(cooperatives.id, cooperativeId));
  }, 120_000);
  afterAll(async () => dispose?.());

  /** An inquiry in `status` with the buyer's and the cooperative's reply addresses. */
  async function thread(status: 'new' | 'replied' | 'closed' | 'spam' = 'replied') {
    const id = newId();
    await db.insert(inquiries).values({
      id,
      reference: `HTX-${id.slice(0, 4).toUpperCase()}-${id.slice(4, 8).toUpperCase()}`,
      cooperativeId,
      buyerName: 'Nguyễn Thị Lan',
      email: BUYER,
      country: 'VN',
      message: 'Xin báo giá 200 kg mận.',
      locale: 'vi',
      consentToContact: true,
      status,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const buyer = issueThreadToken(db, id, NOW);
    const cooperative = issueThreadToken(db, id, NOW, 'cooperative');
    await db.batch([buyer.statement, cooperative.statement]);
    return {
      id,
      buyerAddress: replyAddress(buyer.token, DOMAIN),
      coopAddress: replyAddress(cooperative.token, DOMAIN),
    };
  }

  const receive = (raw: string, to: string, from = BUYER, rawSize = raw.length) =>
    receiveThreadMail(db, { from, to, raw, rawSize }, links, NOW);
  const messagesOf = (id: string) => db.select().from(inquiryReplies).where(eq(inquiryReplies.inquiryId, id));

  it("stores the buyer's reply without the quote, puts the inquiry back to unread and mails the cooperative", async () => {
    const { id, buyerAddress } = await thread();
    const body = 'Dạ, em lấy 200 kg ạ.\n\nVào Th 5, 3 thg 12, 2026 HTX Thử <x@y.vn> đã viết:\n> Giá 35.000 đ/kg';
    const outcome = await receive(rawMail({ from: BUYER, to: buyerAddress, body }), buyerAddress);
    expect(outcome).toMatchObject({ accepted: true, author: 'buyer', notify: true });
    const [message] = await messagesOf(id);
    expect(message).toMatchObject({ author: 'buyer', body: 'Dạ, em lấy 200 kg ạ.', authorUserId: null });
    const [row] = await db.select({ status: inquiries.status }).from(inquiries).where(eq(inquiries.id, id));
    expect(row?.status).toBe('new');
    const [mail] = await db
      .select()
      .from(inquiryNotifications)
      .where(and(eq(inquiryNotifications.inquiryId, id), eq(inquiryNotifications.kind, 'cooperative_buyer_reply')));
    expect(mail?.recipient).toBe(COOPERATIVE);
    expect(mail?.textBody).toContain('Dạ, em lấy 200 kg ạ.');
    // The cooperative's mail carries its own reply address, which is not the buyer's.
    expect(tokenOfReplyAddress(mail?.replyTo ?? '')).not.toBeNull();
    expect(mail?.replyTo).not.toBe(buyerAddress);
  });

  it("stores the cooperative's reply from its address as the cooperative's, and mails the buyer a reply address", async () => {
    const { id, coopAddress } = await thread('new');
    const member = await createTestUser(db, { role: 'member', cooperativeId });
    const outcome = await receive(
      rawMail({ from: member.email, to: coopAddress, body: 'Còn hàng, giao được 20/12.\n-- \nHTX Thử' }),
      coopAddress,
      member.email,
    );
    expect(outcome).toMatchObject({ accepted: true, author: 'cooperative' });
    const [message] = await messagesOf(id);
    expect(message).toMatchObject({
      author: 'cooperative',
      body: 'Còn hàng, giao được 20/12.',
      authorUserId: member.id,
    });
    const [mail] = await db
      .select()
      .from(inquiryNotifications)
      .where(and(eq(inquiryNotifications.inquiryId, id), eq(inquiryNotifications.kind, 'buyer_reply')));
    expect(mail?.recipient).toBe(BUYER);
    expect(mail?.replyTo).toMatch(new RegExp(`^reply\\+[a-z2-7]{52}@${DOMAIN.replaceAll('.', '\\.')}$`));
  });

  it('refuses, and stores nothing for, mail it must not take', async () => {
    const open = await thread();
    const closed = await thread('closed');
    const spam = await thread('spam');
    const revoked = await thread();
    const [revokedToken] = [tokenOfReplyAddress(revoked.buyerAddress) ?? ''];
    await revokeThreadLinks(db, revokedToken, NOW);
    const plain = (to: string, extra: Partial<Parameters<typeof rawMail>[0]> = {}) =>
      rawMail({ from: BUYER, to, body: 'Vâng ạ.', ...extra });
    const guessed = replyAddress('a'.repeat(52), DOMAIN);
    const cases: [string, Promise<unknown>, string][] = [
      ['not a reply address', receive(plain('info@x.vn'), 'info@x.vn'), 'not_a_thread_address'],
      ['a guessed token', receive(plain(guessed), guessed), 'unknown_address'],
      ['a revoked token', receive(plain(revoked.buyerAddress), revoked.buyerAddress), 'revoked_address'],
      ['a closed thread', receive(plain(closed.buyerAddress), closed.buyerAddress), 'thread_closed'],
      ['a spam thread', receive(plain(spam.buyerAddress), spam.buyerAddress), 'thread_closed'],
      [
        'an auto-reply',
        receive(plain(open.buyerAddress, { headers: ['Auto-Submitted: auto-replied'] }), open.buyerAddress),
        'automatic',
      ],
      [
        'a bulk mail',
        receive(plain(open.buyerAddress, { headers: ['Precedence: bulk'] }), open.buyerAddress),
        'automatic',
      ],
      ['a bounce', receive(plain(open.buyerAddress), open.buyerAddress, ''), 'automatic'],
      [
        'a forged sender',
        receive(plain(open.buyerAddress, { from: 'mallory@example.vn' }), open.buyerAddress),
        'wrong_sender',
      ],
      ["the buyer at the cooperative's address", receive(plain(open.coopAddress), open.coopAddress), 'wrong_sender'],
      [
        'an oversized message (announced)',
        receive(plain(open.buyerAddress), open.buyerAddress, BUYER, INBOUND_RAW_MAX_BYTES + 1),
        'too_large',
      ],
      [
        'an oversized message (actual)',
        receive(plain(open.buyerAddress, { body: 'x'.repeat(INBOUND_RAW_MAX_BYTES) }), open.buyerAddress, BUYER, 10),
        'too_large',
      ],
      ['an attachment', receive(withAttachment(BUYER, open.buyerAddress), open.buyerAddress), 'attachment'],
      ['only a quote', receive(plain(open.buyerAddress, { body: '> Giá 35.000 đ/kg' }), open.buyerAddress), 'empty'],
      [
        'a reply over the limit',
        receive(plain(open.buyerAddress, { body: 'x'.repeat(6000) }), open.buyerAddress),
        'too_long',
      ],
    ];
    for (const [what, outcome, reason] of cases) {
      expect(await outcome, what).toMatchObject({ accepted: false, reason });
    }
    for (const { id } of [open, closed, spam, revoked]) expect(await messagesOf(id)).toEqual([]);
  });

  it('does not take "Auto-Submitted: no" for automatic', async () => {
    const { buyerAddress } = await thread();
    const raw = rawMail({ from: BUYER, to: buyerAddress, body: 'Vâng.', headers: ['Auto-Submitted: no'] });
    expect(await receive(raw, buyerAddress)).toMatchObject({ accepted: true });
  });

  it('keeps an HTML-only reply as text: markup and script never stored as such', async () => {
    const { id, buyerAddress } = await thread();
    const html =
      '<div>Đồng ý &lt;b&gt; giá<script>alert(1)</script></div><div><img src=x onerror="alert(2)">20/12</div>' +
      '<blockquote>Giá cũ</blockquote>';
    const raw = rawMail({ from: BUYER, to: buyerAddress, body: html, contentType: 'text/html; charset=utf-8' });
    expect(await receive(raw, buyerAddress)).toMatchObject({ accepted: true });
    const [message] = await messagesOf(id);
    expect(message?.body).not.toMatch(/<script|<img|onerror|alert\(1\)|Giá cũ/);
    expect(message?.body).toContain('Đồng ý <b> giá');
    expect(message?.body).toContain('20/12');
  });

  it('the worker glue rejects through setReject without throwing, and delivers the accepted mail', async () => {
    const { id, buyerAddress } = await thread();
    const sent: string[] = [];
    const services = servicesFor({ PUBLIC_ORIGIN: 'https://cho-htx.test', INBOUND_MAIL_DOMAIN: DOMAIN } as Env, {
      database: async () => db,
      mailer: () => ({ send: async (m) => void sent.push(m.to) }),
    });
    const message = (raw: string, to: string) => {
      const rejections: string[] = [];
      const stream = new Response(raw).body;
      if (!stream) throw new Error('no body');
      const m: InboundMessage = {
        from: BUYER,
        to,
        raw: stream,
        rawSize: raw.length,
        setReject: (reason) => void rejections.push(reason),
      };
      return { m, rejections };
    };
    const refused = message(rawMail({ from: 'mallory@example.vn', to: buyerAddress, body: 'Hi' }), buyerAddress);
    const work = backgroundWork();
    await handleInboundMail(refused.m, services, work.context, NOW);
    expect(refused.rejections).toHaveLength(1);
    expect(refused.rejections[0]).toMatch(/^[\x20-\x7e]+$/);

    const accepted = message(rawMail({ from: BUYER, to: buyerAddress, body: 'Vâng, 200 kg.' }), buyerAddress);
    await handleInboundMail(accepted.m, services, work.context, NOW);
    await work.settle();
    expect(accepted.rejections).toEqual([]);
    expect(sent).toContain(COOPERATIVE);
    expect((await messagesOf(id)).map((m) => m.body)).toEqual(['Vâng, 200 kg.']);
  });
});
