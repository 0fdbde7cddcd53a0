/**
 * Notification preferences on the built worker: the settings page is the
 * signed-in person's own (saved with a redirect, a wrong value refused with
 * its field named).
 */
import { describe, expect, inject, it } from 'vitest';
import { textOf } from '../support/html';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn, freshMember } = site(baseUrl);

/** The /dev/outbox rows (notification states) and mails that mention `text`, polled: mail goes out after the response. */
async function outboxAbout(text: string, status: string): Promise<string> {
  for (let tries = 0; tries < 40; tries++) {
    const page = await (await get('/dev/outbox')).text();
    const row = page.split('<li').find((item) => item.includes(`data-status="${status}"`) && item.includes(text));
    if (row) return page;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no ${status} notification about ${text} in /dev/outbox`);
}

describe('notification settings', () => {
  it('are the signed-in person’s own: saved, shown, and a wrong value refused', async () => {
    expect((await get('/tai-khoan/thong-bao')).headers.get('location')).toMatch(/^\/dang-nhap\?next=/);
    const member = await signIn('thanhvien1@cho-htx.test');
    const saved = await post('/en/account/notifications', { claim_expiry: 'digest', claim_decision: 'now' }, member);
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/en/account/notifications?done=saved');
    const page = await (await get('/en/account/notifications?done=saved', member)).text();
    expect(textOf(page)).toContain('Your choices are saved.');
    expect(page).toMatch(/name="claim_expiry" value="digest" checked/);

    const refused = await post('/tai-khoan/thong-bao', { claim_expiry: 'weekly' }, member);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('id="field-claim_expiry-error"');
  });

  it('show in /dev/outbox in every state, with the reason and the mail’s unsubscribe link', async () => {
    const manager = await signIn('quanly2@cho-htx.test');
    // At once (the default): the acceptance is sent, and its mail carries a working unsubscribe link.
    await freshMember('quanly2@cho-htx.test');
    const sent = await outboxAbout('quanly2@cho-htx.test', 'sent');
    expect(textOf(sent)).toContain('Đã gửi ngay');
    const mail = sent
      .split('<article')
      .find((article) => article.includes('quanly2@cho-htx.test') && article.includes('outbox-unsubscribe'));
    const link = mail && /class="outbox-unsubscribe" href="([^"]+)"/.exec(mail)?.[1];
    expect(link).toBeTruthy();
    const confirm = await fetch(
      new URL(link!.replaceAll('&amp;', '&')).toString().replace(/^https?:\/\/[^/]+/, baseUrl),
    );
    expect(confirm.status).toBe(200);

    // Turned off: the next acceptance is stored as skipped, with the reason, and never sent.
    expect((await post('/tai-khoan/thong-bao', { invitation_accepted: 'off' }, manager)).status).toBe(303);
    try {
      await freshMember('quanly2@cho-htx.test');
      const skipped = await outboxAbout('quanly2@cho-htx.test', 'skipped');
      expect(textOf(skipped)).toContain('Bỏ qua: người nhận đã tắt loại này');
    } finally {
      await post('/tai-khoan/thong-bao', { invitation_accepted: 'now' }, manager);
    }
  });
});
