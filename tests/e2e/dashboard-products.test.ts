/**
 * The dashboard's product pages and the officers' moderation pages over HTTP
 * on the built worker: create a draft through the form (errors next to the
 * fields, values kept), submit, review with a diff, reject with a reason the
 * cooperative sees, approve; crafted fields, other cooperatives, members in
 * the moderation queue, XSS in text fields and other origins are refused.
 */
import { describe, expect, inject, it } from 'vitest';
import { errorSummaryLinks } from '../support/html';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, post, postWithPhoto, signIn } = site(baseUrl);

const product = (extra: Record<string, string> = {}) => ({
  nameVi: `Cà phê Robusta thử nghiệm ${Date.now() % 1_000_000}`,
  nameEn: 'Test Robusta coffee',
  descriptionVi: 'Cà phê rang mộc.',
  descriptionEn: '',
  ocopGroup: 'do_uong',
  provinceCode: '66',
  commune: '',
  originFormerly: '',
  gtin: '',
  priceVnd: '250.000',
  unitVi: 'gói 500 g',
  unitEn: '500 g pack',
  minOrder: '5',
  seasonVi: '',
  seasonEn: '',
  ...extra,
});

/** Creates a draft through the form; its edit path. */
/** A draft with a photo (it can be submitted). */
async function createDraft(cookie: string, fields = product()): Promise<string> {
  const res = await postWithPhoto('/tai-khoan/san-pham/moi', fields, cookie);
  expect(res.status).toBe(303);
  const location = res.headers.get('location') ?? '';
  expect(location).toMatch(/^\/tai-khoan\/san-pham\/[a-z0-9-]+\?done=created$/);
  return location.replace(/\?.*$/, '');
}

