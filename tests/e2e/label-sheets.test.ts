/**
 * Label sheets from the dashboard on the built worker: a manager downloads a
 * batch's and a product's labels as a PDF whose QR codes decode to the exact
 * addresses the trace and product pages show; bad choices come back as the
 * form with messages (422); an officer may print them, another cooperative's
 * manager finds nothing (404).
 */
import { describe, expect, inject, it } from 'vitest';
import { LABEL_LAYOUTS, labelBoxes } from '../../src/server/print/label-layouts';
import { decodeQrIn, openPdf, pageText, rasteriseFills } from '../support/pdf';
import { site } from '../support/site';

const baseUrl = inject('baseUrl');
const { get, signIn } = site(baseUrl);

const qrAddressOn = (html: string) => /<code class="qr__address"[^>]*>([^<]+)<\/code>/.exec(html)?.[1] ?? null;

/** A published product of the manager's with a batch: its slug, the batch's id and the batch's trace page. */
async function productWithBatch(cookie: string) {
  const list = await (await get('/tai-khoan/san-pham', cookie)).text();
  const slugs = new Set([...list.matchAll(/href="\/tai-khoan\/san-pham\/([a-z0-9-]+)\/lo-hang"/g)].map((m) => m[1]!));
  for (const slug of slugs) {
    const batches = await (await get(`/tai-khoan/san-pham/${slug}/lo-hang`, cookie)).text();
    const trace = /href="(\/truy-xuat\/[^"]+)"/.exec(batches)?.[1];
    const batch = /href="\/tai-khoan\/san-pham\/[a-z0-9-]+\/nhan-in\?batch=([a-z0-9]+)"/.exec(batches)?.[1];
    if (trace && batch) return { slug, batch, trace };
  }
  throw new Error('no published product with a batch in the demo cooperative');
}

async function decodedLabels(res: Response, layout: keyof typeof LABEL_LAYOUTS) {
  const pdf = await openPdf(new Uint8Array(await res.arrayBuffer()));
  const page = await pdf.getPage(pdf.numPages);
  const bitmap = await rasteriseFills(page, 2);
  const codes = labelBoxes(LABEL_LAYOUTS[layout]).map((box) => decodeQrIn(bitmap, page.view[3]!, box));
  return { pages: pdf.numPages, codes, text: (await pageText(page)).join('\n') };
}

