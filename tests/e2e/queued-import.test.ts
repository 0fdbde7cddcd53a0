/**
 * A large import through the Cloudflare Queue on the built worker: wrangler
 * dev runs the queue (wrangler.toml [[queues]], copied into the built
 * dist/server/wrangler.json) and the worker's own queue() handler consumes
 * it, so this is the path a deployed province takes. A register of more than
 * QUEUED_FROM_ROWS products is uploaded on the import page, imported (the
 * request only queues it), followed by reloading the run's page as a person
 * without script would, and found done with every row written once; the
 * same file again changes nothing.
 */
import { describe, expect, inject, it } from 'vitest';
import { QUEUE_CHUNK_ROWS, QUEUED_FROM_ROWS } from '../../src/server/imports/import-queue';
import { PRODUCT_COLUMNS } from '../../src/server/imports/product-import';
import { importCountsOn, importUpload } from '../support/import-pages';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, postMultipart, signIn } = site(baseUrl);
const PAGE = '/tai-khoan/san-pham/nhap';

/** The status line of a run's page (role="status"). */
const statusOn = (html: string) => /<p role="status"[^>]*>([^<]*)<\/p>/.exec(html)?.[1]?.trim() ?? '';

describe('dashboard: a large product import through the queue', async () => {
  // The second demo cooperative: its drafts are private, so 500 more of them change no public page.
  const manager = await signIn('quanly2@cho-htx.test');

  it('queues a file over the threshold, shows its progress without script, and re-importing it changes nothing', async () => {
    const rowCount = QUEUED_FROM_ROWS + QUEUE_CHUNK_ROWS / 10;
    expect(rowCount).toBeGreaterThan(QUEUED_FROM_ROWS);
    const stamp = String(Date.now()).slice(-8);
    const nameOf = (row: number) => `Gạo hàng loạt ${stamp} số ${row}`;
    const rows = [
      PRODUCT_COLUMNS.map((column) => column.headers.vi),
      ...Array.from({ length: rowCount }, (_, i) =>
        PRODUCT_COLUMNS.map((column) => (column.field === 'nameVi' ? nameOf(i + 1) : column.example)),
      ),
      // One refused row: its reason is in the kept CSV after the consumer finishes.
      PRODUCT_COLUMNS.map((column) =>
        column.field === 'nameVi' ? nameOf(0) : column.field === 'provinceCode' ? 'Atlantis' : column.example,
      ),
    ];
    const file = new TextEncoder().encode(rows.map((cells) => cells.map((c) => `"${c}"`).join(',')).join('\r\n'));

    const previewed = await postMultipart(PAGE, importUpload(file, 'ca-nam.csv'), manager);
    expect(previewed.status).toBe(303);
    const runPage = previewed.headers.get('location')!;
    const run = new URL(runPage, baseUrl).searchParams.get('run')!;
    expect(importCountsOn(await (await get(runPage, manager)).text())).toMatchObject({
      'Tạo mới': String(rowCount).replace(/\B(?=(\d{3})+$)/g, '.'),
      'Bị từ chối': '1',
    });

    const queued = await postMultipart(PAGE, importUpload(new Uint8Array(), '', { run, mode: 'valid' }), manager);
    expect(queued.status).toBe(303);
    expect(queued.headers.get('location')).toBe(runPage);
    // The request only queued it: the page right after says it is under way, with a bar and a reload link.
    const first = await (await get(runPage, manager)).text();
    expect(statusOn(first)).toMatch(/^Đang nhập: [\d.]+\/[\d.]+ dòng$/);
    expect(first).toContain('<progress id="import-progress"');
    expect(first).toContain('Tải lại trang để xem tiến độ');
    expect(first).not.toContain('<script');

    // Reloading, as the link says, until the consumer has written every chunk.
    let page = first;
    const seen = new Set<string>();
    for (let attempt = 0; attempt < 240 && statusOn(page) !== 'Đã nhập xong'; attempt++) {
      seen.add(statusOn(page));
      await new Promise((resolve) => setTimeout(resolve, 500));
      page = await (await get(runPage, manager)).text();
    }
    expect(statusOn(page)).toBe('Đã nhập xong');
    expect(importCountsOn(page)).toMatchObject({
      'Tạo mới': String(rowCount).replace(/\B(?=(\d{3})+$)/g, '.'),
      'Cập nhật': '0',
      'Bị từ chối': '1',
    });
    expect([...seen].every((status) => /^Đang nhập: /.test(status))).toBe(true);

    const refused = await (await get(`${runPage}&download=refused`, manager)).text();
    expect(refused).toContain('Atlantis');
    expect(refused.trim().split(/\r?\n/)).toHaveLength(2);

    // Every row written once: each name is on the dashboard's list exactly once.
    const list = await (await get('/tai-khoan/san-pham', manager)).text();
    for (const row of [1, 2, QUEUE_CHUNK_ROWS, QUEUE_CHUNK_ROWS + 1, rowCount])
      expect(list.split(`>${nameOf(row)}<`)).toHaveLength(2);
    expect(list.match(new RegExp(`>Gạo hàng loạt ${stamp} số \\d+<`, 'g'))).toHaveLength(rowCount);

    // The same file again: nothing to create or update, nothing to import.
    const again = await postMultipart(PAGE, importUpload(file, 'ca-nam.csv'), manager);
    const second = await (await get(again.headers.get('location')!, manager)).text();
    expect(importCountsOn(second)).toMatchObject({
      'Tạo mới': '0',
      'Cập nhật': '0',
      'Không đổi': String(rowCount).replace(/\B(?=(\d{3})+$)/g, '.'),
    });
    expect(second).not.toContain('name="mode"');
  }, 180_000);
});
