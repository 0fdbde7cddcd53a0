/**
 * Changing a published product without taking it offline, over HTTP on the
 * built worker: the member's edit waits for review while the public page
 * keeps the published version; the officer sees a diff, rejects with a
 * reason the member reads, approves the next version (a stale one is a
 * conflict); the member discards a change; errors are shown next to the
 * fields with the values kept. Other cooperatives, members in the queue and
 * other origins are refused.
 */
import { describe, expect, inject, it } from 'vitest';
import { site } from '../support/site';
import { validProductForm } from '../support/valid-input';

const baseUrl = inject('baseUrl');
const { get, post, postWithPhoto, signIn } = site(baseUrl);

const product = (extra: Record<string, string> = {}) =>
  validProductForm({
    nameVi: `Miến dong thử nghiệm ${Date.now() % 1_000_000}`,
    nameEn: 'Test arrowroot noodles',
    descriptionVi: 'Miến dong làm thủ công, phơi nắng.',
    ...extra,
  });

describe('dashboard: changes to published products', async () => {
  const manager = await signIn('quanly1@cho-htx.test');
  const otherManager = await signIn('quanly2@cho-htx.test');
  const officer = await signIn('canbo@cho-htx.test');

  /** The link to a queued item's review page, by the name shown in the queue. */
  async function queuedReview(name: string): Promise<string | undefined> {
    const queue = await (await get('/tai-khoan/kiem-duyet', officer)).text();
    return new RegExp(`href="(/tai-khoan/kiem-duyet/[a-z0-9/-]+)"[^>]*>${name}<`).exec(queue)?.[1];
  }

  const versionOn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '';

  /** A product of the first cooperative, created, submitted and approved through the forms; its dashboard path and slug. */
  async function publishedProduct(fields = product()) {
    const created = await postWithPhoto('/tai-khoan/san-pham/moi', fields, manager);
    expect(created.status).toBe(303);
    const path = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
    expect((await post(path, { intent: 'submit' }, manager)).status).toBe(303);
    const review = (await queuedReview(fields.nameVi)) ?? '';
    expect(review).toMatch(/^\/tai-khoan\/kiem-duyet\/[a-z0-9]+$/);
    const reviewPage = await (await get(review, officer)).text();
    // A new product: the fields filled in, one row each; those left empty named in one line.
    expect(reviewPage).toMatch(/Để trống: [^<]*Mã HS/);
    expect(reviewPage).not.toMatch(/<th scope="row"[^>]*>\s*Mã HS/);
    const version = versionOn(reviewPage);
    expect((await post(review, { decision: 'approve', version }, officer)).status).toBe(303);
    return { path, slug: path.split('/').pop() ?? '', fields };
  }

  it('an edit waits for review while the public page keeps the published version; rejected with a reason, then approved', async () => {
    const { path, slug, fields } = await publishedProduct();
    const publicPath = `/san-pham/${slug}`;
    const newDescription = `Mô tả mới <b>đậm</b> & đủ ${Date.now()}`;

    const form = await (await get(path, manager)).text();
    expect(form).toContain('Gửi thay đổi để duyệt');
    const proposed = await post(
      path,
      { ...fields, descriptionVi: newDescription, crafted: 'x', status: 'draft' },
      manager,
    );
    expect(proposed.status).toBe(303);
    expect(proposed.headers.get('location')).toBe(`${path}?done=proposed`);

    // The public page keeps the published version; the dashboard shows the proposal and that it waits.
    expect(await (await get(publicPath)).text()).not.toContain('Mô tả mới');
    const pending = await (await get(path, manager)).text();
    expect(pending).toContain('Có thay đổi đang chờ Sở Công Thương duyệt');
    expect(pending).toContain('Mô tả mới &lt;b&gt;đậm&lt;/b&gt; &amp; đủ');
    expect(pending).toMatch(/Khác bản đang công khai ở: Mô tả \(tiếng Việt\)/);
    expect(await (await get('/tai-khoan/san-pham', manager)).text()).toContain('Có thay đổi chờ duyệt');

    // Another cooperative's manager can neither change nor discard it (its dashboard has no such
    // product: 404, as for any slug); members never see the review.
    expect((await post(path, { ...fields, descriptionVi: 'Không được' }, otherManager)).status).toBe(404);
    expect((await post(path, { intent: 'discard-change' }, otherManager)).status).toBe(404);
    const review = (await queuedReview(fields.nameVi)) ?? '';
    expect(review).toMatch(/^\/tai-khoan\/kiem-duyet\/thay-doi\/[a-z0-9]+$/);
    expect((await get(review, manager)).status).toBe(403);
    expect((await post(review, { decision: 'approve', version: '1' }, manager)).status).toBe(403);

    const reviewPage = await (await get(review, officer)).text();
    expect(reviewPage).toContain('Thay đổi so với bản đang công khai');
    expect(reviewPage).toMatch(/<del[^>]*>Miến dong làm thủ công, phơi nắng.<\/del>/);
    expect(reviewPage).toMatch(/<ins[^>]*>Mô tả mới &lt;b&gt;đậm&lt;\/b&gt; &amp; đủ/);
    // The changed field first; the fields left as they were folded away below it, there to read.
    const [changedPart, unchangedPart] = reviewPage.split('<details class="diff-unchanged"');
    expect(changedPart).toContain('Mô tả (tiếng Việt)');
    expect(changedPart).not.toMatch(/<th scope="row"[^>]*>\s*Tên sản phẩm \(tiếng Việt\)/);
    expect(unchangedPart).toMatch(/<summary[^>]*>Các mục không đổi \(\d+\)<\/summary>/);
    expect(unchangedPart).toMatch(/<th scope="row"[^>]*>\s*Tên sản phẩm \(tiếng Việt\)/);
    const firstVersion = versionOn(reviewPage);

    const short = await post(review, { decision: 'reject', version: firstVersion, reason: 'no' }, officer);
    expect(short.status).toBe(422);
    expect(await short.text()).toMatch(/id="field-reason-error"/);
    const reason = 'Mô tả cần nói rõ <nguồn gốc> & cách làm.';
    const rejected = await post(review, { decision: 'reject', version: firstVersion, reason }, officer);
    expect(rejected.status).toBe(303);
    expect(rejected.headers.get('location')).toMatch(/done=change-rejected/);
    const seen = await (await get(path, manager)).text();
    expect(seen).toContain('Mô tả cần nói rõ &lt;nguồn gốc&gt; &amp; cách làm.');
    expect(await (await get(publicPath)).text()).not.toContain('Mô tả mới');
    // Rejected, it is not in the queue until the member sends it again.
    expect(await queuedReview(fields.nameVi)).toBeUndefined();

    const resent = await post(path, { ...fields, descriptionVi: `${newDescription} Nguồn: vùng dong riềng.` }, manager);
    expect(resent.status).toBe(303);
    expect(await queuedReview(fields.nameVi)).toBe(review);
    // The version the officer saw before is not approved: the member changed it since.
    expect((await post(review, { decision: 'approve', version: firstVersion }, officer)).status).toBe(409);
    const latest = versionOn(await (await get(review, officer)).text());
    const approved = await post(review, { decision: 'approve', version: latest }, officer);
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toMatch(/done=change-approved/);

    const live = await (await get(publicPath)).text();
    expect(live).toContain('Mô tả mới &lt;b&gt;đậm&lt;/b&gt; &amp; đủ');
    expect(live).toContain('Nguồn: vùng dong riềng.');
    const after = await (await get(path, manager)).text();
    expect(after).not.toContain('Có thay đổi đang chờ');
    // Decided, the change's review page is gone.
    expect((await get(review, officer)).status).toBe(404);

    // The demo catalogue is shared with the other tests: take the product down again.
    expect((await post(path, { intent: 'unpublish' }, manager)).status).toBe(303);
  });

  it('keeps the values and shows errors next to the fields; stores nothing; a discarded change leaves the public page as it was', async () => {
    const { path, slug, fields } = await publishedProduct();
    const invalid = await post(
      path,
      { ...fields, nameVi: 'X', minOrder: '0', descriptionVi: 'Giữ lại giá trị này' },
      manager,
    );
    expect(invalid.status).toBe(422);
    const html = await invalid.text();
    expect(html).toMatch(/id="field-nameVi-error"/);
    expect(html).toMatch(/id="field-minOrder-error"/);
    expect(html).toContain('Giữ lại giá trị này');
    expect(await (await get(path, manager)).text()).not.toContain('Có thay đổi đang chờ');

    expect((await post(path, { ...fields, priceVnd: '1.000' }, manager)).status).toBe(303);
    const discarded = await post(path, { intent: 'discard-change' }, manager);
    expect(discarded.status).toBe(303);
    expect(discarded.headers.get('location')).toBe(`${path}?done=discarded`);
    const page = await (await get(discarded.headers.get('location') ?? '', manager)).text();
    expect(page).toContain('Đã bỏ thay đổi');
    expect(page).toMatch(/name="priceVnd"[^>]*value="90000"/);
    expect(await queuedReview(fields.nameVi)).toBeUndefined();
    expect((await get(`/san-pham/${slug}`)).status).toBe(200);
    expect((await post(path, { intent: 'unpublish' }, manager)).status).toBe(303);
  });

  it('refuses an edit and a decision posted from another origin', async () => {
    const { path, fields } = await publishedProduct();
    const forged = await post(path, { ...fields, descriptionVi: 'Giả mạo' }, manager, {
      origin: 'https://evil.example',
    });
    expect(forged.status).toBe(403);
    expect(await (await get(path, manager)).text()).not.toContain('Giả mạo');
    expect((await post(path, { ...fields, descriptionVi: 'Thay đổi thật' }, manager)).status).toBe(303);
    const review = (await queuedReview(fields.nameVi)) ?? '';
    const version = versionOn(await (await get(review, officer)).text());
    expect(
      (await post(review, { decision: 'approve', version }, officer, { origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect(await queuedReview(fields.nameVi)).toBe(review);
    expect((await post(path, { intent: 'unpublish' }, manager)).status).toBe(303);
  });
});
