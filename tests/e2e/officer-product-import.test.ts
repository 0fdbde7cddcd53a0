/**
 * A trade officer importing a cooperative's products on the built worker
 * (workerd, real R2 and D1): from the cooperative's console page to its
 * importer, template → preview → import, the products as the cooperative's
 * drafts on its members' list, and the officer's audit entry naming the
 * cooperative; a 50 MB upload refused unread and an oversized file with its
 * limit; members are refused, whichever cooperative.
 */
import { describe, expect, inject, it } from 'vitest';
import { PRODUCT_COLUMNS } from '../../src/server/imports/product-import';
import { readJson } from '../support/http';
import { importCountsOn, importUpload } from '../support/import-pages';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, postMultipart, signIn } = site(baseUrl);

describe('console: an officer imports a cooperative’s products', async () => {
  const officer = await signIn('canbo@cho-htx.test');
  const manager = await signIn('quanly1@cho-htx.test');
  const me = (await readJson(await get('/api/v1/me', manager))) as { cooperative: { slug: string; name: string } };
  const cooperative = me.cooperative;
  const page = `/quan-tri/hop-tac-xa/${cooperative.slug}/nhap-san-pham`;

  it("links the importer from the cooperative's console page, and serves the template", async () => {
    const console = await (await get(`/quan-tri/hop-tac-xa/${cooperative.slug}`, officer)).text();
    expect(console).toContain(`href="${page}"`);
    const html = await (await get(page, officer)).text();
    expect(html).toContain('Nhập sản phẩm cho');
    const csv = await get(`${page}?template=csv`, officer);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('Tên sản phẩm,Tên tiếng Anh');
    const en = await get(`/en/admin/cooperatives/${cooperative.slug}/import-products`, officer);
    expect(await en.text()).toContain('Import products for');
  });

  it("previews and imports the rows as the cooperative's drafts, with the officer's entry", async () => {
    const name = `Cán bộ nhập hộ ${Date.now()}`;
    const rows = [
      PRODUCT_COLUMNS.map((column) => column.headers.vi),
      PRODUCT_COLUMNS.map((column) => (column.field === 'nameVi' ? name : column.example)),
    ];
    const file = new TextEncoder().encode(rows.map((cells) => cells.map((c) => `"${c}"`).join(',')).join('\n'));
    const previewed = await postMultipart(page, importUpload(file, 'so.csv'), officer);
    expect(previewed.status).toBe(303);
    const runPage = previewed.headers.get('location')!;
    expect(runPage.startsWith(`${page}?run=`)).toBe(true);
    expect(importCountsOn(await (await get(runPage, officer)).text())).toMatchObject({ 'Tạo mới': '1' });
    const run = new URL(runPage, baseUrl).searchParams.get('run')!;
    // The cooperative's own members do not reach the officer's run through the console.
    expect((await get(runPage, manager)).status).toBe(403);

    const imported = await postMultipart(page, importUpload(new Uint8Array(), '', { run, mode: 'all' }), officer);
    expect(imported.status).toBe(303);
    expect(await (await get(runPage, officer)).text()).toContain('Đã nhập xong');
    // A draft of the cooperative: its members see it on their list.
    expect(await (await get('/tai-khoan/san-pham', manager)).text()).toContain(name);
    const log = await (await get('/quan-tri/nhat-ky?actor=canbo', officer)).text();
    const entry = log.slice(log.indexOf(name) - 400, log.indexOf(name) + 600);
    expect(entry).toContain('đã tạo sản phẩm');
    expect(entry).toContain(cooperative.name);
  });

  it('refuses a 50 MB upload unread (413), and an 11 MB file with its limit (422), keeping no run', async () => {
    const huge = await postMultipart(page, importUpload(new Uint8Array(50 * 1024 * 1024), 'so.xlsx'), officer);
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('quá lớn');
    const big = await postMultipart(page, importUpload(new Uint8Array(11 * 1024 * 1024).fill(0x41), 'so.csv'), officer);
    expect(big.status).toBe(422);
    expect(await big.text()).toContain('Tệp lớn hơn 10 MB.');
  });

  it('refuses members, of this cooperative or another', async () => {
    expect((await get(page, manager)).status).toBe(403);
    const other = await signIn('quanly2@cho-htx.test');
    expect((await get(page, other)).status).toBe(403);
    expect((await get('/quan-tri/hop-tac-xa/khong-co-htx-nay/nhap-san-pham', officer)).status).toBe(404);
  });
});