describe('dashboard: label sheets', async () => {
  const manager = await signIn('quanly1@cho-htx.test');
  const { slug, batch, trace } = await productWithBatch(manager);
  const page = `/tai-khoan/san-pham/${slug}/nhan-in`;

  it('offers the product’s label and each lot’s, three sheet layouts and a bounded number of sheets', async () => {
    const res = await get(`${page}?batch=${batch}`, manager);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<form method="get" action="\/tai-khoan\/san-pham\/[a-z0-9-]+\/nhan-in"/);
    expect(html).toContain(`<option value="${batch}" selected>`);
    expect(html).toContain('24 nhãn/tờ, 70 × 37 mm');
    expect(html).toContain('10 nhãn/tờ, 105 × 57 mm');
    expect(html).toContain('Từ 1 đến 20 tờ');
    // The way back names where it leads: the batches the member came from.
    expect(html).toMatch(
      new RegExp(
        `<p class="dashboard__back"[^>]*>\\s*<a href="/tai-khoan/san-pham/${slug}/lo-hang"[^>]*>Quay lại danh sách lô hàng</a>`,
      ),
    );
  });

  it('downloads a lot’s labels as a PDF whose QR codes decode to the lot’s label address', async () => {
    const expected = qrAddressOn(await (await get(trace)).text());
    expect(expected).toMatch(/^http:\/\/.+\/(01|truy-xuat)\//);
    const res = await get(`${page}?batch=${batch}&layout=a4-2x5&sheets=2`, manager);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.a4-2x5\.pdf"$/);
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    const labels = await decodedLabels(res, 'a4-2x5');
    expect(labels.pages).toBe(2);
    expect(labels.codes).toEqual(Array(10).fill(expected));
    expect(labels.text).toContain('Lô: ');
  });

  it('prints the English words on labels downloaded from the English page', async () => {
    const res = await get(`/en/account/products/${slug}/labels?batch=${batch}&layout=a4-3x8&sheets=1`, manager);
    expect(res.status).toBe(200);
    const labels = await decodedLabels(res, 'a4-3x8');
    expect(labels.codes.every((code) => code === labels.codes[0] && code !== null)).toBe(true);
    expect(labels.text).toContain('Lot: ');
    expect(labels.text).toContain('Trace code: ');
  });

  it('downloads the product’s own labels, decoding to the product’s label address', async () => {
    const expected = qrAddressOn(await (await get(`/tai-khoan/san-pham/${slug}`, manager)).text());
    expect(expected).not.toBeNull();
    const res = await get(`${page}?batch=&layout=a4-2x7&sheets=1`, manager);
    expect(res.status).toBe(200);
    expect((await decodedLabels(res, 'a4-2x7')).codes).toEqual(Array(14).fill(expected));
  });

  it.each([
    ['sheets=0', 'sheets', 'Giá trị phải từ 1 trở lên.'],
    ['sheets=21', 'sheets', 'Giá trị không được vượt quá 20.'],
    ['sheets=hai', 'sheets', 'Cần một số'],
    ['layout=a4-4x10&sheets=1', 'layout', 'Giá trị không được chấp nhận.'],
    ['layout=a4-3x8&sheets=1&batch=khong-co', 'batch', 'Sản phẩm này không có lô hàng mang mã này.'],
  ])('answers %s with the form again (422), the message next to the field', async (query, field, message) => {
    const res = await get(`${page}?${query}`, manager);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain(`id="field-${field}-error"`);
    expect(html).toContain(message);
  });

  it('refuses another cooperative’s batch on this product’s labels (422), never printing its lot', async () => {
    const other = await signIn('quanly2@cho-htx.test');
    const theirs = await productWithBatch(other).catch(() => null);
    if (!theirs) return;
    const res = await get(`${page}?batch=${theirs.batch}&layout=a4-3x8&sheets=1`, manager);
    expect(res.status).toBe(422);
  });

  it('lets an officer print a cooperative’s labels; another cooperative’s manager finds nothing', async () => {
    const officer = await signIn('canbo@cho-htx.test');
    // The console's page of the cooperative is the officers' way in.
    const me = (await (await get('/api/v1/me', manager)).json()) as { cooperative: { slug: string } };
    const oversight = await (await get(`/quan-tri/hop-tac-xa/${me.cooperative.slug}`, officer)).text();
    expect(oversight).toContain(`href="${page}"`);
    // And the way back from the labels page, named: the cooperative's page in the console.
    const form = await (await get(page, officer)).text();
    const back = /<p class="dashboard__back"[^>]*>\s*<a href="([^"]+)"[^>]*>([^<]+)<\/a>/.exec(form);
    expect(back?.[1]).toBe(`/quan-tri/hop-tac-xa/${me.cooperative.slug}`);
    expect(back?.[2]).toMatch(/^Quay lại .+/);
    const english = await (await get(`/en/account/products/${slug}/labels`, officer)).text();
    expect(english).toMatch(
      /<p class="dashboard__back"[^>]*>\s*<a href="\/en\/admin\/cooperatives\/[a-z0-9-]+"[^>]*>Back to /,
    );
    const printed = await get(`${page}?layout=a4-3x8&sheets=1`, officer);
    expect(printed.status).toBe(200);
    expect(printed.headers.get('content-type')).toBe('application/pdf');
    const other = await signIn('quanly2@cho-htx.test');
    for (const query of ['', '?layout=a4-3x8&sheets=1']) {
      const res = await get(`${page}${query}`, other);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).not.toBe('application/pdf');
    }
    expect((await get(`${page}?layout=a4-3x8&sheets=1`)).status).toBe(303);
  });
});
