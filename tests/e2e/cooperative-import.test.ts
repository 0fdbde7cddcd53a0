/**
 * The console's import of cooperatives on the built worker (workerd, real R2
 * and D1): a register goes template → preview → import with invitations →
 * the same file again changes nothing; the new manager's invitation leaves
 * the outbox after the response and its link opens the sign-up form; only
 * officers reach the page.
 */
import { describe, expect, inject, it } from 'vitest';
import { COOPERATIVE_COLUMNS } from '../../src/server/imports/cooperative-import';
import { importCountsOn, importUpload } from '../support/import-pages';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, postMultipart, signIn } = site(baseUrl);
const PAGE = '/quan-tri/nhap-hop-tac-xa';

describe('console: import of cooperatives', async () => {
  const officer = await signIn('canbo@cho-htx.test');

  it('previews, imports with the manager invited, and finds the same file unchanged the second time', async () => {
    const template = await get(`${PAGE}?template=csv`, officer);
    expect(await template.text()).toContain('Tên hợp tác xã,Mã số HTX');

    const stamp = String(Date.now()).slice(-8);
    const code = `E2E${stamp}`;
    const email = `quanly-${stamp}@e2e.test`;
    const rows = [
      COOPERATIVE_COLUMNS.map((column) => column.headers.vi),
      COOPERATIVE_COLUMNS.map((column) =>
        column.field === 'registrationCode'
          ? code
          : column.field === 'name'
            ? `HTX Nhập Thử ${stamp}`
            : column.field === 'managerEmail'
              ? email
              : column.example,
      ),
      COOPERATIVE_COLUMNS.map((column) =>
        column.field === 'registrationCode' ? `F${code}` : column.field === 'latitude' ? '48.85' : column.example,
      ),
    ];
    const file = new TextEncoder().encode(rows.map((cells) => cells.map((c) => `"${c}"`).join(',')).join('\n'));
    const previewed = await postMultipart(PAGE, importUpload(file, 'so-dang-ky.csv'), officer);
    expect(previewed.status).toBe(303);
    const runPage = previewed.headers.get('location')!;
    const html = await (await get(runPage, officer)).text();
    expect(importCountsOn(html)).toMatchObject({ 'Tạo mới': '1', 'Bị từ chối': '1' });
    expect(html).toContain('Vĩ độ phải nằm trong lãnh thổ Việt Nam');
    expect(html).toContain('name="invite"');
    const run = new URL(runPage, baseUrl).searchParams.get('run')!;

    const imported = await postMultipart(
      PAGE,
      importUpload(new Uint8Array(), '', { run, mode: 'valid', invite: '1' }),
      officer,
    );
    expect(imported.status).toBe(303);
    expect(await (await get(runPage, officer)).text()).toContain('Đã nhập xong');
    expect(await (await get(`/quan-tri/hop-tac-xa?q=${code}`, officer)).text()).toContain(`HTX Nhập Thử ${stamp}`);

    // The invitation went out after the response; its link opens the sign-up form.
    let mail: string | undefined;
    for (let attempt = 0; attempt < 20 && !mail; attempt++) {
      const outbox = await (await get('/dev/outbox')).text();
      mail = outbox.split('<article').find((article) => article.includes(email));
      if (!mail) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const link = /href="(http[^"]+)"/.exec(mail ?? '')?.[1]?.replaceAll('&amp;', '&');
    expect(link).toBeDefined();
    const signUp = new URL(link!);
    expect((await get(`${signUp.pathname}${signUp.search}`)).status).toBe(200);

    const again = await postMultipart(PAGE, importUpload(file, 'so-dang-ky.csv'), officer);
    const second = await (await get(again.headers.get('location')!, officer)).text();
    expect(importCountsOn(second)).toMatchObject({ 'Tạo mới': '0', 'Không đổi': '1' });
  });

  it('sends visitors to sign in and refuses members', async () => {
    const visitor = await get(PAGE);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.get('location')).toContain('/dang-nhap');
    const manager = await signIn('quanly1@cho-htx.test');
    expect((await get(PAGE, manager)).status).toBe(403);
    expect((await get('/en/admin/import-cooperatives?template=xlsx', manager)).status).toBe(403);
  });
});
