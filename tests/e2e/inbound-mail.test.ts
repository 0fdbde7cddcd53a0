/**
 * The buyer's round trip by mail on the built worker (workerd, seeded D1, development outbox): the receipt
 * carries a reply address, a reply posted to wrangler's local email endpoint (/cdn-cgi/handler/email, which
 * runs the worker's email() handler) lands in the thread without its quoted text, and the cooperative is
 * mailed; a forged sender is refused without a server error and stores nothing.
 */
import { describe, expect, inject, it } from 'vitest';
import { validInquiry } from '../support/inquiries';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const BUYER = `mail-buyer-${Date.now()}@example.com`;

function rfc822(from: string, to: string, body: string): string {
  return [
    `From: Lan <${from}>`,
    `To: ${to}`,
    'Subject: Re: your inquiry',
    `Message-ID: <${Date.now()}@example.com>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
  ].join('\r\n');
}

const mailTo = (from: string, to: string, raw: string) =>
  fetch(`${baseUrl}/cdn-cgi/handler/email?${new URLSearchParams({ from, to })}`, { method: 'POST', body: raw });

async function outboxUntil(text: string): Promise<string> {
  let html = '';
  for (let i = 0; i < 50 && !html.includes(text); i++) {
    html = await (await fetch(`${baseUrl}/dev/outbox`)).text();
    if (!html.includes(text)) await new Promise((r) => setTimeout(r, 100));
  }
  return html;
}

const threadOf = async (token: string) =>
  (
    (await (
      await fetch(`${baseUrl}/api/v1/inquiries/thread`, { headers: { 'x-inquiry-thread-token': token } })
    ).json()) as {
      thread: { messages: { author: string; body: string }[] };
    }
  ).thread;

describe('replies by mail through the local email handler', () => {
  it("takes the buyer's reply to the receipt into the thread and mails the cooperative; refuses a forged one", async () => {
    const list = (await (await fetch(`${baseUrl}/api/v1/cooperatives?limit=1`)).json()) as {
      items: { slug: string }[];
    };
    const sent = await fetch(`${baseUrl}/api/v1/inquiries`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, 'cf-connecting-ip': '198.51.100.231' },
      body: JSON.stringify(validInquiry({ cooperative: list.items[0]?.slug, email: BUYER, locale: 'vi' })),
    });
    expect(sent.status).toBe(201);
    const reference = ((await sent.json()) as { inquiry: { reference: string } }).inquiry.reference;

    const outbox = await outboxUntil(BUYER);
    const receipt = outbox.split('<article').find((a) => a.includes(BUYER) && a.includes(reference)) ?? '';
    const replyTo = /reply\+[a-z2-7]{52}@[a-z.-]+/.exec(receipt)?.[0] ?? '';
    const token = /\/hoi-hang\/trao-doi\/([a-z2-7]{52})/.exec(receipt)?.[1] ?? '';
    expect(replyTo).not.toBe('');
    expect(replyTo).toContain(token);

    const forged = await mailTo('mallory@example.com', replyTo, rfc822('mallory@example.com', replyTo, 'Hủy đơn.'));
    expect(forged.status).toBeLessThan(500);
    expect((await threadOf(token)).messages).toHaveLength(1);

    const body =
      'Dạ, em lấy 200 kg, giao trước 20/12 ạ.\r\n\r\nVào Th 5, 3 thg 12, 2026 Chợ HTX đã viết:\r\n> Biên nhận';
    const accepted = await mailTo(BUYER, replyTo, rfc822(BUYER, replyTo, body));
    expect(accepted.status).toBe(200);
    const messages = (await threadOf(token)).messages;
    expect(messages.at(-1)).toEqual(
      expect.objectContaining({ author: 'buyer', body: 'Dạ, em lấy 200 kg, giao trước 20/12 ạ.' }),
    );
    // The cooperative hears of the answer, with a reply address of its own.
    const after = await outboxUntil(`trả lời về yêu cầu ${reference}`);
    expect(after).toContain('Dạ, em lấy 200 kg, giao trước 20/12 ạ.');
  });
});
