/**
 * Revoking a verified claim from the officers' console on the built worker:
 * the verified list (`?trang-thai=da-xac-minh`, en `?state=verified`) is for
 * officers only, a revocation needs a reason (the field says so), one made on
 * a version changed since is refused (409), and one that lands takes the
 * claim off the list and puts "Thu hồi ngày …: lý do" on the product page.
 * It revokes a certificate it declares itself, so no other file's claim moves.
 */
import { describe, expect, inject, it } from 'vitest';
import { textOf } from '../support/html';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, signIn } = site(baseUrl);

const VERIFIED_VI = '/tai-khoan/xac-minh?trang-thai=da-xac-minh';
const VERIFIED_EN = '/en/account/verification?state=verified';

/** The version a list's form for claim `id` carries, if it lists it. */
function versionOf(html: string, id: string): string | undefined {
  return new RegExp(`name="id" value="${id}"[^]*?name="version" value="(\\d+)"`).exec(html)?.[1];
}

/** A certificate declared by the manager on a product the public sees, and its id. */
async function declaredCertificate(manager: string): Promise<{ slug: string; id: string; number: string }> {
  const own = await (await get('/tai-khoan/san-pham', manager)).text();
  const slugs = [
    ...new Set([...own.matchAll(/href="\/tai-khoan\/san-pham\/([a-z0-9-]+)\/lo-hang"/g)].map((m) => m[1])),
  ];
  let slug: string | undefined;
  for (const candidate of slugs) {
    if ((await get(`/san-pham/${candidate}`)).status === 200) {
      slug = candidate;
      break;
    }
  }
  if (!slug) throw new Error('the manager has no public product');
  const base = `/en/account/products/${slug}/certificates`;
  const number = `TH-${Date.now() % 1_000_000}`;
  const added = await post(
    base,
    {
      kind: 'vietgap',
      number,
      issuer: 'Trung tâm chứng nhận thử',
      validFrom: '2026-01-01',
      validUntil: '2028-12-31',
      evidenceUrl: 'https://example.org/chung-nhan.pdf',
    },
    manager,
  );
  expect(added.status).toBe(303);
  const list = await (await get(base, manager)).text();
  // The table row that names the certificate links to its edit page.
  const at = list.indexOf(number);
  const row = list.slice(list.lastIndexOf('<tr', at), list.indexOf('</tr>', at));
  const id = new RegExp(`href="${base}/([a-z0-9]+)"`).exec(row)?.[1];
  if (!id) throw new Error(`no certificate ${number} on ${base}`);
  return { slug, id, number };
}

describe('revoking a verified claim from the console', () => {
  it('is for officers: sign-in for strangers, 403 for a member', async () => {
    const anonymous = await get(VERIFIED_VI);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/dang-nhap\?next=/);
    expect((await get(VERIFIED_EN, await signIn('thanhvien1@cho-htx.test'))).status).toBe(403);
    const member = await signIn('quanly1@cho-htx.test');
    expect((await post(VERIFIED_VI, { kind: 'certificate', id: 'x', decision: 'revoke' }, member)).status).toBe(403);
  });

  it('lists a verified claim, asks a reason, refuses a stale version, and revokes it for the public to read', async () => {
    const manager = await signIn('quanly1@cho-htx.test');
    const officer = await signIn('canbo@cho-htx.test');
    const { slug, id, number } = await declaredCertificate(manager);

    // Verified from the queue, as an officer would.
    const queued = versionOf(await (await get('/tai-khoan/xac-minh', officer)).text(), id);
    expect(queued).toBeDefined();
    const verified = await post(
      '/tai-khoan/xac-minh',
      { kind: 'certificate', id, version: queued ?? '', decision: 'verify' },
      officer,
    );
    expect(verified.status).toBe(303);

    const list = await get(VERIFIED_EN, officer);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(textOf(html)).toContain('Verified by');
    expect(textOf(html)).toContain(number);
    // Newest verification first: the one just verified heads the list.
    expect(/name="id" value="([a-z0-9]+)"/.exec(html)?.[1]).toBe(id);
    // The language switch keeps the query: either language's words show the verified list.
    expect(html).toContain('href="/tai-khoan/xac-minh?state=verified"');
    expect(textOf(await (await get('/tai-khoan/xac-minh?state=verified', officer)).text())).toContain(
      'Các mục đã xác minh',
    );
    const version = versionOf(html, id) ?? '';
    expect(version).not.toBe('');

    const withoutReason = await post(
      VERIFIED_EN,
      { kind: 'certificate', id, version, decision: 'revoke', reason: '' },
      officer,
    );
    expect(withoutReason.status).toBe(422);
    const refused = await withoutReason.text();
    const error = new RegExp(`id="reason-certificate-${id}-error"[^>]*>([^<]*)<`).exec(refused)?.[1] ?? '';
    // Empty: the reason field's own message, in English (required, or too short: 10 characters at least).
    expect(error.trim()).toMatch(/^(This field is required\.|Must be at least 10 characters\.)$/);

    const reason = 'Tổ chức chứng nhận đã đình chỉ giấy chứng nhận này.';
    const stale = await post(
      VERIFIED_VI,
      { kind: 'certificate', id, version: String(Number(version) - 1), decision: 'revoke', reason },
      officer,
    );
    expect(stale.status).toBe(409);
    expect(textOf(await stale.text())).toContain('vừa được cán bộ khác quyết định');
    expect((await get(`/san-pham/${slug}`)).status).toBe(200);
    expect(textOf(await (await get(`/san-pham/${slug}`)).text())).not.toContain(reason);

    const revoked = await post(VERIFIED_VI, { kind: 'certificate', id, version, decision: 'revoke', reason }, officer);
    expect(revoked.status).toBe(303);
    const after = revoked.headers.get('location') ?? '';
    expect(after).toMatch(/^\/tai-khoan\/xac-minh\?trang-thai=da-xac-minh&done=revoke&what=/);
    const now = await (await get(after, officer)).text();
    expect(textOf(now)).toContain('Đã thu hồi');
    expect(versionOf(now, id)).toBeUndefined();

    const product = textOf(await (await get(`/san-pham/${slug}`)).text());
    expect(product).toMatch(new RegExp(`Thu hồi ngày [^:]+: ${reason}`));
  });
});
