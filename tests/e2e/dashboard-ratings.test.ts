/**
 * The dashboard's OCOP rating pages over HTTP on the built worker: a manager
 * declares a rating with its decision's PDF (a decision in the future is
 * refused next to its field, nothing listed), sees it pending, an officer
 * verifies it in the queue, the manager's edit makes it pending again (the
 * form's version refuses a stale edit: 409), the officer rejects the edit
 * with a reason, which the list shows. On a draft product of its own, so no
 * public page other files read changes.
 */
import { describe, expect, inject, it } from 'vitest';
import { multipart, pdf } from '../support/evidence';
import { textOf } from '../support/html';
import { site } from '../support/site';
import { validProductForm } from '../support/valid-input';

const baseUrl = inject('baseUrl');
const { get, post, postMultipart, postWithPhoto, signIn } = site(baseUrl);

const isoDaysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The version the queue's decision form carries for this claim. */
async function queuedVersion(officer: string, id: string): Promise<string> {
  const html = await (await get('/tai-khoan/xac-minh', officer)).text();
  const version = new RegExp(`name="id" value="${id}"[^]*?name="version" value="(\\d+)"`).exec(html)?.[1];
  if (version === undefined) throw new Error(`rating ${id} is not in the queue`);
  return version;
}

describe('dashboard: OCOP ratings of a product', async () => {
  const manager = await signIn('quanly1@cho-htx.test');
  const officer = await signIn('canbo@cho-htx.test');
  const fields = validProductForm({ nameVi: `Sản phẩm xếp hạng ${Date.now() % 1_000_000}` });
  const created = await postWithPhoto('/tai-khoan/san-pham/moi', fields, manager);
  expect(created.status).toBe(303);
  const slug = (created.headers.get('location') ?? '').replace(/\?.*$/, '').split('/').pop() ?? '';
  const base = `/tai-khoan/san-pham/${slug}/ocop`;
  const number = `${Date.now() % 10_000}/QĐ-UBND`;
  const rating = { stars: '4', level: 'province', decisionNumber: number, decisionDate: isoDaysFromNow(-30) };

  it('is linked from the product page and starts empty', async () => {
    expect(await (await get(`/tai-khoan/san-pham/${slug}`, manager)).text()).toContain(`href="${base}"`);
    const page = await get(`/en/account/products/${slug}/ocop-ratings`, manager);
    expect(page.status).toBe(200);
    expect(textOf(await page.text())).toContain('No OCOP ratings yet.');
  });

  it('declares, is verified, is edited into a pending revision, and shows the rejection of the edit', async () => {
    const future = await postMultipart(
      base,
      multipart({ ...rating, decisionDate: isoDaysFromNow(10) }, { bytes: pdf(), name: 'qd.pdf' }),
      manager,
    );
    expect(future.status).toBe(422);
    expect(await future.text()).toMatch(/id="field-decisionDate-error"/);
    expect(await (await get(base, manager)).text()).not.toContain(number);

    const added = await postMultipart(base, multipart(rating, { bytes: pdf(), name: 'qd.pdf' }), manager);
    expect(added.status).toBe(303);
    expect(added.headers.get('location')).toBe(`${base}?saved=1`);
    const list = await (await get(`${base}?saved=1`, manager)).text();
    expect(textOf(list)).toContain('Chờ Sở Công Thương xác minh');
    const id = new RegExp(`href="${base}/([a-z0-9]+)"`).exec(list)?.[1] ?? '';
    expect(list).toContain(`href="/media/evidence/ocop_rating/${id}"`);

    const verified = await post(
      '/tai-khoan/xac-minh',
      { kind: 'ocop_rating', id, decision: 'verify', version: await queuedVersion(officer, id) },
      officer,
    );
    expect(verified.status).toBe(303);
    expect(textOf(await (await get(base, manager)).text())).not.toContain('Chờ Sở Công Thương xác minh');

    const editForm = await (await get(`${base}/${id}`, manager)).text();
    const version = /name="version" value="(\d+)"/.exec(editForm)?.[1] ?? '';
    const edited = await postMultipart(`${base}/${id}`, multipart({ ...rating, stars: '3', version }), manager);
    expect(edited.status).toBe(303);
    expect(textOf(await (await get(base, manager)).text())).toContain('Chờ Sở Công Thương xác minh');
    // The form of before the edit: refused, nothing changed.
    const stale = await postMultipart(
      `${base}/${id}`,
      multipart({ ...rating, stars: '5', level: 'national', version }),
      manager,
    );
    expect(stale.status).toBe(409);

    const reason = 'Bản quyết định ghi 4 sao, không phải 3.';
    const rejected = await post(
      '/tai-khoan/xac-minh',
      { kind: 'ocop_rating', id, decision: 'reject', reason, version: await queuedVersion(officer, id) },
      officer,
    );
    expect(rejected.status).toBe(303);
    const after = textOf(await (await get(base, manager)).text());
    expect(after).toContain('Bị từ chối');
    expect(after).toContain(reason);
  });

  it("answers another cooperative's manager as for no product (404)", async () => {
    expect((await get(base, await signIn('quanly2@cho-htx.test'))).status).toBe(404);
  });
});
