/**
 * The officers' verification queue on the built worker: open to officers
 * only, each declared claim shown with what the cooperative entered, a
 * decision that needs a reason refused without one (the reason field says
 * so), a decision that lands takes the claim off the queue, and a decision on
 * a claim decided meanwhile is refused (409) over the queue as it now is.
 * Rejections only: verifying would change public pages other files read.
 */
import { describe, expect, inject, it } from 'vitest';
import { textOf } from '../support/html';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn } = site(baseUrl);

interface QueuedForm {
  kind: string;
  id: string;
  version: string;
}

/** The decision forms of the queue's page, in order. */
function formsOf(html: string): QueuedForm[] {
  const pattern = /name="kind" value="([a-z_]+)"[^]*?name="id" value="([a-z0-9]+)"[^]*?name="version" value="(\d+)"/g;
  return [...html.matchAll(pattern)].map(([, kind = '', id = '', version = '']) => ({ kind, id, version }));
}

describe('the verification queue', () => {
  it('is for officers: sign-in for strangers, 403 for a cooperative manager', async () => {
    const anonymous = await get('/tai-khoan/xac-minh');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/dang-nhap\?next=/);
    expect((await get('/en/account/verification', await signIn('quanly1@cho-htx.test'))).status).toBe(403);
    const html = await (await get('/tai-khoan', await signIn('canbo@cho-htx.test'))).text();
    expect(html).toContain('href="/tai-khoan/xac-minh"');
  });

  it('shows the declared claims with their fields, asks a reason to reject, and takes a decided claim off', async () => {
    const officer = await signIn('canbo@cho-htx.test');
    const page = await get('/en/account/verification', officer);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(textOf(html)).toContain('Decision / certificate number');
    const forms = formsOf(html);
    expect(forms.length).toBeGreaterThan(0);
    const claim = forms[0]!;

    const withoutReason = await post('/en/account/verification', { ...claim, decision: 'reject', reason: '' }, officer);
    expect(withoutReason.status).toBe(422);
    const refused = await withoutReason.text();
    expect(refused).toContain(`id="reason-${claim.kind}-${claim.id}-error"`);
    expect(textOf(refused)).toContain('Pick a ready-made reason or write one.');
    expect(refused).toMatch(/<input type="radio" name="reasonCode" value="evidence_unreadable"/);
    expect(formsOf(refused).map((form) => form.id)).toContain(claim.id);

    // A ready-made reason alone is enough.
    const rejected = await post(
      '/tai-khoan/xac-minh',
      { ...claim, decision: 'reject', reasonCode: 'evidence_mismatch', reason: '' },
      officer,
    );
    expect(rejected.status).toBe(303);
    const after = rejected.headers.get('location') ?? '';
    expect(after).toMatch(/^\/tai-khoan\/xac-minh\?done=reject&what=/);
    const queue = await (await get(after, officer)).text();
    expect(textOf(queue)).toContain('Đã từ chối');
    expect(formsOf(queue).map((form) => form.id)).not.toContain(claim.id);

    // A second officer's tab, loaded before the rejection, verifies it: refused, over the queue as it is now.
    const stale = await post('/tai-khoan/xac-minh', { ...claim, decision: 'verify' }, officer);
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('vừa được cán bộ khác quyết định');
  });
});
