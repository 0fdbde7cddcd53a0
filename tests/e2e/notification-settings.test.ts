/**
 * Notification preferences on the built worker: the settings page is the
 * signed-in person's own (saved with a redirect, a wrong value refused with
 * its field named).
 */
import { describe, expect, inject, it } from 'vitest';
import { textOf } from '../support/html';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn } = site(baseUrl);

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
});
