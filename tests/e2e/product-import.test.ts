/**
 * Importing products on the built worker (workerd, real R2 and D1): both
 * templates download and read back (read-excel-file and write-excel-file run
 * in the worker), a register goes template → preview → import → the same
 * file again changes nothing, a file in a legacy encoding is refused with
 * its message, and only members reach the page.
 */
import { describe, expect, inject, it } from 'vitest';
import { PRODUCT_COLUMNS } from '../../src/server/imports/product-import';
import { importCountsOn, importUpload } from '../support/import-pages';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, postMultipart, signIn } = site(baseUrl);
const PAGE = '/tai-khoan/san-pham/nhap';

describe('dashboard: product import', async () => {
  const manager = await signIn('quanly1@cho-htx.test');

  it('serves both templates, and the XLSX one previews in the worker with no refused row', async () => {
    const csv = await get(`${PAGE}?template=csv`, manager);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('Tên sản phẩm,Tên tiếng Anh');
    const xlsx = await get('/en/account/products/import?template=xlsx', manager);
    expect(xlsx.headers.get('content-disposition')).toContain('product-import-template.xlsx');
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
    const previewed = await postMultipart(PAGE, importUpload(bytes, 'mau.xlsx'), manager);
    expect(previewed.status).toBe(303);
    const html = await (await get(previewed.headers.get('location')!, manager)).text();
    expect(importCountsOn(html)['Bị từ chối']).toBe('0');
  });

  it('previews, imports, and finds the same file unchanged the second time', async () => {
    const name = `Mật ong nhập thử ${Date.now()}`;
    const rows = [
      PRODUCT_COLUMNS.map((column) => column.headers.vi),
      PRODUCT_COLUMNS.map((column) => (column.field === 'nameVi' ? name : column.example)),
      PRODUCT_COLUMNS.map((column) => (column.field === 'provinceCode' ? 'Atlantis' : column.example)),
    ];
    const file = new TextEncoder().encode(rows.map((cells) => cells.map((c) => `"${c}"`).join(';')).join('\n'));
    const previewed = await postMultipart(PAGE, importUpload(file, 'so-dang-ky.csv'), manager);
    expect(previewed.status).toBe(303);
    const runPage = previewed.headers.get('location')!;
    const html = await (await get(runPage, manager)).text();
    expect(importCountsOn(html)).toMatchObject({ 'Tạo mới': '1', 'Bị từ chối': '1' });
    expect(html).toContain('Atlantis');
    expect(html).toContain('Không có tỉnh/thành phố này');
    const run = new URL(runPage, baseUrl).searchParams.get('run')!;

    const refused = await postMultipart(PAGE, importUpload(new Uint8Array(), '', { run, mode: 'all' }), manager);
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('không dòng nào được nhập');

    const imported = await postMultipart(PAGE, importUpload(new Uint8Array(), '', { run, mode: 'valid' }), manager);
    expect(imported.status).toBe(303);
    const done = await (await get(runPage, manager)).text();
    expect(done).toContain('Đã nhập xong');
    expect(importCountsOn(done)).toMatchObject({ 'Tạo mới': '1', 'Bị từ chối': '1' });
    const csv = await (await get(`${runPage}&download=refused`, manager)).text();
    expect(csv).toContain('Atlantis');
    expect(await (await get('/tai-khoan/san-pham', manager)).text()).toContain(name);

    const again = await postMultipart(PAGE, importUpload(file, 'so-dang-ky.csv'), manager);
    const second = await (await get(again.headers.get('location')!, manager)).text();
    expect(importCountsOn(second)).toMatchObject({ 'Tạo mới': '0', 'Không đổi': '1' });
  });

  it('refuses a CSV in a legacy encoding with a message, and keeps nothing', async () => {
    const windows1258 = new Uint8Array([0x54, 0xea, 0x6e, 0x0a, 0x4d, 0xe2, 0xf2, 0x74, 0x0a]);
    const res = await postMultipart(PAGE, importUpload(windows1258, 'cu.csv'), manager);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('CSV UTF-8');
  });

  it('sends visitors to sign in and refuses officers', async () => {
    const visitor = await get(PAGE);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toContain('/dang-nhap');
    const officer = await signIn('canbo@cho-htx.test');
    expect((await get(PAGE, officer)).status).toBe(403);
  });
});