describe('dashboard: products and moderation', async () => {
  const manager = await signIn('quanly1@cho-htx.test');
  const otherManager = await signIn('quanly2@cho-htx.test');
  const officer = await signIn('canbo@cho-htx.test');

  it('shows errors next to the fields and keeps the values', async () => {
    const res = await post(
      '/en/account/products/new',
      product({ nameVi: 'X', gtin: '8934567890124', minOrder: '0' }),
      manager,
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="field-nameVi-error"[^>]*>Must be at least 2 characters/);
    expect(html).toMatch(/id="field-gtin-error"[^>]*>[^<]*check digit/);
    expect(html).toMatch(/id="field-minOrder-error"/);
    expect(html).toMatch(/name="priceVnd"[^>]*value="250.000"/);
  });

  it('lists the errors at the top, each a link to its field, named by its label', async () => {
    const res = await post(
      '/tai-khoan/san-pham/moi',
      product({ nameVi: 'X', minOrder: '0', 'priceTiers.0.minQuantity': 'mười', 'priceTiers.0.priceVnd': '1000' }),
      manager,
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    // Announced and focusable, as GOV.UK's error summary.
    expect(html).toMatch(/<div class="alert error-summary"[^>]*role="alert"[^>]*tabindex="-1"/);
    const links = errorSummaryLinks(html);
    expect(links.map((link) => link.target)).toEqual(
      expect.arrayContaining(['field-nameVi', 'field-minOrder', 'field-priceTiers.0.minQuantity']),
    );
    for (const link of links) {
      expect(link.exists, link.target).toBe(true);
      // The link says which field: its label, then the message shown beside the field.
      expect(link.text, link.target).toMatch(/^.+: .+/);
      expect(html, link.target).toContain(`id="${link.target}-error"`);
    }
    expect(links.find((link) => link.target === 'field-nameVi')?.text).toMatch(/^Tên sản phẩm/);
  });

  it('creates a draft that is not public, ignoring a crafted status and cooperative', async () => {
    const path = await createDraft(manager, {
      ...product(),
      status: 'published',
      cooperativeId: 'someone-else',
      cooperative_id: 'x',
    } as ReturnType<typeof product>);
    const slug = path.split('/').pop() ?? '';
    const page = await (await get(path, manager)).text();
    expect(page).toContain('Bản nháp');
    expect((await get(`/san-pham/${slug}`)).status).toBe(404);
    // The other cooperative's list does not show it, and its page answers as for no product at all.
    expect(await (await get('/tai-khoan/san-pham', otherManager)).text()).not.toContain(slug);
    const theirs = await get(path, otherManager);
    expect(theirs.status).toBe(404);
    const unknown = await get(path.replace(slug, 'khong-co-san-pham-nay'), otherManager);
    expect(unknown.status).toBe(404);
    expect((await theirs.text()).replaceAll(slug, 'khong-co-san-pham-nay')).toBe(await unknown.text());
    const forged = await post(path, product({ nameVi: 'Đổi tên trái phép' }), otherManager);
    expect(forged.status).toBe(404);
    expect(await (await get(path, manager)).text()).not.toContain('Đổi tên trái phép');
  });

  it('renders markup typed in text fields escaped, on the dashboard and in review', async () => {
    const payload = '<script>alert(1)</script><b onmouseover=alert(2)>x</b>';
    const path = await createDraft(manager, product({ descriptionVi: payload, nameEn: payload }));
    const html = await (await get(path, manager)).text();
    const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toContain('<script>alert(1)');
    expect(outsideAttributes).not.toContain('<b onmouseover');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses a product form posted from another origin', async () => {
    const fields = product();
    const res = await post('/tai-khoan/san-pham/moi', fields, manager, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await (await get('/tai-khoan/san-pham', manager)).text()).not.toContain(fields.nameVi);
  });

  it('refuses to submit a product without a photo, saying so next to the photo field', async () => {
    const created = await post('/tai-khoan/san-pham/moi', product(), manager);
    expect(created.status).toBe(303);
    const path = (created.headers.get('location') ?? '').replace(/\?.*$/, '');
    const slug = path.split('/').pop() ?? '';
    for (const [here, message] of [
      [path, 'Thêm ít nhất một ảnh sản phẩm trước khi gửi duyệt.'],
      [`/en/account/products/${slug}`, 'Add at least one photo of the product before sending it for review.'],
    ] as const) {
      const refused = await post(here, { intent: 'submit' }, manager);
      expect(refused.status).toBe(422);
      expect(await refused.text()).toMatch(new RegExp(`id="field-newImages-error"[^>]*>[^<]*${message}`));
    }
    expect(await (await get(path, manager)).text()).toContain('Bản nháp');
  });

  it('starts a new product where its cooperative is', async () => {
    const html = await (await get('/tai-khoan/san-pham/moi', manager)).text();
    const province = /<select[^>]*name="provinceCode"[\s\S]*?<option value="(\d{2})" selected/.exec(html)?.[1];
    expect(province).toMatch(/^\d{2}$/);
    expect(html).toMatch(/name="commune"[^>]*value="[^"]+"/);
  });

  it('publishes a product written only in Vietnamese; English pages show it marked as Vietnamese', async () => {
    const fields = product({ nameEn: '', unitEn: '' });
    const path = await createDraft(manager, fields);
    const slug = path.split('/').pop() ?? '';
    expect((await post(path, { intent: 'submit' }, manager)).status).toBe(303);
    const queue = await (await get('/tai-khoan/kiem-duyet', officer)).text();
    // Just submitted: it has waited minutes, said in the row beside when it was sent.
    expect(queue).toMatch(new RegExp(`>${fields.nameVi}<[\\s\\S]*?<td data-label="Đã chờ">\\d+ phút</td>`));
    const review = new RegExp(`href="(/tai-khoan/kiem-duyet/[a-z0-9]+)"[^>]*>${fields.nameVi}<`).exec(queue)?.[1] ?? '';
    const version = /name="version" value="(\d+)"/.exec(await (await get(review, officer)).text())?.[1] ?? '';
    expect((await post(review, { decision: 'approve', version }, officer)).status).toBe(303);

    const english = await (await get(`/en/products/${slug}`)).text();
    expect(english).toMatch(new RegExp(`<h1 id="product-name" lang="vi"[^>]*>\\s*${fields.nameVi}`));
    expect(english).toMatch(/<dd lang="vi"[^>]*>gói 500 g<\/dd>/);
    expect(english).toMatch(/per\s*<span lang="vi"[^>]*>gói 500 g<\/span>/);

    expect((await post(path, { intent: 'unpublish' }, manager)).status).toBe(303);
  });

  it('submit → reject with a reason the cooperative sees → edit, submit → approve: public', async () => {
    const fields = product();
    const path = await createDraft(manager, fields);
    const slug = path.split('/').pop() ?? '';
    const submitted = await post(path, { intent: 'submit' }, manager);
    expect(submitted.status).toBe(303);
    // While it waits, the form is locked: a save is a conflict.
    expect((await post(path, fields, manager)).status).toBe(409);

    // Members never see the queue.
    expect((await get('/tai-khoan/kiem-duyet', manager)).status).toBe(403);
    const queue = await (await get('/tai-khoan/kiem-duyet', officer)).text();
    const review = new RegExp(`href="(/tai-khoan/kiem-duyet/[a-z0-9]+)"[^>]*>${fields.nameVi}<`).exec(queue)?.[1];
    expect(review).toBeTruthy();
    expect((await get(review as string, manager)).status).toBe(403);
    expect((await post(review as string, { decision: 'approve', version: '0' }, manager)).status).toBe(403);

    const short = await post(review as string, { decision: 'reject', reason: 'no' }, officer);
    expect(short.status).toBe(422);
    const shortHtml = await short.text();
    expect(shortHtml).toMatch(/id="field-reason-error"/);
    expect(shortHtml).toMatch(/<input type="radio" name="reasonCode" value="price_unit"/);
    const nothing = await post(review as string, { decision: 'reject', reasonCode: '', reason: '' }, officer);
    expect(nothing.status).toBe(422);
    expect(await nothing.text()).toContain('Hãy chọn một lý do có sẵn hoặc ghi lý do.');
    const reason = 'Thiếu ảnh sản phẩm & giá chưa rõ <đơn vị>';
    const rejected = await post(review as string, { decision: 'reject', reasonCode: 'price_unit', reason }, officer);
    expect(rejected.status).toBe(303);
    const seen = await (await get(path, manager)).text();
    expect(seen).toContain('Bị từ chối');
    expect(seen).toContain(
      'Giá, đơn vị tính hoặc số lượng tối thiểu chưa đúng. Thiếu ảnh sản phẩm &amp; giá chưa rõ &lt;đơn vị&gt;',
    );

    // A save posts the photos the form lists; this one lists none and adds one, so it still has a photo to submit.
    expect((await postWithPhoto(path, { ...fields, priceVnd: '270000' }, manager)).status).toBe(303);
    expect((await post(path, { intent: 'submit' }, manager)).status).toBe(303);
    const reviewPage = await (await get(review as string, officer)).text();
    expect(reviewPage).toContain(fields.nameVi);
    const version = /name="version" value="(\d+)"/.exec(reviewPage)?.[1];
    const approved = await post(review as string, { decision: 'approve', version: version ?? '' }, officer);
    expect(approved.status).toBe(303);
    expect((await get(`/san-pham/${slug}`)).status).toBe(200);
    expect(await (await get(path, manager)).text()).toContain('Đã công khai');

    // Approving twice is a conflict, not a second publication.
    expect((await post(review as string, { decision: 'approve', version: version ?? '' }, officer)).status).toBe(409);

    // Unpublished, it leaves the catalogue (and the demo's counts are as other tests expect them).
    expect((await post(path, { intent: 'unpublish' }, manager)).status).toBe(303);
    expect((await get(`/san-pham/${slug}`)).status).toBe(404);
  });
});
